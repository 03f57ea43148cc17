package jp.tsunagu.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sign-in throttle counts IPv6 clients by their /64, IPv4 clients by address. */
class ClientKeyTest {

    @Test
    void ipv6AddressesOfOneLineShareAKey() {
        assertEquals("2001:db8:1:2::/64", AuthService.clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", AuthService.clientKey("2001:0db8:0001:0002::1"));
        assertEquals("2001:db8:1:2::/64", AuthService.clientKey("[2001:db8:1:2::99]"));
        assertEquals("192.0.2.7", AuthService.clientKey("192.0.2.7"));
        assertEquals("unknown", AuthService.clientKey(null));
        assertEquals("unknown", AuthService.clientKey(" "));
        // not an address literal: kept as text, never looked up
        assertEquals("evil.example:80", AuthService.clientKey("evil.example:80"));
    }
}
