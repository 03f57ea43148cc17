package jp.tsunagu.meeting;

import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The time rules of meetings and poll slots alone (Tokyo wall clock). */
class MeetingTimesTest {

    static Map<String, String> check(LocalDateTime start, LocalDateTime end, boolean future) {
        Params p = new Params();
        MeetingTimes.checkTimes(p, "startsAt", "endsAt", start, end, future);
        return TestSupport.fieldErrors(p);
    }

    static final LocalDateTime LATER = LocalDateTime.now(JapaneseCalendar.TOKYO).plusDays(30).withHour(15).withMinute(0)
            .withSecond(0).withNano(0);

    @Test
    void bothOrNeither() {
        assertEquals(Map.of(), check(null, null, true));
        assertEquals(Map.of("endsAt", "required"), check(LATER, null, false));
        assertEquals(Map.of("startsAt", "required"), check(null, LATER, false));
    }

    @Test
    void theEndComesAfterTheStartWithinThreeDays() {
        assertEquals(Map.of(), check(LATER, LATER.plusMinutes(90), true));
        assertEquals(Map.of("endsAt", "time-order"), check(LATER, LATER, false));
        assertEquals(Map.of("endsAt", "time-order"), check(LATER, LATER.minusMinutes(1), false));
        assertEquals(Map.of(), check(LATER, LATER.plusHours(72), false));
        assertEquals(Map.of("endsAt", "too-long-meeting"), check(LATER, LATER.plusHours(73), false));
    }

    @Test
    void slotsAreInTheFutureAndYearsAreSane() {
        LocalDateTime past = LocalDateTime.now(JapaneseCalendar.TOKYO).minusHours(1);
        assertEquals(Map.of("startsAt", "slot-past"), check(past, past.plusHours(1), true));
        assertEquals(Map.of(), check(past, past.plusHours(1), false));
        assertEquals("range", check(LocalDateTime.of(1999, 12, 31, 15, 0), LocalDateTime.of(1999, 12, 31, 16, 0), false)
                .get("startsAt"));
    }
}
