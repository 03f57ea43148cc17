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

    /**
     * The constant of a code the input's rules already accepted, or null when it is missing or blank
     * (an unknown code here is a bug: the checks before let it through).
     */
    public static <E extends Enum<E>> E code(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return enumOf(type, value).orElseThrow(() -> new IllegalArgumentException("unchecked code " + type.getSimpleName()));
    }

    /** The code of a constant (its name), or null. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A text trimmed, or null when it is missing or blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
