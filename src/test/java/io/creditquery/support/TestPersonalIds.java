package io.creditquery.support;

import io.creditquery.security.PersonalIds;
import io.creditquery.security.SecurityConfig;

/** PersonalIds with a fixed key, for unit tests of code that hashes citizen IDs. */
public final class TestPersonalIds {

    private static final String KEY = "00112233445566778899aabbccddeeff";

    private TestPersonalIds() {
    }

    public static PersonalIds create() {
        return new PersonalIds(config());
    }

    /** Security settings with the fixed key and the default token limits. */
    public static SecurityConfig config() {
        return new SecurityConfig() {
            @Override
            public String idHashKey() {
                return KEY;
            }

            @Override
            public String apiKeyPepper() {
                return KEY;
            }

            @Override
            public java.time.Duration maxTokenAge() {
                return java.time.Duration.ofHours(8);
            }

            @Override
            public java.time.Duration clockSkew() {
                return java.time.Duration.ofSeconds(60);
            }
        };
    }
}
