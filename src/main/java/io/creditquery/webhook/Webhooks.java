package io.creditquery.webhook;

import io.creditquery.common.FieldChecks;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Webhook targets as callers give them: checked (https, no credentials in the URL, no internal host:
 * {@link OutboundGuard}), and a signing secret each.
 */
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
            String refused = refusal(url);
            checks.require(refused == null, field, refused);
        }
        return url;
    }

    /** A new HMAC secret (32 random bytes, hex), shown to the caller once. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Why this URL may not be a webhook target, or null; the addresses its name resolves to are checked per call. */
    private String refusal(String url) {
        Set<String> developmentHosts = config.httpHosts().orElse(Set.of());
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri != null && uri.getHost() == null && uri.getAuthority() != null) {
            return "must reach a public address: " + uri.getAuthority() + " is not a host name or address";
        }
        if (uri == null || uri.getHost() == null || uri.getUserInfo() != null || !("https".equals(uri.getScheme())
                || ("http".equals(uri.getScheme()) && developmentHosts.contains(OutboundGuard.host(uri))))) {
            return "must be an https URL without credentials (plain http only to " + developmentHosts + ")";
        }
        String refused = OutboundGuard.refusedHost(uri, developmentHosts);
        return refused == null ? null : "must reach a public address: host " + uri.getHost() + " " + refused;
    }
}
