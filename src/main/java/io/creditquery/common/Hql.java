package io.creditquery.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rule for both query languages: a SQL condition over {@code alias.column_name} in HQL's {@code alias.columnName}. */
public final class Hql {

    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z]+)\\.([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b");

    private Hql() {
    }

    /** {@code sql} with each qualified snake_case column as the entity's camelCase field (literals must not contain dots). */
    public static String fromSql(String sql) {
        Matcher m = QUALIFIED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] words = m.group(2).split("_");
            StringBuilder field = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "." + field));
        }
        return m.appendTail(out).toString();
    }
}
