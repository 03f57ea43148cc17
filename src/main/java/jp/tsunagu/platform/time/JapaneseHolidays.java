package jp.tsunagu.platform.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Japanese national holidays (祝日, 振替休日, 国民の休日), read once from the data file
 * {@code calendar/holidays-jp.csv}, which names its source. Immutable after loading.
 */
public final class JapaneseHolidays {

    private record Names(String ja, String en) {
    }

    private static final Map<LocalDate, Names> HOLIDAYS = load();

    private JapaneseHolidays() {
    }

    public static boolean isHoliday(LocalDate date) {
        return HOLIDAYS.containsKey(date);
    }

    /** The holiday's name in the locale's language, if the date is a holiday. */
    public static Optional<String> name(LocalDate date, Locale locale) {
        Names n = HOLIDAYS.get(date);
        if (n == null) {
            return Optional.empty();
        }
        return Optional.of(locale != null && "en".equals(locale.getLanguage()) ? n.en() : n.ja());
    }

    /** Saturdays, Sundays and holidays: days most offices are closed. */
    public static boolean isClosedDay(LocalDate date) {
        return date.getDayOfWeek().getValue() >= 6 || isHoliday(date);
    }

    private static Map<LocalDate, Names> load() {
        Map<LocalDate, Names> out = new HashMap<>();
        try (InputStream in = JapaneseHolidays.class.getClassLoader().getResourceAsStream("calendar/holidays-jp.csv")) {
            if (in == null) {
                throw new IllegalStateException("calendar/holidays-jp.csv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                out.put(LocalDate.parse(f[0]), new Names(f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
