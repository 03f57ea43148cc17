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

    /** Whether someone of this role can be on an organization's staff (not an advisor or a sysadmin, who hold none). */
    public boolean staffOf(OrgType type) {
        return this != ADVISOR && this != SYSADMIN && fits(type);
    }

    /** Whether someone of this role may belong to an organization of this type (a center's staff, a partner's, the secretariat's). */
    public boolean fits(OrgType type) {
        return switch (this) {
            case CENTER_LEAD, CENTER_STAFF -> type == OrgType.NAKAPOTSU;
            case NETWORK_ADMIN -> type == OrgType.NATIONAL_NETWORK;
            case PARTNER_STAFF -> type != OrgType.NAKAPOTSU && type != OrgType.NATIONAL_NETWORK;
            case ADVISOR -> true;
            case SYSADMIN -> false;
        };
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
