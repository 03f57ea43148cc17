package jp.tsunagu.account;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Issues the signed session token (SmallRye JWT, RS256). Its jti is the auth_session row. */
@ApplicationScoped
public class TokenService {

    @ConfigProperty(name = "tsunagu.jwt.issuer")
    String issuer;

    @ConfigProperty(name = "tsunagu.session.hours")
    int sessionHours;

    public Duration lifetime() {
        return Duration.ofHours(sessionHours);
    }

    public String issue(Account account, UUID sessionId, Instant expiresAt) {
        return Jwt.issuer(issuer)
                .subject(Long.toString(account.id))
                .upn(account.email)
                .groups(Set.of(account.role.wire()))
                .claim("jti", sessionId.toString())
                .issuedAt(Instant.now())
                .expiresAt(expiresAt)
                .sign();
    }
}
