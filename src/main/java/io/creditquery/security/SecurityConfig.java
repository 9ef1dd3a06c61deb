package io.creditquery.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.security")
public interface SecurityConfig {

    /** HMAC key for citizen IDs (hex); from the environment, generated per installation by bin/ scripts. */
    String idHashKey();

    /** Server-side secret mixed into API-key hashes (hex); a stolen table alone does not allow offline guessing. */
    String apiKeyPepper();

    /**
     * The longest a token may live: its exp at most this long after its iat (a token valid for a hundred years is
     * a leaked credential forever). A working day by default.
     */
    @WithDefault("8h")
    Duration maxTokenAge();

    /** How far a token's iat may lie in the future (clocks of the issuer and of this service differ a little). */
    @WithDefault("60s")
    Duration clockSkew();
}
