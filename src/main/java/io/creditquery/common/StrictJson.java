package io.creditquery.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * JSON bodies are read strictly: a field named twice is refused (which value was meant cannot be known), and a
 * single value is not taken for a list.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that no framework default re-enables what is switched off here. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configOverride(List.class)
                .setFormat(JsonFormat.Value.empty().withoutFeature(JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY));
    }
}
