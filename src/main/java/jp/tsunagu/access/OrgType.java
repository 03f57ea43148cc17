package jp.tsunagu.access;

import java.util.Arrays;
import java.util.Optional;

/** Organization types of the network (labels in the message bundles as org-type.NAME). */
public enum OrgType {
    NAKAPOTSU, TRANSITION_SUPPORT, RETENTION_SUPPORT, CONTINUOUS_A, CONTINUOUS_B, HELLO_WORK,
    VOCATIONAL_CENTER, CONSULTATION, SPECIAL_NEEDS_SCHOOL, MUNICIPALITY, COMPANY, NATIONAL_NETWORK, OTHER;

    public static Optional<OrgType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
}
