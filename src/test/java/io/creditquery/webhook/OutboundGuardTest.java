package io.creditquery.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook hosts an attacker would try, judged without any connection (literal addresses parse locally; names in
 * this test are never resolved). Beside the guard, the naive rule of the JDK's own predicates
 * (isLoopback/isSiteLocal/isLinkLocal/isAnyLocal/isMulticast), to show what it lets through.
 */
class OutboundGuardTest {

    private static final List<String> HOSTILE = List.of("127.0.0.1", "127.1.2.3", "[::1]", "0.0.0.0", "[::]",
            "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]",
            "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "169.254.169.254",
            "[fe80::1]", "[fd00::1]", "[fc00::1]", "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "[2001:0:4136:e378::1]",
            "224.0.0.1", "[ff02::1]", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.2.1", "localhost",
            "LOCALHOST.", "api.localhost", "printer.local", "metadata.google.internal", "elasticsearch", "redis",
            "1.1.168.192.in-addr.arpa");

    private static String refused(String host) {
        return OutboundGuard.refusedHost(URI.create("https://" + host + "/hook"), Set.of());
    }

    @Test
    void everyInternalFormIsRefusedWhereTheNaiveRuleMissesMany() throws Exception {
        List<String> naiveMisses = new ArrayList<>();
        for (String host : HOSTILE) {
            assertNotNull(refused(host), host + " accepted");
            boolean literal = host.startsWith("[") || host.matches("(\\d{1,3}\\.){3}\\d{1,3}");
            if (literal) {
                InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
                if (!(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress())) {
                    naiveMisses.add(host);
                }
            }
        }
        // CGNAT, unique-local, NAT64, 6to4, Teredo, broadcast, reserved, benchmarking, documentation, IPv4-compatible
        assertTrue(naiveMisses.size() >= 8, "the JDK predicates alone miss only " + naiveMisses);
    }

    @Test
    void reasonsNameWhatTheAddressIs() {
        assertEquals("is a loopback address", refused("127.0.0.1"));
        assertTrue(refused("2130706433").contains("four decimal numbers"), refused("2130706433"));
        assertTrue(refused("[::ffff:169.254.169.254]").contains("link-local"), refused("[::ffff:169.254.169.254]"));
        assertTrue(refused("elasticsearch").contains("single-label"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example-partner.com.cn", "93.184.215.14", "[2606:4700:4700::1111]", "8.8.8.8",
            "webhook.xinyong.gov.cn", "cbc.ca", "abc.de", "bad.cafe"})
    void publicHostsPass(String host) {
        assertNull(refused(host), host);
    }

    @Test
    void developmentHostsAreTheOneEscape() {
        assertNull(OutboundGuard.refusedHost(URI.create("http://127.0.0.1:8089/hook"), Set.of("127.0.0.1")));
        assertNotNull(OutboundGuard.refusedHost(URI.create("http://127.0.0.2:8089/hook"), Set.of("127.0.0.1")));
    }

    @Test
    void resolvedAddressesAreCheckedToo() throws Exception {
        // what a public-looking name may resolve to at call time (DNS rebinding): refused by address
        for (String address : List.of("127.0.0.1", "::1", "10.0.0.5", "169.254.169.254", "::ffff:192.168.0.1", "fd12::1")) {
            assertNotNull(OutboundGuard.refusedAddress(InetAddress.getByName(address)), address);
        }
        assertNull(OutboundGuard.refusedAddress(InetAddress.getByName("93.184.215.14")));
    }
}
