package io.creditquery.security;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "credit.security")
public interface SecurityConfig {

    /** HMAC key for citizen IDs (hex); from the environment, generated per installation by bin/ scripts. */
    String idHashKey();

    /** Server-side secret mixed into API-key hashes (hex); a stolen table alone does not allow offline guessing. */
    String apiKeyPepper();
}
