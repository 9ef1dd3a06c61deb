package io.creditquery.list;

/** Red and black lists (名单) from the joint reward and punishment memoranda. */
public enum ListType {
    SERIOUS_DISHONESTY("严重失信主体名单", ListKind.BLACK, false),
    JUDGMENT_DEFAULTER("失信被执行人", ListKind.BLACK, true),
    MAJOR_TAX_VIOLATION("重大税收违法失信主体", ListKind.BLACK, true),
    GOVERNMENT_PROCUREMENT_VIOLATION("政府采购严重违法失信行为记录", ListKind.BLACK, false),
    UNPAID_MIGRANT_WAGES("拖欠农民工工资失信联合惩戒对象", ListKind.BLACK, false),
    WORK_SAFETY("安全生产失信联合惩戒对象", ListKind.BLACK, false),
    ENVIRONMENTAL_DISHONESTY("环保失信", ListKind.BLACK, false),
    FOOD_DRUG_DISHONESTY("食品药品失信", ListKind.BLACK, false),
    ABNORMAL_OPERATION("经营异常名录", ListKind.BLACK, false),
    STATISTICAL_DISHONESTY("统计严重失信", ListKind.BLACK, false),
    TAX_CREDIT_A("纳税信用A级纳税人", ListKind.RED, false),
    CUSTOMS_AEO("海关高级认证企业", ListKind.RED, false),
    TRUSTWORTHY("守信激励对象", ListKind.RED, false);

    private final String label;
    private final ListKind kind;
    private final boolean namesPersonsPublicly;

    ListType(String label, ListKind kind, boolean namesPersonsPublicly) {
        this.label = label;
        this.kind = kind;
        this.namesPersonsPublicly = namesPersonsPublicly;
    }

    public String label() {
        return label;
    }

    public ListKind kind() {
        return kind;
    }

    /** Whether the law makes this list public for natural persons too (e.g. 失信被执行人 under the SPC rules). */
    public boolean namesPersonsPublicly() {
        return namesPersonsPublicly;
    }
}
