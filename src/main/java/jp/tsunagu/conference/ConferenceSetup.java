package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.AttendeeRole;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Account;
import jp.tsunagu.account.Membership;
import jp.tsunagu.conference.ConferenceTerms.Format;
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.Violations;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Setting up conferences: schedule, format and phases, legal basis, attendees with roles (who may attend is checked),
 * retention within limits; changing them, with the identifier check on the title.
 */
@ApplicationScoped
public class ConferenceSetup {

    /** Retention of the case material after the conference, in days: default and limits. */
    public static final int RETENTION_DEFAULT = 30;
    public static final int RETENTION_MIN = 1;
    public static final int RETENTION_MAX = 90;
    static final int MAX_ATTENDEES = 30;

    /** How far before or after today a conference may be dated. */
    static final int STARTS_WITHIN_DAYS = 366;

    @Inject
    AccessPolicy policy;

    @Inject
    Validator validator;

    @Inject
    ConferenceAccess access;

    @Inject
    BoardNotices notices;

    @Inject
    IdentifierGuard guard;

    @Inject
    ConferenceService conferences;

    // ---------------------------------------------------------------- validation

    /** The field rules (Bean Validation), then the start, the retention, the attendees and what a change needs. */
    static void validate(Validator validator, ConferenceInput in, Params p, boolean update) {
        Violations.check(validator, in, p);
        if (!update && in.circleId() == null) {
            p.error("circleId", "required");
        }
        if (in.startsAt() != null) {
            // a conference is held within a year of being set up or changed (a date in 2099 would keep material forever)
            LocalDateTime now = LocalDateTime.now(JapaneseCalendar.TOKYO);
            if (in.startsAt().isAfter(now.plusDays(STARTS_WITHIN_DAYS)) || in.startsAt().isBefore(now.minusDays(STARTS_WITHIN_DAYS))) {
                p.errorWith("startsAt", "starts-within", STARTS_WITHIN_DAYS);
            }
        }
        if (in.retentionDays() != null && (in.retentionDays() < RETENTION_MIN || in.retentionDays() > RETENTION_MAX)) {
            p.errorWith("retentionDays", "retention-limit", RETENTION_MIN, RETENTION_MAX);
        }
        if (update && in.version() == null) {
            p.error("version", "required");
        }
        if (in.attendees() != null) {
            validateAttendees(in.attendees(), p);
        }
    }

    static void validateAttendees(List<AttendeeInput> attendees, Params p) {
        if (attendees.size() > MAX_ATTENDEES) {
            p.error("attendees", "list-size");
            return;
        }
        Set<Long> seen = new HashSet<>();
        int facilitators = 0;
        for (int i = 0; i < attendees.size(); i++) {
            AttendeeInput a = attendees.get(i);
            if (a == null || a.accountId() == null) {
                p.error("attendees[" + i + "].accountId", "required");
                continue;
            }
            if (!seen.add(a.accountId())) {
                p.error("attendees[" + i + "].accountId", "duplicate");
            }
            if (a.role() == null) {
                p.error("attendees[" + i + "].role", "required");
            } else if (ConferenceTerms.parse(AttendeeRole.class, a.role()).isEmpty()) {
                p.error("attendees[" + i + "].role", "unknown-value");
            } else if (a.role().equals("FACILITATOR")) {
                facilitators++;
            }
        }
        if (facilitators != 1) {
            p.error("attendees", "facilitator-required");
        }
    }

    // ---------------------------------------------------------------- create and change

    @WithTransaction
    public Uni<Long> create(Viewer viewer, ConferenceInput raw) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        ConferenceInput in = raw.attendees() != null ? raw : withAttendees(raw,
                List.of(new AttendeeInput(viewer.accountId(), "FACILITATOR")));
        Params p = new Params();
        validate(validator, in, p, false);
        p.check();
        if (!policy.permits(viewer, Action.EDIT, new Resource.ConferenceCreation(in.circleId()))) {
            throw ProblemException.field("circleId", "not-circle-member");
        }
        return guard.require(viewer, Map.of("title", in.title()))
                .chain(() -> checkEligible(in.circleId(), in.attendees()))
                .chain(() -> {
                    Conference c = new Conference();
                    c.circleId = in.circleId();
                    c.createdBy = viewer.accountId();
                    c.createdAt = Instant.now();
                    c.version = 0;
                    apply(c, in);
                    return c.<Conference>persistAndFlush();
                })
                .call(c -> savePhases(c.id, in))
                .call(c -> saveAttendees(c.id, in.attendees()))
                .map(c -> c.id);
    }

    private static ConferenceInput withAttendees(ConferenceInput in, List<AttendeeInput> attendees) {
        return new ConferenceInput(in.circleId(), in.title(), in.format(), in.legalBasis(), in.startsAt(),
                in.durationMinutes(), in.venue(), in.retentionDays(), attendees, in.phases(), in.version());
    }

    private static void apply(Conference c, ConferenceInput in) {
        c.title = in.title().strip();
        c.format = Values.code(Format.class, in.format());
        c.legalBasis = Values.code(ConferenceTerms.LegalBasis.class, in.legalBasis());
        c.startsAt = in.startsAt().atZone(JapaneseCalendar.TOKYO).toInstant();
        int phaseMinutes = in.phases() != null ? in.phases().stream().mapToInt(PhaseInput::minutes).sum()
                : Format.valueOf(in.format()).steps().stream().mapToInt(ConferenceTerms.Step::minutes).sum();
        c.durationMinutes = (short) (in.durationMinutes() != null ? in.durationMinutes()
                : Math.max(30, Math.min(240, phaseMinutes)));
        c.venue = in.venue() == null || in.venue().isBlank() ? null : in.venue().strip();
        c.retentionDays = (short) (in.retentionDays() != null ? in.retentionDays() : RETENTION_DEFAULT);
    }

    private Uni<Void> savePhases(long conferenceId, ConferenceInput in) {
        List<PhaseInput> steps = in.phases() != null ? in.phases()
                : Format.valueOf(in.format()).steps().stream().map(s -> new PhaseInput(s.phase().name(), s.minutes())).toList();
        List<ConferencePhase> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ConferencePhase ph = new ConferencePhase();
            ph.conferenceId = conferenceId;
            ph.position = (short) i;
            ph.phase = Values.code(ConferenceTerms.Phase.class, steps.get(i).phase());
            ph.minutes = steps.get(i).minutes().shortValue();
            rows.add(ph);
        }
        return ConferencePhase.persist(rows);
    }

    private Uni<Void> saveAttendees(long conferenceId, List<AttendeeInput> attendees) {
        Instant now = Instant.now();
        List<ConferenceAttendee> rows = new ArrayList<>();
        for (AttendeeInput a : attendees) {
            ConferenceAttendee row = new ConferenceAttendee();
            row.conferenceId = conferenceId;
            row.accountId = a.accountId();
            row.role = Values.code(AttendeeRole.class, a.role());
            row.addedAt = now;
            rows.add(row);
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : ConferenceAttendee.persist(rows);
    }

    /**
     * Attendees must be active accounts on the staff of an organization in the conference's
     * circle, or advisors (助言者 from outside); never sysadmins.
     */
    Uni<Void> checkEligible(long circleId, List<AttendeeInput> attendees) {
        Set<Long> ids = attendees.stream().map(AttendeeInput::accountId).collect(Collectors.toSet());
        return Account.<Account>list("id in ?1", ids).chain(accounts -> Membership.<Membership>list("accountId in ?1", ids)
                .chain(memberships -> CircleMember.<CircleMember>list("circleId", circleId).map(members -> {
                    Set<Long> circleOrgs = members.stream().map(m -> m.organizationId).collect(Collectors.toSet());
                    Map<Long, Account> byId = accounts.stream().collect(Collectors.toMap(a -> a.id, a -> a));
                    Params p = new Params();
                    for (int i = 0; i < attendees.size(); i++) {
                        Account a = byId.get(attendees.get(i).accountId());
                        boolean inCircle = a != null && memberships.stream()
                                .anyMatch(m -> m.accountId.equals(a.id) && circleOrgs.contains(m.organizationId));
                        boolean ok = a != null && a.active && a.role != Role.SYSADMIN
                                && (inCircle || a.role == Role.ADVISOR);
                        if (!ok) {
                            p.error("attendees[" + i + "].accountId", "attendee-not-eligible");
                        }
                    }
                    p.check();
                    return null;
                })));
    }

    public Uni<ConferenceDetail> update(Viewer viewer, long id, ConferenceInput in) {
        Params p = new Params();
        validate(validator, in, p, true);
        p.check();
        return updateTx(viewer, id, in).chain(x -> conferences.detail(viewer, id));
    }

    @WithTransaction
    Uni<Void> updateTx(Viewer viewer, long id, ConferenceInput in) {
        return access.editable(viewer, id).chain(l -> {
            Conference c = l.conference();
            if (in.circleId() != null && !in.circleId().equals(c.circleId)) {
                throw ProblemException.field("circleId", "circle-fixed");
            }
            if (Versions.stale(c.version, in.version())) {
                return Versions.conflict(conferences.detailOf(viewer, l));
            }
            boolean formatChanged = !c.format.name().equals(in.format());
            return guard.require(viewer, Map.of("title", in.title()))
                    .chain(() -> in.attendees() == null ? Uni.createFrom().voidItem() : checkEligible(c.circleId, in.attendees()))
                    .chain(() -> {
                        apply(c, in);
                        c.version++;
                        Uni<Void> phases = in.phases() != null || formatChanged
                                ? ConferencePhase.delete("conferenceId", id)
                                .chain(() -> savePhases(id, in))
                                : Uni.createFrom().voidItem();
                        return phases.chain(() -> in.attendees() == null ? Uni.createFrom().voidItem()
                                : replaceAttendees(id, in.attendees())).chain(() -> notices.changed(id));
                    });
        });
    }

    /**
     * Applies a new attendee list: people left out are removed at once (their rows and reads stay,
     * their access ends); people added back must pledge again; role changes keep the pledge.
     */
    private Uni<Void> replaceAttendees(long id, List<AttendeeInput> wanted) {
        Map<Long, String> roles = new HashMap<>();
        wanted.forEach(a -> roles.put(a.accountId(), a.role()));
        Instant now = Instant.now();
        return ConferenceAttendee.<ConferenceAttendee>list("conferenceId", id).chain(rows -> {
            Set<Long> present = new HashSet<>();
            for (ConferenceAttendee row : rows) {
                present.add(row.accountId);
                String role = roles.get(row.accountId);
                if (role == null) {
                    if (row.removedAt == null) {
                        row.removedAt = now;
                    }
                } else {
                    if (row.removedAt != null) {
                        row.removedAt = null;
                        row.pledgedAt = null;
                        row.pledgeBasis = null;
                        row.addedAt = now;
                    }
                    row.role = Values.code(AttendeeRole.class, role);
                }
            }
            return saveAttendees(id, wanted.stream().filter(a -> !present.contains(a.accountId())).toList());
        });
    }
}
