package io.creditquery.subject;

/** 登记状态: 存续, 吊销, 注销, 撤销/解散. */
public enum SubjectStatus {
    ACTIVE("存续"), REVOKED("吊销"), CANCELLED("注销"), DISSOLVED("撤销");

    private final String label;

    SubjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
