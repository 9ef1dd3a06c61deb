package io.creditquery.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.support.TestPersonalIds;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a line holds, the parser answers with a value or with reasons; it never throws. */
class IngestLineParserPropertiesTest {

    private final IngestLineParser parser = new IngestLineParser(new ObjectMapper(), TestPersonalIds.create());

    @Property
    void arbitraryTextIsAnsweredNotThrown(@ForAll String line) {
        for (IngestKind kind : IngestKind.values()) {
            ParsedLine<?> parsed = parser.parse(kind, 1, line, null);
            assertEquals(parsed.valid(), parsed.errors().isEmpty());
            if (!parsed.valid()) {
                assertFalse(parsed.errors().get(0).reason().isBlank());
            }
        }
    }

    @Property
    void arbitraryValuesInKnownFieldsAreAnsweredNotThrown(@ForAll String code, @ForAll String name, @ForAll String date) {
        String line = new ObjectMapper().createObjectNode().put("type", "ENTERPRISE").put("code", code).put("name", name)
                .put("establishedOn", date).toString();
        ParsedLine<?> parsed = parser.parse(IngestKind.SUBJECTS, 7, line, null);
        assertEquals(7, parsed.line());
        assertTrue(parsed.valid() || !parsed.errors().isEmpty());
    }
}
