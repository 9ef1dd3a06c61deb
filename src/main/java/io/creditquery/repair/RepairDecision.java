package io.creditquery.repair;

/** The owning department approves (the information leaves public view at once) or rejects, with a note. */
public record RepairDecision(String decision, String note) {

    public enum Kind { APPROVE, REJECT }
}
