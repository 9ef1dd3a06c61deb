package io.creditquery.receipt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "credit.receipts")
public interface ReceiptConfig {

    /** Ed25519 private key (PKCS#8 PEM file) that signs receipts; generated at set-up, a secret in production. */
    String signingKey();

    /** Its public key (X.509 PEM file), published at GET /api/v1/receipts/key for offline verification. */
    String verifyKey();

    /** The issuer named in every receipt. */
    @WithDefault("credit-query")
    String issuer();
}
