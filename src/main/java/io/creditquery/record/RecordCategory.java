package io.creditquery.record;

/** Credit record categories: the 十公示 administrative acts, court and tax data, sector records, honours, commitments. */
public enum RecordCategory {
    ADMIN_LICENSE("行政许可"),
    ADMIN_PENALTY("行政处罚"),
    ADMIN_ENFORCEMENT("行政强制"),
    ADMIN_CONFIRMATION("行政确认"),
    ADMIN_LEVY("行政征收"),
    ADMIN_PAYMENT("行政给付"),
    ADMIN_RULING("行政裁决"),
    ADMIN_COMPENSATION("行政补偿"),
    ADMIN_REWARD("行政奖励"),
    ADMIN_INSPECTION("行政监督检查"),
    COURT_JUDGEMENT("司法判决"),
    TAX_CREDIT_RATING("纳税信用等级"),
    FOOD_DRUG("食品药品"),
    ENVIRONMENT("生态环境"),
    CONSTRUCTION("工程建设"),
    LABOUR_WAGES("劳动用工与工资支付"),
    CUSTOMS("海关"),
    E_COMMERCE("电子商务"),
    HONOUR("荣誉表彰"),
    CREDIT_COMMITMENT("信用承诺");

    private final String label;

    RecordCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
