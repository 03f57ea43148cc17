package jp.tsunagu.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-facing text lives in {@code messages/messages.properties} (Japanese, the default) and
 * {@code messages/messages_en.properties}. Java code and templates read it only through here.
 */
public final class Messages {

    public static final Locale JA = Locale.JAPANESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(JA, EN);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale l = EN.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? EN : JA;
        // The base file is Japanese; the control stops a JVM default locale from taking over.
        return ResourceBundle.getBundle("messages.messages", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale == null ? JA : locale).format(args);
    }

    public static boolean has(Locale locale, String key) {
        return bundle(locale).containsKey(key);
    }

    public static Locale parse(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : JA;
    }
}
