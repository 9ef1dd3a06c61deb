package io.creditquery.receipt;

import java.util.Map;

/**
 * A signed statement of the platform: {@code payload} is the base64url of the claims' JSON as signed, {@code signature}
 * the base64url Ed25519 signature over the payload's bytes, {@code keyId} names the key. {@code claims} repeats the
 * payload decoded, for reading; only payload and signature count when verifying.
 */
public record Receipt(String alg, String keyId, String payload, String signature, Map<String, Object> claims) {
}
