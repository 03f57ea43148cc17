package jp.tsunagu.platform;

import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JapaneseCalendarTest {

    @Test
    void fiscalYearsRunAprilToMarch() {
        assertEquals(2023, JapaneseCalendar.fiscalYear(LocalDate.of(2024, 3, 31)));
        assertEquals(2024, JapaneseCalendar.fiscalYear(LocalDate.of(2024, 4, 1)));
        assertEquals(LocalDate.of(2023, 4, 1), JapaneseCalendar.fiscalYearStart(2023));
        assertEquals(LocalDate.of(2024, 3, 31), JapaneseCalendar.fiscalYearEnd(2023));
    }

    @Test
    void fiscalYearLabelsUseTheEra() {
        assertEquals("令和5年度", JapaneseCalendar.fiscalYearLabel(2023, Messages.JA));
        assertEquals("令和元年度", JapaneseCalendar.fiscalYearLabel(2019, Messages.JA));
        assertEquals("平成30年度", JapaneseCalendar.fiscalYearLabel(2018, Messages.JA));
        assertEquals("FY2023", JapaneseCalendar.fiscalYearLabel(2023, Messages.EN));
    }

    @Test
    void datesShowWarekiWithTheWesternDate() {
        assertEquals("令和6年2月28日（2024-02-28）", JapaneseCalendar.date(LocalDate.of(2024, 2, 28), Messages.JA));
        assertEquals("令和元年5月1日（2019-05-01）", JapaneseCalendar.date(LocalDate.of(2019, 5, 1), Messages.JA));
        assertEquals("平成31年4月30日（2019-04-30）", JapaneseCalendar.date(LocalDate.of(2019, 4, 30), Messages.JA));
        assertEquals("令和11年1月1日（2029-01-01）", JapaneseCalendar.date(LocalDate.of(2029, 1, 1), Messages.JA));
        assertEquals("28 Feb 2024", JapaneseCalendar.date(LocalDate.of(2024, 2, 28), Messages.EN));
    }
}
