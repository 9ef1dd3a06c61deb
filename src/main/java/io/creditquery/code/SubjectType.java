package io.creditquery.code;

/** 信用主体类型. */
public enum SubjectType {
    ENTERPRISE("企业法人"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    SOCIAL_ORGANISATION("社会组织"),
    PUBLIC_INSTITUTION("事业单位"),
    GOVERNMENT_ORGAN("机关"),
    NATURAL_PERSON("自然人");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
