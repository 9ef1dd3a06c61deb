package io.creditquery.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Rule and measure catalogues kept as JSON data on the classpath; a missing or malformed file stops the start-up. */
public final class Catalogues {

    private Catalogues() {
    }

    public static <T> T load(ObjectMapper json, String file, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            return json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue " + file + " is invalid", e);
        }
    }
}
