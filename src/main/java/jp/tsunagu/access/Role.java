package jp.tsunagu.access;

import java.util.Arrays;
import java.util.Optional;

/** What kind of user a person is. The wire value is the lower-case name used in tokens and the API. */
public enum Role {
    NETWORK_ADMIN("network-admin"),
    CENTER_LEAD("center-lead"),
    CENTER_STAFF("center-staff"),
    PARTNER_STAFF("partner-staff"),
    ADVISOR("advisor"),
    SYSADMIN("sysadmin");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
