package io.creditquery.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cursors round-trip for their own query and refuse everything else with a 400 naming the cursor. */
class CursorsPropertiesTest {

    private final Cursors cursors = new Cursors(io.creditquery.support.TestPersonalIds.config().idHashKey());

    @Property
    void roundTripsForItsOwnQuery(@ForAll String query, @ForAll String first, @ForAll String second) {
        String cursor = cursors.encode(query, List.of(first, second));
        if (cursor.length() <= 512 && !first.contains("\u001F") && !second.contains("\u001F")) {
            assertEquals(List.of(first, second), cursors.decode(query, cursor, 2));
        }
    }

    @Property
    void anyOtherStringIsA400(@ForAll @NotBlank String forged) {
        ProblemException refused = assertThrows(ProblemException.class, () -> cursors.decode("q", forged, 2));
        assertEquals(400, refused.problem().status());
        assertEquals("cursor", refused.problem().errors().get(0).field());
    }

    @Property
    void aCursorOfOneQueryIsRefusedForAnother(@ForAll String query, @ForAll String other) {
        if (query.equals(other)) {
            return;
        }
        String cursor = cursors.encode(query, List.of("1.5", "key"));
        assertThrows(ProblemException.class, () -> cursors.decode(other, cursor, 2));
    }
}
