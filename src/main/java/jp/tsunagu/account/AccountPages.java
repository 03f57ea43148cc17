package jp.tsunagu.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.RequestLocale;
import jp.tsunagu.platform.web.SessionCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sign-in, sign-out, language switch, password change and invitations as HTML pages. */
@Path("/")
public class AccountPages {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance login(String email, String next, String error);

        static native TemplateInstance account(List<FieldMessage> errors, boolean done);

        static native TemplateInstance invite(List<OrgRef> organizations, List<String> roles, String email,
                                              String role, Long organizationId, String title, List<FieldMessage> errors,
                                              String sentTo, boolean requested, int days);

        static native TemplateInstance requests(List<InvitationService.Request> requests, String decided, String decision);

        static native TemplateInstance accept(String token, InvitationService.Pending pending, String displayName,
                                              List<FieldMessage> errors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    AuthService auth;

    @Inject
    InvitationService invitations;

    @Inject
    PageRenderer pages;

    @Inject
    SessionCookie cookie;

    @Inject
    AccessPolicy policy;

    @ConfigProperty(name = "tsunagu.invitation.days")
    int invitationDays;

    @GET
    @Path("login")
    public Uni<Response> loginForm(@QueryParam("next") String next) {
        return viewers.current().chain(v -> pages.render(Templates.login("", safeNext(next), null), v, "login"));
    }

    @POST
    @Path("login")
    public Uni<Response> login(@RestForm String email, @RestForm String password, @RestForm String next,
                               @Context HttpServerRequest request) {
        String target = safeNext(next);
        Viewer anonymous = Viewer.anonymous(RequestLocale.of(request));
        if (email == null || email.isBlank() || password == null || password.isEmpty()
                || email.length() > 254 || password.length() > 128) {
            return pages.render(Templates.login(email == null ? "" : trim(email, 254), target,
                    Messages.get(anonymous.locale(), "login.failed")), anonymous, "login", 400);
        }
        return auth.signIn(email, password, Params.ip(request)).chain(outcome -> {
            if (outcome instanceof AuthService.SignedIn s) {
                return Uni.createFrom().item(Response.seeOther(URI.create(target))
                        .cookie(cookie.issue(s.token(), Duration.between(Instant.now(), s.expiresAt()))).build());
            }
            ProblemException p = AuthApi.refusal((AuthService.Refused) outcome);
            return pages.render(Templates.login(email, target,
                            Messages.get(anonymous.locale(), "problem." + p.key(), p.args())), anonymous, "login", p.status())
                    .map(r -> {
                        p.headers().forEach((k, val) -> r.getHeaders().add(k, val));
                        return r;
                    });
        });
    }

    @POST
    @Path("logout")
    public Uni<Response> logout(@Context HttpServerRequest request) {
        return viewers.current().chain(v -> auth.signOut(v, Params.ip(request)))
                .map(x -> Response.seeOther(URI.create("/")).cookie(cookie.clear()).build());
    }

    @GET
    @Path("lang")
    public Response language(@QueryParam("to") String to, @Context HttpServerRequest request) {
        String lang = Messages.parse(to).getLanguage();
        String back = request.getHeader("Referer");
        String target = "/";
        if (back != null) {
            try {
                URI u = URI.create(back);
                String host = request.getHeader("Host");
                if (host != null && host.equalsIgnoreCase(u.getAuthority())) {
                    target = safeNext(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
                }
            } catch (IllegalArgumentException ignored) {
                // keep "/"
            }
        }
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(RequestLocale.COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }

    @GET
    @Path("account")
    public Uni<Response> account() {
        return viewers.signedIn().chain(v -> pages.render(Templates.account(List.of(), false), v, "account"));
    }

    @POST
    @Path("account/password")
    public Uni<Response> changePassword(@RestForm String currentPassword, @RestForm String newPassword,
                                        @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> {
            if (currentPassword == null || currentPassword.isEmpty() || currentPassword.length() > 128) {
                return pages.render(Templates.account(List.of(new FieldMessage("currentPassword",
                        Messages.get(v.locale(), "field.password-wrong"))), false), v, "account", 400);
            }
            return auth.changePassword(v, currentPassword, newPassword, Params.ip(request))
                    .chain(x -> pages.render(Templates.account(List.of(), true), v, "account"))
                    .onFailure(ProblemException.class).recoverWithUni(e ->
                            pages.render(Templates.account(messages((ProblemException) e, v), false), v, "account",
                                    ((ProblemException) e).status()));
        });
    }

    @GET
    @Path("invitations/new")
    public Uni<Response> inviteForm() {
        return viewers.signedIn().chain(v -> invitations.targets(v).chain(orgs -> pages.render(Templates.invite(orgs,
                roles(v), "", null, null, "", List.of(), null, false, invitationDays), v, "invite")));
    }

    @POST
    @Path("invitations")
    public Uni<Response> invite(@RestForm String email, @RestForm String organizationId, @RestForm String role,
                                @RestForm String title, @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> invitations.targets(v).chain(orgs -> {
            List<ProblemException.FieldError> errors = new ArrayList<>();
            if (email == null || email.isBlank() || email.length() > 254 || !email.contains("@")) {
                errors.add(new ProblemException.FieldError("email", "email"));
            }
            Params p = new Params();
            Long orgId = p.optionalLong("organizationId", organizationId, 1, Long.MAX_VALUE);
            Role r = Role.fromWire(role).orElse(null);
            if (orgId == null) {
                errors.add(new ProblemException.FieldError("organizationId", "required"));
            }
            if (r == null) {
                errors.add(new ProblemException.FieldError("role", "unknown-value"));
            }
            if (title != null && title.length() > 100) {
                errors.add(new ProblemException.FieldError("title", "too-long"));
            }
            if (!errors.isEmpty()) {
                return pages.render(Templates.invite(orgs, roles(v), trim(email, 254), role, orgId, trim(title, 100),
                        messages(ProblemException.badRequest(errors), v), null, false, invitationDays), v, "invite", 400);
            }
            return invitations.issue(v, email, orgId, r, title, Params.ip(request))
                    .chain(issued -> pages.render(Templates.invite(orgs, roles(v), "", null, null, "", List.of(),
                            issued.email(), issued.status() == InvitationStatus.REQUESTED, invitationDays), v, "invite"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> pages.render(Templates.invite(orgs, roles(v),
                            email, role, orgId, title, messages((ProblemException) e, v), null, false, invitationDays),
                            v, "invite", ((ProblemException) e).status()));
        }));
    }

    @GET
    @Path("admin/invitations")
    public Uni<Response> requests(@QueryParam("decided") String decided, @QueryParam("decision") String decision) {
        return viewers.signedIn().chain(v -> invitations.requests(v).chain(list -> pages.render(Templates.requests(list,
                decided == null ? null : trim(decided, 254), "approved".equals(decision) ? "approved" : "declined"), v, "invitationRequests")));
    }

    @POST
    @Path("admin/invitations/{id}/approve")
    public Uni<Response> approve(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> invitations.decide(v, id, true, Params.ip(request)))
                .map(issued -> decidedRedirect(issued));
    }

    @POST
    @Path("admin/invitations/{id}/decline")
    public Uni<Response> decline(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> invitations.decide(v, id, false, Params.ip(request)))
                .map(issued -> decidedRedirect(issued));
    }

    private static Response decidedRedirect(InvitationService.Issued issued) {
        return Response.seeOther(URI.create("/admin/invitations?decided="
                + URLEncoder.encode(issued.email(), StandardCharsets.UTF_8)
                + "&decision=" + (issued.status() == InvitationStatus.SENT ? "approved" : "declined"))).build();
    }

    @GET
    @Path("invite/{token}")
    public Uni<Response> acceptForm(@PathParam("token") String token) {
        return viewers.current().chain(v -> invitations.pending(token)
                .chain(p -> pages.render(Templates.accept(token, p, "", List.of()), v, "invite")));
    }

    @POST
    @Path("invite/{token}")
    public Uni<Response> accept(@PathParam("token") String token, @RestForm String displayName,
                                @RestForm String password, @Context HttpServerRequest request) {
        return viewers.current().chain(v -> invitations.pending(token).chain(p -> {
            if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
                return pages.render(Templates.accept(token, p, trim(displayName, 100), List.of(new FieldMessage(
                        "displayName", Messages.get(v.locale(), "field.size", 1, 100)))), v, "invite", 400);
            }
            return invitations.accept(token, displayName, password == null ? "" : password, Params.ip(request))
                    .map(s -> Response.seeOther(URI.create("/"))
                            .cookie(cookie.issue(s.token(), Duration.between(Instant.now(), s.expiresAt()))).build())
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() == 400).recoverWithUni(e ->
                            pages.render(Templates.accept(token, p, displayName, messages((ProblemException) e, v)),
                                    v, "invite", 400));
        }));
    }

    List<String> roles(Viewer v) {
        return policy.invitableRoles(v).stream().map(Role::wire).toList();
    }

    static List<FieldMessage> messages(ProblemException e, Viewer v) {
        return FormErrors.of(e, v.locale());
    }

    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500) {
            return "/";
        }
        return next;
    }

    static String trim(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }

}
