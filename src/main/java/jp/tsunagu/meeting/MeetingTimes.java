package jp.tsunagu.meeting;

import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.time.JapaneseHolidays;
import jp.tsunagu.platform.web.Params;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Meeting times: the Tokyo wall clock and instants, the checks on a start and an end, lengths and holidays. */
final class MeetingTimes {

    private MeetingTimes() {
    }

    /**
     * Start and end of a meeting or a slot (Tokyo wall clock): both or neither, end after start,
     * at most three days long, and not in the past when {@code future} is asked for.
     */
    static void checkTimes(Params p, String startField, String endField, LocalDateTime start, LocalDateTime end,
                           boolean future) {
        if ((start == null) != (end == null)) {
            p.error(start == null ? startField : endField, "required");
            return;
        }
        if (start == null) {
            return;
        }
        if (!end.isAfter(start)) {
            p.error(endField, "time-order");
        } else if (Duration.between(start, end).toHours() > 72) {
            p.error(endField, "too-long-meeting");
        }
        if (future && !start.isAfter(LocalDateTime.now(JapaneseCalendar.TOKYO))) {
            p.error(startField, "slot-past");
        }
        if (start.getYear() < 2000 || start.getYear() > 2100) {
            p.error(startField, "range");
        }
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(JapaneseCalendar.TOKYO).toInstant();
    }

    static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, JapaneseCalendar.TOKYO);
    }

    static int lengthMinutes(Meeting m) {
        return m.startsAt == null || m.endsAt == null ? 0 : (int) Duration.between(m.startsAt, m.endsAt).toMinutes();
    }

    /** The name of the Japanese holiday a meeting falls on (Tokyo date), or null. */
    static String holiday(Instant t, Locale locale) {
        return t == null ? null : JapaneseHolidays.name(local(t).toLocalDate(), locale).orElse(null);
    }

    static LocalTime parseTime(Params p, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            p.error(field, "format");
            return null;
        }
    }
}
