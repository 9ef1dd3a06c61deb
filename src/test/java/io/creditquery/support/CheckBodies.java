package io.creditquery.support;

import java.util.Collections;

/** Bodies of POST /api/v1/verifications for tests. */
public final class CheckBodies {

    private CheckBodies() {
    }

    /** A batch check of {@code count} copies of one code: as much work as a batch of that size, from one subject. */
    public static String batchOf(int count, String code) {
        return "{\"scenario\":\"TENDERING\",\"codes\":[" + String.join(",", Collections.nCopies(count, "\"" + code + "\"")) + "]}";
    }
}
