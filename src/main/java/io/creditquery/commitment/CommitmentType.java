package io.creditquery.commitment;

/** The six kinds of credit commitment (“六型”信用承诺制) of the Shandong 14th five-year plan. */
public enum CommitmentType {
    APPROVAL_SUBSTITUTE("审批替代型"),
    VOLUNTARY_DISCLOSURE("主动公开型"),
    INDUSTRY_SELF_DISCIPLINE("行业自律型"),
    CREDIT_REPAIR("信用修复型"),
    CERTIFICATION_NOTICE("证明事项告知型"),
    GOVERNMENT_SERVICE("政务服务承诺型");

    private final String label;

    CommitmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
