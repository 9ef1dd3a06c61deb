package io.creditquery.record;

/** 分类分级 disclosure attribute of a record. */
public enum Classification {
    /** 社会公开: everyone. */
    PUBLIC,
    /** 有条件共享: departments holding the scope for the category. */
    CONDITIONAL,
    /** 不予共享: the owning department and the subject itself. */
    RESTRICTED
}
