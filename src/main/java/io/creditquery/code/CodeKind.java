package io.creditquery.code;

/** The identifiers the platform accepts for a subject. */
public enum CodeKind {
    /** 统一社会信用代码, GB 32100-2015. */
    USCC,
    /** 居民身份证号码, GB 11643-1999. */
    CITIZEN_ID,
    /** Old 15-digit 工商注册号 (ISO 7064 MOD 11,10 check digit). */
    REGISTRATION_NO,
    /** Old 9-character 组织机构代码, GB 11714-1997. */
    ORG_CODE,
    UNKNOWN
}
