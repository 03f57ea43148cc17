package jp.tsunagu.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.platform.i18n.Messages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds RFC 9457 bodies carrying both the Japanese and the English message. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String type, String title, int status, String detail, String instance,
                       Map<String, String> message, List<Field> errors, Object current,
                       Object findings) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String field, String code, Map<String, String> message) {
    }

    public static Body body(ProblemException e, Locale locale, String instance) {
        Map<String, String> message = both("problem." + e.key(), e.args());
        List<Field> fields = e.fieldErrors().isEmpty() ? null : e.fieldErrors().stream()
                .map(f -> new Field(f.field(), f.key(), both("field." + f.key(), f.args().toArray())))
                .toList();
        return new Body("https://tsunagu.jp/problems/" + e.key(),
                Messages.get(Messages.EN, "problem." + e.key() + ".title"), e.status(),
                Messages.get(locale, "problem." + e.key(), e.args()), instance, message, fields, e.current(),
                e.findings());
    }

    public static Map<String, String> both(String key, Object... args) {
        return Map.of("ja", Messages.get(Messages.JA, key, args), "en", Messages.get(Messages.EN, key, args));
    }
}
