package io.creditquery.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the platform may send a request of its own (webhooks): public addresses only. A URL is checked when it is
 * given (its host: literal addresses, names that can only be internal) and again before every attempt, on the
 * addresses its name resolves to then; the call goes to the address that was checked, so a second lookup cannot
 * point it elsewhere (DNS rebinding). Hosts in {@code credit.webhooks.http-hosts} are the one escape, for development.
 */
public final class OutboundGuard {

    /**
     * One to four parts of decimal, octal (leading 0) or 0x hex numbers: the forms inet_aton accepts (2130706433,
     * 0x7f.1, 0177.0.0.1, 127.1); a name of hex letters such as cbc.ca is not one.
     */
    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");

    private OutboundGuard() {
    }

    /** The host as it will be compared and resolved: lower case, no trailing dot, no IPv6 brackets. */
    static String host(URI uri) {
        if (uri.getHost() == null) {
            return "";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Why a URL's host may never be called, judged from the host alone, or null (a name still to be resolved). */
    public static String refusedHost(URI uri, Set<String> developmentHosts) {
        String host = host(uri);
        if (host.isEmpty()) {
            return "is not a host name or address a client could call";
        }
        if (developmentHosts.contains(host)) {
            return null;
        }
        if (host.contains(":")) {
            try {
                return refusedAddress(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return "is not a valid IPv6 address";
            }
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                return "is an IPv4 address in an unusual form; write it as four decimal numbers";
            }
            try {
                return refusedAddress(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return "is not a valid IPv4 address";
            }
        }
        if (!host.contains(".")) {
            return "is a single-label name, which only a local network resolves; give a fully qualified public name";
        }
        if (host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")
                || host.endsWith(".localdomain") || host.endsWith(".home.arpa") || host.endsWith(".in-addr.arpa")
                || host.endsWith(".ip6.arpa")) {
            return "names a local or internal network";
        }
        return null;
    }

    /**
     * The address to connect to for a (non-development) host, resolved now: every address the name has must be
     * public, or none is used, so the connection goes where the check looked. Blocking (a DNS lookup).
     *
     * @throws IllegalStateException naming why the host may not be called
     */
    public static InetAddress checkedAddress(URI uri, Set<String> developmentHosts) {
        String host = host(uri);
        String refusedHost = refusedHost(uri, developmentHosts);
        if (refusedHost != null) {
            throw new IllegalStateException("host " + host + " " + refusedHost);
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                String refused = refusedAddress(address);
                if (refused != null) {
                    throw new IllegalStateException(host + " resolves to " + address.getHostAddress() + ", which " + refused);
                }
            }
            return addresses[0];
        } catch (UnknownHostException e) {
            throw new IllegalStateException(host + " does not resolve");
        }
    }

    /** Why the platform may not connect to this address, or null for a public unicast address. */
    public static String refusedAddress(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // IPv4 inside IPv6: mapped ::ffff:a.b.c.d (Java usually hands these over as IPv4 already), compatible
            // ::a.b.c.d, NAT64 64:ff9b::a.b.c.d and 6to4 2002:a.b.c.d::; each reaches the IPv4 address it embeds.
            if (prefix(b, new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}) || prefix(b, new int[12])
                    || prefix(b, new int[]{0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return refusedIpv4(new byte[]{b[12], b[13], b[14], b[15]}, "an IPv6 form of ");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return refusedIpv4(new byte[]{b[2], b[3], b[4], b[5]}, "a 6to4 form of ");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
                return "is a Teredo tunnel address";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "is a documentation address";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "is a unique-local (private) address";
            }
            return common(v6);
        }
        return refusedIpv4(address.getAddress(), "");
    }

    private static String refusedIpv4(byte[] b, String form) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        String refused;
        if (first == 0) {
            refused = "is in 0.0.0.0/8 (this host)";
        } else if (first == 127) {
            refused = "is a loopback address";
        } else if (first == 10 || (first == 172 && second >= 16 && second < 32) || (first == 192 && second == 168)) {
            refused = "is a private address";
        } else if (first == 100 && second >= 64 && second < 128) {
            refused = "is a carrier-grade NAT (shared) address";
        } else if (first == 169 && second == 254) {
            refused = "is a link-local address (cloud metadata services live here)";
        } else if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            refused = "is an IETF protocol assignment";
        } else if ((first == 192 && second == 0 && (b[2] & 0xff) == 2) || (first == 198 && second == 51 && (b[2] & 0xff) == 100)
                || (first == 203 && second == 0 && (b[2] & 0xff) == 113)) {
            refused = "is a documentation address";
        } else if (first == 198 && (second == 18 || second == 19)) {
            refused = "is a benchmarking address";
        } else if (first >= 224) {
            refused = first < 240 ? "is a multicast address" : "is a reserved or broadcast address";
        } else {
            return null;
        }
        return form.isEmpty() ? refused : "is " + form + "an address that " + refused;
    }

    private static String common(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "is the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "is a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "is a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "is a site-local (private) address";
        }
        if (address.isMulticastAddress()) {
            return "is a multicast address";
        }
        return null;
    }

    private static boolean prefix(byte[] address, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((address[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
