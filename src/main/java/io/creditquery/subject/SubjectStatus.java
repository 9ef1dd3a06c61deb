package io.creditquery.subject;

/** 登记状态: 存续, 吊销, 注销, 撤销/解散. */
public enum SubjectStatus {
    ACTIVE, REVOKED, CANCELLED, DISSOLVED
}
