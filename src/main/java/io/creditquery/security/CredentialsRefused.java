package io.creditquery.security;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Why credentials identify no caller this platform knows; its message is what the client is told (401). Quarkus's
 * {@link AuthenticationFailedException} is final, so this travels as its cause.
 */
public class CredentialsRefused extends RuntimeException {

    public CredentialsRefused(String reason) {
        super(reason, null, false, false);
    }

    /** The reason to tell the client, if {@code failure} was refused by this platform's rules (else null). */
    public static String reasonOf(Throwable failure) {
        return failure.getCause() instanceof CredentialsRefused refused ? refused.getMessage() : null;
    }

    AuthenticationFailedException asFailure() {
        return new AuthenticationFailedException(this);
    }
}
