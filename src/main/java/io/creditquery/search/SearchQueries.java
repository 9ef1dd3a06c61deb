package io.creditquery.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.creditquery.code.CodeValidator;

import java.util.List;
import java.util.Locale;

/**
 * The Elasticsearch queries behind search and suggest. User text only ever reaches Elasticsearch as values of
 * term, prefix and match queries, never as query-string syntax. Ranking: an exact code first, then the exact
 * full name, then the core name and phrase matches, then bigram relevance (which tolerates a wrong or missing
 * character).
 */
public final class SearchQueries {

    private static final float CODE = 1000f;
    private static final float CODE_PREFIX = 300f;
    private static final float FULL_NAME = 500f;
    private static final float CORE_NAME = 60f;
    private static final float PHRASE = 40f;
    private static final float PINYIN = 40f;
    private static final float LEGAL_REPRESENTATIVE = 30f;

    private SearchQueries() {
    }

    /** The text part of a search: a should-clause per way a user may have meant it. */
    public static void relevance(BoolQuery.Builder bool, String text) {
        String q = ChineseText.normalize(text);
        String compact = q.replace(" ", "");
        String code = CodeValidator.normalize(q);
        if (code.matches("[0-9A-Z]{6,18}")) {
            bool.should(constant(term("uscc", code), CODE, "code_exact"));
            bool.should(constant(term("registration_no", code), CODE, "registration_no_exact"));
            if (code.length() == 9) {
                bool.should(constant(term("org_code", code), CODE, "org_code_exact"));
            }
            if (code.length() < 18) {
                bool.should(constant(Query.of(p -> p.prefix(x -> x.field("uscc").value(code))), CODE_PREFIX, "code_prefix"));
            }
        }
        bool.should(constant(term("name.keyword", compact), FULL_NAME, "name_exact"));
        if (ChineseText.hasHan(q)) {
            String core = ChineseText.coreName(compact);
            bool.should(constant(term("name_core", core), CORE_NAME, "name_without_suffix"));
            bool.should(Query.of(m -> m.matchPhrase(p -> p.field("name").query(compact).boost(PHRASE / 4)
                    .queryName("name_phrase"))));
            // The bigrams of the organisational form (有限 限公 公司) match nearly every document: they only add score
            // to documents that already match the distinctive part, never select documents on their own.
            String distinctive = ChineseText.withoutOrgForm(compact);
            String form = compact.substring(Math.max(0, distinctive.length() - 1));
            bool.should(Query.of(b -> b.bool(x -> {
                x.queryName("name_bigrams");
                x.must(m -> m.match(t -> t.field("name_bigrams").query(ChineseText.bigrams(distinctive))
                        .minimumShouldMatch("60%")));
                if (form.length() >= 2) {
                    x.should(m -> m.match(t -> t.field("name_bigrams").query(ChineseText.bigrams(form))));
                }
                return x;
            })));
            bool.should(constant(term("legal_representative.keyword", compact), LEGAL_REPRESENTATIVE,
                    "legal_representative"));
        }
        if (ChineseText.isLatin(q)) {
            String lower = compact.toLowerCase(Locale.ROOT);
            for (List<String> syllables : ChineseText.segmentPinyin(q)) {
                bool.should(constant(Query.of(m -> m.matchPhrase(p -> p.field("pinyin").query(String.join(" ", syllables)))),
                        PINYIN, "pinyin"));
            }
            bool.should(constant(term("pinyin_initials", lower), PINYIN, "pinyin_initials"));
            bool.should(constant(Query.of(p -> p.prefix(x -> x.field("pinyin_initials").value(lower))), PINYIN / 2,
                    "pinyin_initials_prefix"));
        }
        bool.minimumShouldMatch("1");
    }

    /** Type-ahead: name and code prefixes, characters typed so far anywhere in the name, pinyin initials. */
    static Query suggest(String text) {
        String q = ChineseText.normalize(text);
        String compact = q.replace(" ", "");
        return Query.of(root -> root.bool(bool -> {
            bool.filter(term("public", true));
            String code = CodeValidator.normalize(q);
            if (code.matches("[0-9A-Z]{2,18}")) {
                bool.should(constant(Query.of(p -> p.prefix(x -> x.field("uscc").value(code))), 5f, "code_prefix"));
            }
            bool.should(constant(Query.of(p -> p.prefix(x -> x.field("name.keyword").value(compact))), 4f, "name_prefix"));
            bool.should(constant(Query.of(p -> p.prefix(x -> x.field("name_core").value(compact))), 3f,
                    "name_without_suffix_prefix"));
            if (ChineseText.hasHan(q)) {
                bool.should(Query.of(m -> m.matchPhrasePrefix(p -> p.field("name").query(compact).queryName("name_phrase"))));
            }
            if (ChineseText.isLatin(q)) {
                String lower = compact.toLowerCase(Locale.ROOT);
                bool.should(constant(Query.of(p -> p.prefix(x -> x.field("pinyin_initials").value(lower))), 2f,
                        "pinyin_initials_prefix"));
                for (List<String> syllables : ChineseText.segmentPinyin(q)) {
                    bool.should(Query.of(m -> m.matchPhrasePrefix(p -> p.field("pinyin").query(String.join(" ", syllables))
                            .queryName("pinyin"))));
                }
            }
            return bool.minimumShouldMatch("1");
        }));
    }

    /** The characters of the query found in the name, for highlighting whatever clause matched. */
    static Query highlight(String text) {
        String compact = ChineseText.normalize(text).replace(" ", "");
        return Query.of(m -> m.match(x -> x.field("name").query(compact)));
    }

    static Query term(String field, String value) {
        return Query.of(t -> t.term(x -> x.field(field).value(value)));
    }

    static Query term(String field, boolean value) {
        return Query.of(t -> t.term(x -> x.field(field).value(FieldValue.of(value))));
    }

    /** A clause with a fixed score, named after the feature it tests (what explain=true reports). */
    private static Query constant(Query query, float boost, String feature) {
        return Query.of(c -> c.constantScore(s -> s.filter(query).boost(boost).queryName(feature)));
    }
}
