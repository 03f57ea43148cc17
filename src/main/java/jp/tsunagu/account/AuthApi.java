package jp.tsunagu.account;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.SessionCookie;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sign-in and sign-out for API clients and the pages' scripts. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AuthApi {

    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email,
                               @NotBlank @Size(max = 128) String password) {
    }

    public record UserView(long id, String email, String displayName, String role) {
    }

    public record LoginResponse(String token, Instant expiresAt, UserView user) {
    }

    public record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                                 @NotBlank @Size(max = 128) String newPassword) {
    }

    public record MeResponse(long id, String email, String displayName, String role, String locale,
                             List<Long> organizationIds, List<Long> circleIds) {
    }

    @Inject
    AuthService auth;

    @Inject
    ViewerService viewers;

    @Inject
    SessionCookie cookie;

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> login(@NotNull @Valid LoginRequest body, @Context HttpServerRequest request) {
        return auth.signIn(body.email(), body.password(), Params.ip(request)).map(outcome -> {
            if (outcome instanceof AuthService.SignedIn s) {
                return Response.ok(new LoginResponse(s.token(), s.expiresAt(),
                                new UserView(s.account().id, s.account().email, s.account().displayName, s.account().role.wire())))
                        .cookie(cookie.issue(s.token(), Duration.between(Instant.now(), s.expiresAt())))
                        .build();
            }
            throw refusal((AuthService.Refused) outcome);
        });
    }

    static ProblemException refusal(AuthService.Refused r) {
        return switch (r.kind()) {
            case "wait" -> ProblemException.withHeader(429, "sign-in-wait", "Retry-After",
                    Long.toString(r.retryAfterSeconds()), r.retryAfterSeconds());
            case "locked" -> ProblemException.withHeader(429, "sign-in-locked", "Retry-After",
                    Long.toString(r.retryAfterSeconds()), Math.max(1, r.retryAfterSeconds() / 60));
            case "client-limit" -> ProblemException.withHeader(429, "sign-in-client-limit", "Retry-After",
                    Long.toString(r.retryAfterSeconds()), Math.max(1, (r.retryAfterSeconds() + 59) / 60));
            default -> new ProblemException(401, "bad-credentials");
        };
    }

    @POST
    @Path("/auth/logout")
    public Uni<Response> logout(@Context HttpServerRequest request) {
        return viewers.current().chain(v -> auth.signOut(v, Params.ip(request)))
                .map(x -> Response.noContent().cookie(cookie.clear()).build());
    }

    @GET
    @Path("/me")
    public Uni<MeResponse> me() {
        return viewers.signedIn().map(AuthApi::me);
    }

    static MeResponse me(Viewer v) {
        return new MeResponse(v.accountId(), v.email(), v.displayName(), v.role().wire(), v.locale().getLanguage(),
                v.organizationIds().stream().sorted().toList(), v.circleIds().stream().sorted().toList());
    }

    @POST
    @Path("/me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> changePassword(@NotNull @Valid PasswordChange body, @Context HttpServerRequest request) {
        return viewers.signedIn()
                .chain(v -> auth.changePassword(v, body.currentPassword(), body.newPassword(), Params.ip(request)))
                .map(x -> Response.noContent().build());
    }
}
