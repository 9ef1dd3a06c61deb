package io.creditquery.search;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.demo.DemoDataGenerator.GeneratedSubject;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relevance as a test: queries generated from the deterministic data set, each with the subject it must find.
 * Query kinds: full name, region + trade name + industry (also where the same trade name exists in other
 * regions), a missing character, a wrong character, pinyin,
 * pinyin initials, old registration number, organisation code, USCC prefix, legal representative. A query is
 * kept only when it names one subject of the set unambiguously (otherwise no ranking could be "right").
 * Thresholds (documented in docs/search.md): top-1 ≥ 95% overall, top-5 ≥ 98% overall, top-5 ≥ 90% per kind.
 */
@QuarkusTest
class SearchRelevanceIT {

    private static final int SUBJECTS = 20_000;
    private static final int PER_KIND = 40;
    private static final String TYPO_CHARACTERS = "才材彩财裁信心新欣华化话花达大打建键见";

    record Case(String kind, String query, String expected) {
    }

    @Inject
    TestStores stores;

    private final List<GeneratedSubject> subjects = new ArrayList<>();

    /** Loaded inside the test: RestAssured points at the test port only once a test method runs. */
    private void loadData() {
        stores.reset();
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED);
        LongStream.range(0, SUBJECTS).mapToObj(generator::subject).forEach(subjects::add);
        for (int from = 0; from < SUBJECTS; from += 5_000) {
            Ndjson.hub("subjects", subjects.subList(from, from + 5_000).stream().map(GeneratedSubject::subjectLine).toList())
                    .statusCode(200);
        }
        // Natural persons on no public list are not indexed.
        long indexable = subjects.stream().filter(subject -> !subject.type().equals("NATURAL_PERSON")).count();
        await().atMost(Duration.ofSeconds(120)).until(() -> stores.indexedCount() == indexable);
    }

    @Test
    void intendedSubjectComesFirst() {
        loadData();
        List<Case> cases = cases();
        Map<String, int[]> byKind = new LinkedHashMap<>();
        int top1 = 0;
        int top5 = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            List<String> codes = given().queryParam("q", c.query()).queryParam("size", 5).get("/api/v1/search")
                    .then().statusCode(200).extract().jsonPath().getList("items.code", String.class);
            int[] counts = byKind.computeIfAbsent(c.kind(), k -> new int[3]);
            counts[2]++;
            if (!codes.isEmpty() && codes.get(0).equals(c.expected())) {
                top1++;
                counts[0]++;
            } else if (misses.size() < 15) {
                misses.add(c + " → " + codes);
            }
            if (codes.contains(c.expected())) {
                top5++;
                counts[1]++;
            }
        }
        StringBuilder report = new StringBuilder(String.format("relevance over %d queries: top-1 %.1f%%, top-5 %.1f%%%n",
                cases.size(), 100.0 * top1 / cases.size(), 100.0 * top5 / cases.size()));
        byKind.forEach((kind, counts) -> report.append(String.format("  %-22s n=%3d top-1 %5.1f%% top-5 %5.1f%%%n",
                kind, counts[2], 100.0 * counts[0] / counts[2], 100.0 * counts[1] / counts[2])));
        misses.forEach(m -> report.append("  miss: ").append(m).append('\n'));
        System.out.println(report);
        assertTrue(cases.size() >= 300, "at least 300 queries, got " + cases.size());
        assertTrue(top1 >= 0.95 * cases.size(), report.toString());
        assertTrue(top5 >= 0.98 * cases.size(), report.toString());
        byKind.forEach((kind, counts) -> assertTrue(counts[1] >= 0.90 * counts[2], kind + "\n" + report));
    }

    private List<Case> cases() {
        List<GeneratedSubject> organisations = subjects.stream().filter(s -> !s.type().equals("NATURAL_PERSON")).toList();
        List<Case> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        add(cases, "full name", organisations, GeneratedSubject::name, random);
        add(cases, "region + trade name", organisations.stream().filter(s -> s.type().equals("ENTERPRISE")).toList(),
                s -> ChineseText.regionPrefix(s.name()) + ChineseText.coreName(s.name()), random);
        Map<String, Long> coreUses = organisations.stream().collect(java.util.stream.Collectors.groupingBy(
                s -> ChineseText.coreName(s.name()), java.util.stream.Collectors.counting()));
        add(cases, "trade name in several regions", organisations.stream()
                        .filter(s -> coreUses.get(ChineseText.coreName(s.name())) > 1 && !ChineseText.regionPrefix(s.name()).isEmpty())
                        .toList(),
                s -> ChineseText.regionPrefix(s.name()) + ChineseText.coreName(s.name()), random);
        add(cases, "missing character", organisations, s -> dropOneCharacter(s, random), random);
        add(cases, "wrong character", organisations, s -> replaceOneCharacter(s, random), random);
        add(cases, "pinyin", organisations.stream().filter(s -> s.type().equals("ENTERPRISE")).toList(),
                s -> String.join("", ChineseText.pinyin(ChineseText.regionPrefix(s.name()))) + " "
                        + String.join("", ChineseText.pinyin(ChineseText.coreName(s.name()))), random);
        add(cases, "pinyin initials", organisations.stream().filter(s -> s.type().equals("ENTERPRISE")).toList(),
                s -> ChineseText.initials(ChineseText.regionPrefix(s.name()) + ChineseText.coreName(s.name())), random);
        add(cases, "registration number", organisations.stream().filter(s -> s.registrationNo() != null).toList(),
                GeneratedSubject::registrationNo, random);
        add(cases, "organisation code", organisations, s -> s.code().substring(8, 16) + "-" + s.code().charAt(16), random);
        add(cases, "USCC prefix", organisations, s -> s.code().substring(0, 16), random);
        add(cases, "legal representative", organisations, GeneratedSubject::legalRepresentative, random);
        return cases;
    }

    /** Adds up to PER_KIND cases of one kind, keeping only queries that point at exactly one subject of the set. */
    private void add(List<Case> cases, String kind, List<GeneratedSubject> pool, Function<GeneratedSubject, String> query,
                     SplittableRandom random) {
        Map<String, Integer> uses = new HashMap<>();
        Map<GeneratedSubject, String> queries = new LinkedHashMap<>();
        for (GeneratedSubject s : pool) {
            String q = query.apply(s);
            if (q != null) {
                queries.put(s, q);
                uses.merge(normalise(q), 1, Integer::sum);
            }
        }
        List<GeneratedSubject> candidates = new ArrayList<>(queries.keySet().stream()
                .filter(s -> uses.get(normalise(queries.get(s))) == 1 && nameIsUnique(s))
                .toList());
        for (int i = 0; i < PER_KIND && !candidates.isEmpty(); i++) {
            GeneratedSubject s = candidates.remove(random.nextInt(candidates.size()));
            cases.add(new Case(kind, queries.get(s), s.code()));
        }
    }

    private Map<String, Integer> nameCounts;

    private boolean nameIsUnique(GeneratedSubject s) {
        if (nameCounts == null) {
            nameCounts = new HashMap<>();
            subjects.forEach(x -> nameCounts.merge(x.name(), 1, Integer::sum));
        }
        return nameCounts.get(s.name()) == 1;
    }

    private static String normalise(String q) {
        return q.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Drops one character of the trade name or industry word, as a hurried typist does. */
    private static String dropOneCharacter(GeneratedSubject s, SplittableRandom random) {
        String core = ChineseText.coreName(s.name());
        if (core.length() < 4) {
            return null;
        }
        int at = s.name().indexOf(core) + 1 + random.nextInt(core.length() - 2);
        return s.name().substring(0, at) + s.name().substring(at + 1);
    }

    /** Replaces one character of the industry word with a similar-sounding or common one. */
    private static String replaceOneCharacter(GeneratedSubject s, SplittableRandom random) {
        String core = ChineseText.coreName(s.name());
        if (core.length() < 4) {
            return null;
        }
        int at = s.name().indexOf(core) + 2 + random.nextInt(core.length() - 2);
        char replacement = TYPO_CHARACTERS.charAt(random.nextInt(TYPO_CHARACTERS.length()));
        if (replacement == s.name().charAt(at)) {
            return null;
        }
        return s.name().substring(0, at) + replacement + s.name().substring(at + 1);
    }
}
