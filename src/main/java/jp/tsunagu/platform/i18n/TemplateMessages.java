package jp.tsunagu.platform.i18n;

import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.platform.time.JapaneseCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Template access to the message bundles and to Japanese date formats, in the locale of the
 * template instance: {m:t('key')}, {m:t('key', arg)}, {m:date(d)}, {m:dateTime(i)}, {m:lang()}.
 */
@TemplateExtension(namespace = "m")
public class TemplateMessages {

    private TemplateMessages() {
    }

    static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Messages.JA;
    }

    static String t(@TemplateAttribute("locale") Object locale, String key) {
        return Messages.get(locale(locale), key);
    }

    static String t(@TemplateAttribute("locale") Object locale, String key, Object arg) {
        return Messages.get(locale(locale), key, arg);
    }

    static String t(@TemplateAttribute("locale") Object locale, String key, Object arg1, Object arg2) {
        return Messages.get(locale(locale), key, arg1, arg2);
    }

    static String t(@TemplateAttribute("locale") Object locale, String key, Object a1, Object a2, Object a3) {
        return Messages.get(locale(locale), key, a1, a2, a3);
    }

    static String t(@TemplateAttribute("locale") Object locale, String key, Object a1, Object a2, Object a3, Object a4) {
        return Messages.get(locale(locale), key, a1, a2, a3, a4);
    }

    /** A label from an enumerated family: {m:label('org-type', org.type)} */
    static String label(@TemplateAttribute("locale") Object locale, String family, Object value) {
        return value == null ? "" : Messages.get(locale(locale), family + "." + value);
    }

    static String lang(@TemplateAttribute("locale") Object locale) {
        return locale(locale).getLanguage();
    }

    static String date(@TemplateAttribute("locale") Object locale, LocalDate date) {
        return JapaneseCalendar.date(date, locale(locale));
    }

    /** A meeting's start–end in Tokyo with the weekday (和暦 in Japanese). */
    static String when(@TemplateAttribute("locale") Object locale, Instant start, Instant end) {
        return JapaneseCalendar.span(start, end, locale(locale));
    }

    static String dateTime(@TemplateAttribute("locale") Object locale, Instant instant) {
        return JapaneseCalendar.dateTime(instant, locale(locale));
    }

    /** A fiscal year as people say it: 令和5年度 / FY2023. */
    static String fiscalYear(@TemplateAttribute("locale") Object locale, int fiscalYear) {
        return JapaneseCalendar.fiscalYearLabel(fiscalYear, locale(locale));
    }

    static String today(@TemplateAttribute("locale") Object locale) {
        LocalDate today = JapaneseCalendar.today();
        return Messages.get(locale(locale), "home.today", JapaneseCalendar.date(today, locale(locale)),
                JapaneseCalendar.fiscalYearLabel(JapaneseCalendar.fiscalYear(today), locale(locale)));
    }
}
