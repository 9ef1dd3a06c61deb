package io.creditquery.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientAddressTest {

    @Test
    void ipv4IsItself() {
        assertEquals("203.0.113.7", ClientAddress.network("203.0.113.7"));
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertEquals("203.0.113.7", ClientAddress.network("::ffff:203.0.113.7"));
        assertEquals("203.0.113.7", ClientAddress.network("::ffff:cb00:7107"));
    }

    @Test
    void ipv6IsItsSlash64HoweverWritten() {
        assertEquals("2001:db8:5:6::/64", ClientAddress.network("2001:db8:5:6::1"));
        assertEquals("2001:db8:5:6::/64", ClientAddress.network("2001:0DB8:0005:0006:ffff:0:0:99"));
        assertEquals("2001:db8:5:7::/64", ClientAddress.network("2001:db8:5:7::1"));
        assertEquals("::/64", ClientAddress.network("::1"));
    }

    @Test
    void whatIsNotAnAddressLiteralIsKeptAndNeverLookedUp() {
        assertEquals("unknown", ClientAddress.network("unknown"));
        assertEquals("localhost", ClientAddress.network("localhost"));
        assertNull(ClientAddress.network(null));
    }
}
