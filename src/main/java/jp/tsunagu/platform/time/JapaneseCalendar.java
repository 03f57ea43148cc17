package jp.tsunagu.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Asia/Tokyo dates, fiscal years (April–March) and 和暦 (Japanese era) formatting. */
public final class JapaneseCalendar {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    /** An era's first year as written: 令和1年 → 令和元年 (a list page formats hundreds of dates). */
    private static final java.util.regex.Pattern FIRST_YEAR = java.util.regex.Pattern.compile("^(\\D+)1年");

    private JapaneseCalendar() {
    }

    /** The fiscal year a date belongs to: 2024-03-31 is FY2023, 2024-04-01 is FY2024. */
    public static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    public static LocalDate fiscalYearStart(int fiscalYear) {
        return LocalDate.of(fiscalYear, 4, 1);
    }

    public static LocalDate fiscalYearEnd(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, 3, 31);
    }

    /** 令和5年度 for FY2023; "FY2023" in English. */
    public static String fiscalYearLabel(int fiscalYear, Locale locale) {
        if (isEnglish(locale)) {
            return "FY" + fiscalYear;
        }
        // Named after the era in force at the year's end: FY2019 (April 2019, still 平成) is 令和元年度.
        JapaneseDate end = JapaneseDate.from(fiscalYearEnd(fiscalYear));
        String era = DateTimeFormatter.ofPattern("GGGG", Locale.JAPANESE).format(end);
        int year = end.get(ChronoField.YEAR_OF_ERA) - 1;
        return era + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }

    private static final java.util.regex.Pattern YEAR_WRITTEN = java.util.regex.Pattern.compile(
            "^(?:FY\\s*)?(\\d{4})(?:年度?)?$|^(令和|平成|R|H)\\s*(\\d{1,2}|元)(?:年度?)?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A fiscal year as people write it: 2023, 2023年度, FY2023, 令和5年度, 令和元年度, R5, H30
     * (full-width digits too); null when it is none of these. 令和N年度 is FY2018+N, 平成N年度
     * FY1988+N (平成31年度 and 令和元年度 are both FY2019).
     */
    public static Integer parseFiscalYear(String written) {
        if (written == null) {
            return null;
        }
        String s = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKC).strip();
        java.util.regex.Matcher m = YEAR_WRITTEN.matcher(s);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return Integer.parseInt(m.group(1));
        }
        int n = m.group(3).equals("元") ? 1 : Integer.parseInt(m.group(3));
        if (n == 0) {
            return null;
        }
        boolean reiwa = m.group(2).equals("令和") || m.group(2).equalsIgnoreCase("R");
        if (!reiwa && n > 31) {
            return null;
        }
        return (reiwa ? 2018 : 1988) + n;
    }

    /** 令和5年4月1日 (2023-04-01) in Japanese; 1 Apr 2023 in English. */
    private static final LocalDate MEIJI_6 = LocalDate.of(1873, 1, 1);

    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        if (isEnglish(locale)) {
            return EN_DAY.format(date);
        }
        if (date.isBefore(MEIJI_6)) {
            // 和暦 with the Gregorian calendar starts in 明治6年; anything earlier is shown as it is
            return ISO_DAY.format(date);
        }
        // The first year of an era is 元年 (令和元年), never 1年.
        String wareki = FIRST_YEAR.matcher(WAREKI.format(JapaneseDate.from(date))).replaceFirst("$1元年");
        return wareki + "（" + ISO_DAY.format(date) + "）";
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = instant.atZone(TOKYO);
        return isEnglish(locale)
                ? EN_TIME.format(t) + " JST"
                : JA_TIME.format(t);
    }

    /**
     * A meeting's time in Tokyo with the weekday: 令和8年12月1日（2026-12-01）（火）13:30〜16:30;
     * in English 1 Dec 2026 (Tue) 13:30–16:30 JST. An end on another day carries its date.
     */
    public static String span(Instant start, Instant end, Locale locale) {
        if (start == null) {
            return "";
        }
        ZonedDateTime s = start.atZone(TOKYO);
        boolean en = isEnglish(locale);
        String weekday = s.getDayOfWeek().getDisplayName(TextStyle.SHORT, en ? Locale.ENGLISH : Locale.JAPANESE);
        StringBuilder b = new StringBuilder(date(s.toLocalDate(), locale)).append(en ? " (" + weekday + ") " : "（" + weekday + "）")
                .append(HOUR_MINUTE.format(s));
        if (end != null) {
            ZonedDateTime e = end.atZone(TOKYO);
            b.append(en ? "–" : "〜");
            if (!e.toLocalDate().equals(s.toLocalDate())) {
                b.append(date(e.toLocalDate(), locale)).append(' ');
            }
            b.append(HOUR_MINUTE.format(e));
        }
        return en ? b.append(" JST").toString() : b.toString();
    }

    public static LocalDate today() {
        return LocalDate.now(TOKYO);
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
