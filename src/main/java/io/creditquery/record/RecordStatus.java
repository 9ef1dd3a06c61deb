package io.creditquery.record;

/** A record's state: in force, under objection (异议处理中), corrected away, repaired (信用修复), revoked. */
public enum RecordStatus {
    ACTIVE("有效"), UNDER_OBJECTION("异议处理中"), CORRECTED("已更正"), REPAIRED("已修复"), REVOKED("已撤销");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
