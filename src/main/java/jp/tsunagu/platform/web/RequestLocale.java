package jp.tsunagu.platform.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jp.tsunagu.platform.i18n.Messages;

import java.util.Locale;

/**
 * The language of a request: the {@code lang} cookie set by the language switch, else Japanese.
 * API clients may send Accept-Language: en for English details in problem bodies.
 */
public final class RequestLocale {

    public static final String COOKIE = "tsunagu_lang";

    private RequestLocale() {
    }

    public static Locale of(HttpServerRequest request) {
        Cookie c = request.getCookie(COOKIE);
        if (c != null) {
            return Messages.parse(c.getValue());
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && request.path().startsWith("/api/") && accept.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Messages.EN;
        }
        return Messages.JA;
    }
}
