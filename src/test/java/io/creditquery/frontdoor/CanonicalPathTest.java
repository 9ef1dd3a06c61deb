package io.creditquery.frontdoor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one spelling of a path: what routes the same as a canonical path, or decodes into another, is refused. */
class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/subjects/91350100M000100Y43", "/api/v1/codes/9135%20100M000100Y43",
            "/api/v1/subjects/%EF%BC%99%EF%BC%91350100M000100Y44", "/api/v1/codes/%00", "/api/v1/codes/%27%3B--",
            "/api/v1/ingest/files/0e2f/annotated.csv", "/q/swagger-ui/", "/index.html", "/api/v1/search"})
    void canonicalPathsPass(String path) {
        assertNull(CanonicalPath.refusal(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//api/v1/search", "/api/./v1/search", "/x/../api/v1/search", "/api/%76%31/search",
            "/api%2Fv1/search", "/api%2fv1/search", "/api/v1/search/", "/api/v1/search;jsessionid=1", "/api/v1/%2e%2e/v1/search",
            "/api/v1//search", "/%61pi/v1/search", "/api/v1/subjects/..", "/api/v1/subjects/%2E", "/api/v1/codes/%252F",
            "/api/v1/codes/%5C", "/api/v1/codes/%zz", "/api/v1/codes/%4", "/api\\v1/search", "/api/v1/codes/a b",
            "/api/v1/codes/\u4e2d", "api/v1/search", "", "*", "/q//health", "/api/"})
    void otherSpellingsAreRefused(String path) {
        assertNotNull(CanonicalPath.refusal(path), path);
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertEquals("has an empty segment (//)", CanonicalPath.refusal("//api/v1/search"));
        assertEquals("has a dot segment (..)", CanonicalPath.refusal("/x/../api/v1/search"));
        assertEquals("escapes 'v', which is never escaped (%76)", CanonicalPath.refusal("/api/%76%31/search"));
        assertEquals("has a matrix parameter (;)", CanonicalPath.refusal("/api/v1/search;a=b"));
        assertEquals("ends with / (drop the trailing slash)", CanonicalPath.refusal("/api/v1/search/"));
    }

    @Test
    void theApiIsRecognisedInAnyCaseSoNoCaseVariantSkipsTheDoor() {
        assertTrue(CanonicalPath.isApi("/api/v1/search"));
        assertTrue(CanonicalPath.isApi("/API/v1/search"));
        assertTrue(CanonicalPath.isApi("/Api"));
        assertFalse(CanonicalPath.isApi("/apis/v1"));
        assertFalse(CanonicalPath.isApi("/q/health"));
        assertFalse(CanonicalPath.isApi("/"));
    }
}
