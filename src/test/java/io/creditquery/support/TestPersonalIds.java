package io.creditquery.support;

import io.creditquery.security.PersonalIds;
import io.creditquery.security.SecurityConfig;

/** PersonalIds with a fixed key, for unit tests of code that hashes citizen IDs. */
public final class TestPersonalIds {

    private static final String KEY = "00112233445566778899aabbccddeeff";

    private TestPersonalIds() {
    }

    public static PersonalIds create() {
        return new PersonalIds(new SecurityConfig() {
            @Override
            public String idHashKey() {
                return KEY;
            }

            @Override
            public String apiKeyPepper() {
                return KEY;
            }
        });
    }
}
