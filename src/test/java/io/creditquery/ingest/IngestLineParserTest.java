package io.creditquery.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.support.TestPersonalIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines that used to be a 500 or stored altered: each is refused naming its field, or kept exactly. */
class IngestLineParserTest {

    private static final String SUBJECT = "{\"type\":\"ENTERPRISE\",\"code\":\"91350100M000100Y43\",\"name\":\"山东大学\"%s}";

    private final IngestLineParser parser = new IngestLineParser(new ObjectMapper(), TestPersonalIds.create());

    private ParsedLine<?> subject(String extra) {
        return parser.parse(IngestKind.SUBJECTS, 1, SUBJECT.formatted(extra), null);
    }

    private static void refused(ParsedLine<?> parsed, String field, String reason) {
        assertFalse(parsed.valid(), "accepted: " + parsed.value());
        assertEquals(field, parsed.errors().get(0).field(), parsed.errors().toString());
        assertTrue(parsed.errors().get(0).reason().contains(reason), parsed.errors().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e999999999 | registeredCapital | out of range",
            "1e-999999999 | registeredCapital | out of range",
            "1234.5678901 | registeredCapital | out of range",
            "12345678901234567 | registeredCapital | out of range",
            "-1 | registeredCapital | negative"})
    void capitalsThatCannotBeStoredExactlyAreRefused(String capital, String field, String reason) {
        refused(subject(",\"registeredCapital\":" + capital), field, reason);
    }

    @Test
    void capitalsAreKeptExactly() {
        SubjectUpsert upsert = (SubjectUpsert) subject(",\"registeredCapital\":1234.567800").value();
        assertEquals(0, new BigDecimal("1234.5678").compareTo(upsert.registeredCapital()));
        // a double would have made this 0.30000000000000004 or similar on the way
        upsert = (SubjectUpsert) subject(",\"registeredCapital\":0.3").value();
        assertEquals("0.3", upsert.registeredCapital().toPlainString());
    }

    @Test
    void aLoneSurrogateIsRefusedNotDropped() {
        refused(parser.parse(IngestKind.SUBJECTS, 1,
                "{\"type\":\"ENTERPRISE\",\"code\":\"91350100M000100Y43\",\"name\":\"山东\\ud800大学\"}", null), "name", "surrogate");
        // a real pair (an astral character such as 𠀀) is text
        assertTrue(parser.parse(IngestKind.SUBJECTS, 1,
                "{\"type\":\"ENTERPRISE\",\"code\":\"91350100M000100Y43\",\"name\":\"\\ud840\\udc00记商行\"}", null).valid());
    }

    @Test
    void trailingContentAfterTheObjectIsRefused() {
        refused(parser.parse(IngestKind.SUBJECTS, 1, SUBJECT.formatted("") + " {\"extra\":1}", null), "line", "more content");
        assertTrue(parser.parse(IngestKind.SUBJECTS, 1, SUBJECT.formatted("") + "  ", null).valid(), "whitespace is not content");
    }

    @Test
    void foundingDatesAreHistoricalRecordDatesAreNot() {
        assertEquals(LocalDate.of(1901, 11, 13),
                ((SubjectUpsert) subject(",\"establishedOn\":\"1901-11-13\"").value()).establishedOn());
        assertTrue(subject(",\"establishedOn\":\"1530-01-01\"").valid(), "六必居");
        refused(subject(",\"establishedOn\":\"1200-01-01\""), "establishedOn", "before 1368");
        refused(parser.parse(IngestKind.RECORDS, 1, "{\"subjectCode\":\"91350100M000100Y43\",\"category\":\"ADMIN_PENALTY\","
                + "\"sourceDept\":\"370100-SCJ\",\"sourceDocNo\":\"罚1号\",\"decisionDate\":\"1901-01-05\",\"title\":\"罚款\","
                + "\"classification\":\"PUBLIC\"}", null), "decisionDate", "before 1949");
    }

    @Test
    void contentWithNumbersOutOfRangeOrLoneSurrogatesIsRefused() {
        String record = "{\"subjectCode\":\"91350100M000100Y43\",\"category\":\"ADMIN_PENALTY\",\"sourceDept\":\"370100-SCJ\","
                + "\"sourceDocNo\":\"罚1号\",\"decisionDate\":\"2026-01-05\",\"title\":\"罚款\",\"classification\":\"PUBLIC\","
                + "\"content\":%s}";
        refused(parser.parse(IngestKind.RECORDS, 1, record.formatted("{\"fine\":1e999999999}"), null), "content", "out of range");
        refused(parser.parse(IngestKind.RECORDS, 1, record.formatted("{\"items\":[{\"note\":\"\\udc00\"}]}"), null), "content",
                "surrogate");
        assertTrue(parser.parse(IngestKind.RECORDS, 1, record.formatted("{\"fineAmountWan\":12.5,\"items\":[\"罚款\"]}"), null)
                .valid());
        // facts typed over several lines of one spreadsheet cell are text, not control characters
        assertTrue(parser.parse(IngestKind.RECORDS, 1, record.formatted("{\"facts\":\"第一，未取得许可；\\n第二，超范围经营。\"}"),
                null).valid());
    }

    @Test
    void invisibleCharactersBeyondTheBasicPlaneAreRefused() {
        // U+E0041 (a tag character, invisible): a look-alike of 山东大学
        refused(parser.parse(IngestKind.SUBJECTS, 1,
                "{\"type\":\"ENTERPRISE\",\"code\":\"91350100M000100Y43\",\"name\":\"山东\\udb40\\udc41大学\"}", null),
                "name", "invisible");
    }
}
