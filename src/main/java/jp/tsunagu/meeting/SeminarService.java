package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.meeting.MeetingNotices.OutMail;
import jp.tsunagu.meeting.MeetingTerms.Format;
import jp.tsunagu.meeting.MeetingTerms.Kind;
import jp.tsunagu.meeting.MeetingTerms.Rsvp;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.validation.OneOf;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Seminars and trainings (研修) with a public announcement page and open registration: anyone may
 * read the announcement of a seminar its organizers opened; anyone may register with name,
 * organization, organization type and e-mail after agreeing to the consent text, onto the seats or
 * the waiting list as invitations are; the registrant gets a personal link (their answer, the
 * online link, the questionnaire afterwards). Registering twice with one address sends the link
 * again, so the form says nothing about who registered.
 */
@ApplicationScoped
public class SeminarService {

    /** The organizers' settings of the public page. */
    public record SettingsInput(@NotNull Boolean publicRegistration, Instant registrationClosesAt,
                                @Size(max = 2000) String consentText, @Min(1) @Max(3650) Integer registrantDays) {
    }

    /** What the public form asks; {@code website} is a field people never see (a form filled by a robot fills it). */
    public record RegistrationInput(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String organization,
                                    @NotBlank @OneOf(OrgType.class) String organizationType,
                                    @NotBlank @Email @Size(max = 254) String email,
                                    @NotBlank @OneOf(Rsvp.class) String attend, @NotNull @AssertTrue(message = "consent-required") Boolean consent,
                                    @Size(max = 200) String website) {
    }

    /** The one answer of the form, whatever happened (the mail says the rest). */
    @TemplateData
    public record Registered(boolean received) {
    }

    @TemplateData
    public record SeminarPage(long id, String title, Instant startsAt, Instant endsAt, String format, List<String> venues,
                              List<String> organizers, String description, String feeNote, Integer capacity, Long seatsLeft,
                              boolean open, Instant closesAt, String consentText, String status, List<String> attendChoices) {
        public boolean full() {
            return seatsLeft != null && seatsLeft <= 0;
        }
    }

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingNotices notices;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    @ConfigProperty(name = "tsunagu.seminar.registrant-days", defaultValue = "180")
    int defaultRegistrantDays;

    /** The consent text shown when the organizers give none. */
    String defaultConsent(Locale locale, Meeting m) {
        return Messages.get(locale, "seminar.consent.default", m.registrantDays != null ? m.registrantDays : defaultRegistrantDays);
    }

    static boolean announced(Meeting m) {
        return m != null && m.kind == Kind.SEMINAR && m.publicRegistration
                && (m.status == Status.SCHEDULED || m.status == Status.HELD || m.status == Status.MINUTES_PUBLISHED
                || m.status == Status.CANCELLED);
    }

    static Instant closes(Meeting m) {
        return m.registrationClosesAt != null ? m.registrationClosesAt : m.startsAt;
    }

    static boolean open(Meeting m, Instant now) {
        return m.status == Status.SCHEDULED && closes(m) != null && now.isBefore(closes(m));
    }

    /** The public announcement: 404 unless its organizers opened it (a draft or a plain meeting is never shown). */
    @WithSession
    public Uni<SeminarPage> page(long id, Locale locale) {
        return Meeting.<Meeting>findById(id).chain(m -> {
            if (!announced(m)) {
                throw ProblemException.notFound();
            }
            return MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", id).chain(venues ->
                    Panache.getSession().chain(s -> s.createSelectionQuery(
                                    "select o.name from MeetingOrganizer mo, Organization o where o.id = mo.organizationId"
                                            + " and mo.meetingId = :m and mo.consentedAt is not null order by mo.id", String.class)
                            .setParameter("m", id).getResultList())
                            .chain(organizers -> Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null", id).map(all -> {
                                Long left = m.capacity == null ? null : m.capacity - RsvpService.seated(all, -1, m);
                                List<String> choices = m.format == Format.IN_PERSON ? List.of("IN_PERSON")
                                        : m.format == Format.ONLINE ? List.of("ONLINE") : List.of("IN_PERSON", "ONLINE");
                                return new SeminarPage(m.id, m.title, m.startsAt, m.endsAt, m.format.name(),
                                        venues.stream().map(v -> v.name).toList(), organizers, m.description, m.feeNote,
                                        m.capacity, left, open(m, Instant.now()), closes(m),
                                        m.consentText != null ? m.consentText : defaultConsent(locale, m), m.status.name(), choices);
                            })));
        });
    }

    /** Registrations from one network address to one seminar per hour. */
    static final int PER_ADDRESS_PER_HOUR = 10;
    /** A re-sent link goes at most once in this time. */
    static final java.time.Duration RESEND_GAP = java.time.Duration.ofMinutes(10);

    /**
     * A registration through the public form: checked, then onto a seat or the waiting list (the
     * seminar row locked meanwhile, so two at once never take one last seat), and the personal link
     * mailed after commit. The answer is the same whatever happened — a new registration, the
     * same address again, an address that cannot register — so the form tells no one who
     * registered; the mail says whether it is a seat or the waiting list. Limits: ten
     * registrations an hour from one network address, one re-sent link per ten minutes, a list no
     * longer than twice the seats (1,000 without a capacity).
     */
    public Uni<Registered> register(long id, RegistrationInput in, Locale locale, String ip) {
        return registerTx(id, in, locale, ip).call(sent -> notices.send(sent.mails())).map(MeetingNotices.Sent::value);
    }

    static final Registered RECEIVED = new Registered(true);

    @WithTransaction
    Uni<MeetingNotices.Sent<Registered>> registerTx(long id, RegistrationInput in, Locale locale, String ip) {
        Params p = inputs.of(in);
        p.check();
        Rsvp attend = Rsvp.valueOf(in.attend());
        OrgType type = OrgType.valueOf(in.organizationType());
        String email = in.email().strip().toLowerCase(Locale.ROOT);
        String ipHash = ip == null ? null : SecretTokens.hash("seminar-ip:" + ip);
        return Meeting.<Meeting>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            if (!announced(m)) {
                throw ProblemException.notFound();
            }
            if (!open(m, Instant.now())) {
                throw new ProblemException(409, "seminar-registration-closed");
            }
            if (attend == Rsvp.PENDING || attend == Rsvp.DECLINED) {
                throw ProblemException.field("attend", "unknown-value");
            }
            if (attend == Rsvp.IN_PERSON && m.format == Format.ONLINE) {
                throw ProblemException.field("attend", "rsvp-online-only");
            }
            if (attend == Rsvp.ONLINE && m.format == Format.IN_PERSON) {
                throw ProblemException.field("attend", "rsvp-in-person-only");
            }
            if (in.website() != null && !in.website().isEmpty()) {
                // the field people never see was filled: a robot; it is told what everyone is told, and nothing is stored
                return Uni.createFrom().item(new MeetingNotices.Sent<>(RECEIVED, List.<OutMail>of()));
            }
            return Invitee.<Invitee>list("meetingId = ?1", m.id).chain(all -> {
                Instant now = Instant.now();
                List<Invitee> current = all.stream().filter(x -> x.revokedAt == null).toList();
                if (ipHash != null && all.stream().filter(x -> x.registered && ipHash.equals(x.registrationIpHash)
                        && x.invitedAt.isAfter(now.minus(java.time.Duration.ofHours(1)))).count() >= PER_ADDRESS_PER_HOUR) {
                    throw ProblemException.withHeader(429, "seminar-too-many", "Retry-After", "3600");
                }
                Invitee known = all.stream().filter(x -> x.email.equals(email)).findFirst().orElse(null);
                if (known != null) {
                    return again(m, known, attend, current, locale, now);
                }
                long listed = current.stream().filter(x -> x.registered).count();
                if (listed >= (m.capacity == null ? 1000 : 2L * m.capacity)) {
                    throw new ProblemException(409, "seminar-list-full");
                }
                String token = SecretTokens.newToken();
                Invitee i = new Invitee();
                i.meetingId = m.id;
                i.name = in.name().strip();
                i.email = email;
                i.organizationName = in.organization().strip();
                i.organizationType = type;
                i.registered = true;
                i.consentedAt = now;
                i.registrationIpHash = ipHash;
                i.tokenHash = SecretTokens.hash(token);
                i.response = attend;
                i.respondedAt = now;
                i.invitedAt = now;
                i.pollVersion = 0;
                i.waitlisted = m.capacity != null && RsvpService.countsAgainstCapacity(attend, m)
                        && RsvpService.seated(current, -1, m) >= m.capacity;
                return i.<Invitee>persistAndFlush().map(saved -> new MeetingNotices.Sent<>(RECEIVED,
                        List.of(mail(m, saved, token, locale))));
            });
        });
    }

    /**
     * The same address again. A registrant's link is sent once more (at most every ten minutes);
     * one who had cancelled takes a seat or the waiting list again; anyone else with that address
     * (an invited member, a cancelled invitation) is left as they are and gets nothing.
     */
    private Uni<MeetingNotices.Sent<Registered>> again(Meeting m, Invitee known, Rsvp attend, List<Invitee> current, Locale locale,
                                                       Instant now) {
        if (!known.registered || known.revokedAt != null || known.purgedAt != null) {
            return Uni.createFrom().item(new MeetingNotices.Sent<>(RECEIVED, List.of()));
        }
        if (known.linkResentAt != null && known.linkResentAt.isAfter(now.minus(RESEND_GAP))) {
            return Uni.createFrom().item(new MeetingNotices.Sent<>(RECEIVED, List.of()));
        }
        if (known.response == Rsvp.DECLINED) {
            known.response = attend;
            known.respondedAt = now;
            known.waitlisted = m.capacity != null && RsvpService.countsAgainstCapacity(attend, m)
                    && RsvpService.seated(current, known.id, m) >= m.capacity;
        }
        String token = SecretTokens.newToken();
        known.previousTokenHash = known.tokenHash;
        known.tokenHash = SecretTokens.hash(token);
        known.linkResentAt = now;
        return Uni.createFrom().item(new MeetingNotices.Sent<>(RECEIVED, List.of(mail(m, known, token, locale))));
    }

    private OutMail mail(Meeting m, Invitee i, String token, Locale locale) {
        String when = JapaneseCalendar.span(m.startsAt, m.endsAt, locale);
        String key = Boolean.TRUE.equals(i.waitlisted) ? "seminar.mail.waitlisted" : "seminar.mail.registered";
        String subject = Messages.get(locale, key + ".subject", m.title);
        String body = Messages.get(locale, key + ".body", i.name, m.title, when, baseUrl + "/p/" + token,
                baseUrl + "/seminars/" + m.id);
        return new OutMail(i.email, subject, body, null, null);
    }

    /** The organizers open or close the public page and set its consent text, closing time and retention. */
    @WithTransaction
    public Uni<SettingsInput> settings(Viewer viewer, long id, SettingsInput in) {
        Params p = inputs.of(in);
        p.check();
        return access.editable(viewer, id).map(l -> {
            Meeting m = l.meeting();
            if (m.kind != Kind.SEMINAR) {
                throw ProblemException.field("publicRegistration", "seminar-only");
            }
            if (in.registrationClosesAt() != null && m.endsAt != null && in.registrationClosesAt().isAfter(m.endsAt)) {
                throw ProblemException.field("registrationClosesAt", "closes-after-end");
            }
            m.publicRegistration = in.publicRegistration();
            m.registrationClosesAt = in.registrationClosesAt();
            m.consentText = in.consentText() == null || in.consentText().isBlank() ? null : in.consentText().strip();
            m.registrantDays = in.registrantDays();
            m.updatedAt = Instant.now();
            return new SettingsInput(m.publicRegistration, m.registrationClosesAt, m.consentText, m.registrantDays);
        });
    }

    /** The organizations' names a registrant's type groups into for results ("ナカポツ" or "その他"). */
    static String group(OrgType t) {
        return t == OrgType.NAKAPOTSU ? "nakapotsu" : "other";
    }

    int defaultRegistrantDays() {
        return defaultRegistrantDays;
    }

    Uni<String> organizationName(long id) {
        return Organization.<Organization>findById(id).map(o -> o == null ? null : o.name);
    }
}
