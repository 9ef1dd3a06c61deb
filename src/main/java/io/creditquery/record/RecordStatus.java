package io.creditquery.record;

public enum RecordStatus {
    ACTIVE, UNDER_OBJECTION, CORRECTED, REPAIRED, REVOKED
}
