package io.creditquery.security;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;

/** The client's address, for rate limits and audit alike: the trusted proxy's header when configured, else the TCP peer. */
@ApplicationScoped
public class ClientAddress {

    private final RateLimitConfig config;

    public ClientAddress(RateLimitConfig config) {
        this.config = config;
    }

    public String of(HttpServerRequest request) {
        if (config.clientIpHeader().isPresent()) {
            String forwarded = request.getHeader(config.clientIpHeader().get());
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /**
     * The network a client address stands for when clients are counted (rate limits, requests in progress): an IPv4
     * address (also written IPv4-mapped) by itself, an IPv6 address by its /64, which one subscriber usually holds
     * whole — counting single IPv6 addresses would give each such client 2^64 budgets. Anything that is not an
     * address literal is kept as it is; nothing is ever looked up.
     */
    public static String network(String address) {
        byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        if (isIpv4Mapped(bytes)) {
            return NetUtil.bytesToIpAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        byte[] prefix = Arrays.copyOf(bytes, 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(prefix) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
