package io.creditquery.webhook;

import io.creditquery.common.FieldChecks;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** Webhook targets as callers give them: checked (https, no credentials in the URL), and a signing secret each. */
@ApplicationScoped
public class Webhooks {

    private final WebhookConfig config;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(WebhookConfig config) {
        this.config = config;
    }

    /** The URL if acceptable (an error on {@code field} otherwise), null if none was given. */
    public String url(FieldChecks checks, String field, String given) {
        String url = checks.text(field, given, false, 2000);
        if (url != null) {
            checks.require(allowed(url), field, "must be an https URL without credentials (plain http only to "
                    + config.httpHosts().orElse(Set.of()) + ")");
        }
        return url;
    }

    /** A new HMAC secret (32 random bytes, hex), shown to the caller once. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private boolean allowed(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getUserInfo() != null) {
                return false;
            }
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
                    && config.httpHosts().orElse(Set.of()).contains(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
