package io.creditquery.list;

public enum ListKind {
    /** 守信激励. */
    RED,
    /** 失信惩戒. */
    BLACK
}
