package io.creditquery.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.JsonText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A page of results comes back from the cache exactly as it went in, whatever its JSON holds. */
class CachedAnswerTest {

    private final JsonText json = new JsonText(new ObjectMapper());

    @Test
    void theAnswerAndItsSubjectKeysSurviveTheCache() {
        String page = "{\"total\":2,\"hits\":[{\"name\":\"青岛\\n海尔\",\"highlight\":\"<em>海尔</em> \\\"集团\\\"\"}],\n"
                + "\"facets\":{}}";
        SearchService.Answer answer = new SearchService.Answer(page, List.of("uscc:91370200163562681G", "k\n2,\"x\""));
        String cached = answer.cached(json);
        assertFalse(cached.substring(0, cached.indexOf('\n')).contains("海尔"), "the keys line comes first");
        assertEquals(answer, SearchService.Answer.fromCache(cached, json));
    }

    @Test
    void aValueOfAnotherFormIsAMissNotAnError() {
        assertNull(SearchService.Answer.fromCache("", json));
        assertNull(SearchService.Answer.fromCache("{\"json\":\"{}\",\"subjectKeys\":[]}", json));
        assertNull(SearchService.Answer.fromCache("\n{}", json));
    }

    @Test
    void aPageWithNoHitsHasNoKeys() {
        SearchService.Answer empty = new SearchService.Answer("{\"total\":0,\"hits\":[]}", List.of());
        assertEquals(empty, SearchService.Answer.fromCache(empty.cached(json), json));
    }
}
