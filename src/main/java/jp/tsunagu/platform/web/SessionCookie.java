package jp.tsunagu.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The HttpOnly, SameSite=Lax cookie that carries the session token for the pages. */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "tsunagu_session";

    @ConfigProperty(name = "tsunagu.cookie.secure")
    boolean secure;

    public NewCookie issue(String token, Duration lifetime) {
        return new NewCookie.Builder(NAME).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) lifetime.toSeconds()).build();
    }

    public NewCookie clear() {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
