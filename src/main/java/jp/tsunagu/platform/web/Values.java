package jp.tsunagu.platform.web;

import java.util.Arrays;
import java.util.Optional;

/** Small value helpers shared by every feature (one copy each). */
public final class Values {

    private Values() {
    }

    /** The enum constant named exactly {@code value}, if there is one (no case folding: names are codes). */
    public static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }

    /** A text trimmed, or null when it is missing or blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
