package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingNotices.Kind;
import jp.tsunagu.meeting.MeetingNotices.OutMail;
import jp.tsunagu.meeting.MeetingNotices.Sent;
import jp.tsunagu.meeting.MeetingTerms.Rsvp;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Invitations: by organization, circle, type, prefecture, area, or person, within the meeting's reach and the mail
 * budget; revoking one, and the list of invitees. Answers are {@link RsvpService}, personal links {@link PersonalLinks}.
 */
@ApplicationScoped
public class InviteService {

    /**
     * An address to invite: a local part and a domain with a dot, without spaces, control
     * characters or the characters that only quoted or bracketed forms use ([ ] ( ) < > , ; : \\ " /).
     */
    static final String EMAIL = "^[^@\\s\\p{Cntrl}\\[\\]()<>,;:\\\\\"/]{1,64}@[^@\\s\\p{Cntrl}\\[\\]()<>,;:\\\\\"/]+\\.[^@\\s\\p{Cntrl}\\[\\]()<>,;:\\\\\"/.]+$";

    public record InviteResult(int added, int alreadyInvited, List<InviteeView> invitees) {
    }

    static final int MAX_INVITEES = 500;

    /** People without an account one meeting may invite (each gets a mail from the platform's sender). */
    @ConfigProperty(name = "tsunagu.meeting.max-external-invitees", defaultValue = "50")
    int maxExternal;

    @Inject
    MailQuota quota;

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingNotices notices;

    @Inject
    NameLookup names;

    public Uni<InviteResult> invite(Viewer viewer, long meetingId, InviteInput in) {
        Params p = inputs.of(in);
        OrgType type = in.organizationType() == null || in.organizationType().isBlank() ? null
                : Values.enumOf(OrgType.class, in.organizationType().trim()).orElse(null);
        List<PersonInput> persons = in.persons() == null ? List.of() : in.persons();
        for (int i = 0; i < persons.size() && i < 100; i++) {
            PersonInput x = persons.get(i);
            // the address as mails will carry it (one plain address, no display name or routing)
            if (x != null && (x.email() == null || !x.email().trim().matches(EMAIL) || x.email().length() > 254)) {
                p.error("persons[" + i + "].email", "email");
            }
        }
        if (in.organizationIds() != null && (in.organizationIds().size() > 200 || in.organizationIds().stream().anyMatch(Objects::isNull))) {
            p.error("organizationIds", "range");
        }
        boolean byCriteria = type != null || in.prefectureCode() != null || in.areaId() != null;
        if (persons.isEmpty() && (in.organizationIds() == null || in.organizationIds().isEmpty()) && in.circleId() == null
                && !byCriteria) {
            p.error("organizationIds", "invite-nobody");
        }
        p.check();
        return inviteTx(viewer, meetingId, in, type, persons).chain(notices::deliver);
    }

    @WithTransaction
    Uni<Sent<InviteResult>> inviteTx(Viewer viewer, long meetingId, InviteInput in, OrgType type, List<PersonInput> persons) {
        return access.editable(viewer, meetingId).chain(l -> {
            Meeting m = l.meeting();
            if (m.status != Status.SCHEDULING && m.status != Status.SCHEDULED) {
                throw new ProblemException(409, "invite-not-open");
            }
            return targetOrganizations(viewer, m, in, type).chain(orgIds -> accountsOf(orgIds)).chain(accounts -> {
                Map<String, Invitee> wanted = new LinkedHashMap<>();
                for (Object[] a : accounts) {
                    String email = ((String) a[1]).toLowerCase();
                    wanted.putIfAbsent(email, invitee(m.id, (Long) a[0], (Long) a[3], (String) a[2], email, viewer));
                }
                Set<String> personEmails = new HashSet<>();
                persons.forEach(x -> personEmails.add(x.email().trim().toLowerCase()));
                return (personEmails.isEmpty() ? Uni.createFrom().item(List.<Object[]>of())
                        : Panache.getSession().chain(s -> s.createSelectionQuery("select a.id, a.email from Account a"
                        + " where a.email in :emails and a.active = true", Object[].class)
                        .setParameter("emails", personEmails).getResultList())).chain(known -> {
                    Map<String, Long> accountByEmail = new HashMap<>();
                    known.forEach(r -> accountByEmail.put((String) r[1], (Long) r[0]));
                    for (PersonInput x : persons) {
                        String email = x.email().trim().toLowerCase();
                        wanted.putIfAbsent(email, invitee(m.id, accountByEmail.get(email), x.organizationId(),
                                x.name().trim(), email, viewer));
                    }
                    return Invitee.<Invitee>list("meetingId", m.id).chain(existing -> {
                        Set<String> have = new HashSet<>();
                        existing.forEach(e -> have.add(e.email));
                        List<Invitee> fresh = wanted.values().stream().filter(i -> !have.contains(i.email)).toList();
                        if (existing.size() + fresh.size() > MAX_INVITEES) {
                            throw new ProblemException(400, "too-many-invitees", MAX_INVITEES);
                        }
                        long external = existing.stream().filter(e -> e.accountId == null && e.revokedAt == null).count()
                                + fresh.stream().filter(e -> e.accountId == null).count();
                        boolean anywhere = mailsAnywhere(viewer);
                        if (external > maxExternal && !anywhere) {
                            throw ProblemException.badRequest(List.of(new ProblemException.FieldError("persons", "too-many-external", List.of(maxExternal))));
                        }
                        return checkPersonOrganizations(persons)
                                .chain(() -> anywhere ? Uni.createFrom().voidItem() : quota.charge(m, fresh.size()))
                                .chain(() -> issue(m, fresh))
                                .chain(mails -> list(viewer, l).map(all -> new Sent<>(
                                        new InviteResult(fresh.size(), wanted.size() - fresh.size(), all), mails)));
                    });
                });
            });
        });
    }

    private static Invitee invitee(long meetingId, Long accountId, Long orgId, String name, String email, Viewer viewer) {
        Invitee i = new Invitee();
        i.meetingId = meetingId;
        i.accountId = accountId;
        i.organizationId = orgId;
        i.name = name.length() > 100 ? name.substring(0, 100) : name;
        i.email = email;
        i.response = Rsvp.PENDING;
        i.waitlisted = false;
        i.pollVersion = 0;
        i.invitedBy = viewer.accountId();
        i.invitedAt = Instant.now();
        return i;
    }

    /** Stores new invitees with their personal links and prepares their first mail. */
    Uni<List<OutMail>> issue(Meeting m, List<Invitee> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<Invitee, String> tokens = new LinkedHashMap<>();
        for (Invitee i : fresh) {
            String token = SecretTokens.newToken();
            i.tokenHash = SecretTokens.hash(token);
            tokens.put(i, token);
        }
        Kind kind = m.status == Status.SCHEDULING ? Kind.POLL : Kind.INVITATION;
        return Rows.persistAll(fresh)
                .chain(() -> MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id))
                .chain(venues -> notices.hosts(m).chain(hosts -> notices.inApp(fresh.stream().filter(i -> i.accountId != null)
                        .map(i -> i.accountId).toList(), kind, m).map(x -> tokens.entrySet().stream()
                        .map(e -> notices.firstMail(m, venues, e.getKey(), e.getValue(), kind, hosts)).toList())));
    }

    /**
     * The organizations to invite. Chosen by criteria (type, prefecture, area), they are only those
     * in the meeting's circle — the secretariat may reach the whole network.
     */
    Uni<Set<Long>> targetOrganizations(Viewer viewer, Meeting meeting, InviteInput in, OrgType type) {
        boolean anywhere = mailsAnywhere(viewer);
        Set<Long> out = new HashSet<>();
        if (in.organizationIds() != null) {
            out.addAll(in.organizationIds());
        }
        Set<Long> named = new HashSet<>(out);
        Uni<Void> explicit = out.isEmpty() ? Uni.createFrom().voidItem()
                : Organization.count("id in ?1", out).map(n -> {
            if (n != out.size()) {
                throw ProblemException.field("organizationIds", "unknown");
            }
            return null;
        }).chain(() -> anywhere ? Uni.createFrom().voidItem() : reachable(viewer, meeting, named));
        Uni<Void> circle = in.circleId() == null ? Uni.createFrom().voidItem() : Uni.createFrom().item(in.circleId())
                .map(id -> {
                    if (!policy.permits(viewer, Action.VIEW, new Resource.Circle(id))) {
                        throw ProblemException.field("circleId", "unknown");
                    }
                    return id;
                }).chain(id -> CircleMember.<CircleMember>list("circleId", id))
                .map(ms -> {
                    ms.forEach(cm -> out.add(cm.organizationId));
                    return null;
                });
        boolean byCriteria = type != null || in.prefectureCode() != null || in.areaId() != null;
        if (byCriteria && !anywhere && meeting.circleId == null) {
            throw ProblemException.field("organizationType", "criteria-needs-circle");
        }
        Uni<Void> criteria = !byCriteria ? Uni.createFrom().voidItem() : Panache.getSession().chain(s -> {
            StringBuilder q = new StringBuilder("select o.id from Organization o where 1 = 1");
            if (!anywhere) {
                q.append(" and o.id in (select cm.organizationId from CircleMember cm where cm.circleId = :circle)");
            }
            if (type != null) {
                q.append(" and o.orgType = :type");
            }
            if (in.prefectureCode() != null) {
                q.append(" and o.prefectureCode = :pref");
            }
            if (in.areaId() != null) {
                q.append(" and o.id in (select oa.organizationId from OrganizationArea oa where oa.areaId = :area)");
            }
            var query = s.createSelectionQuery(q.toString(), Long.class);
            if (!anywhere) {
                query.setParameter("circle", meeting.circleId);
            }
            if (type != null) {
                query.setParameter("type", type);
            }
            if (in.prefectureCode() != null) {
                query.setParameter("pref", in.prefectureCode().shortValue());
            }
            if (in.areaId() != null) {
                query.setParameter("area", in.areaId());
            }
            return query.getResultList();
        }).map(ids -> {
            out.addAll(ids);
            return null;
        });
        return explicit.chain(() -> circle).chain(() -> criteria).map(x -> out);
    }

    /** Whether the policy lets this person mail beyond a meeting's reach (the secretariat). */
    private boolean mailsAnywhere(Viewer viewer) {
        return policy.permits(viewer, Action.INVITE, new Resource.NetworkWideMail());
    }

    /**
     * Organizations named one by one must be within reach of the meeting: its co-hosts, the
     * organizations of its circle, or those sharing a circle with the inviter (the secretariat may
     * reach anyone). The platform's sender is not for writing to the whole directory.
     */
    Uni<Void> reachable(Viewer viewer, Meeting meeting, Set<Long> named) {
        Set<Long> circles = new HashSet<>(viewer.circleIds());
        if (meeting.circleId != null) {
            circles.add(meeting.circleId);
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select count(distinct o.id) from Organization o"
                        + " where o.id in :named and (o.id in (select mo.organizationId from MeetingOrganizer mo where mo.meetingId = :m)"
                        + " or o.id in (select cm.organizationId from CircleMember cm where cm.circleId in :circles))", Long.class)
                .setParameter("named", named).setParameter("m", meeting.id)
                .setParameter("circles", circles.isEmpty() ? Set.of(-1L) : circles).getSingleResult())
                .map(n -> {
                    if (n != named.size()) {
                        throw ProblemException.field("organizationIds", "organization-not-reachable");
                    }
                    return null;
                });
    }

    Uni<List<Object[]>> accountsOf(Set<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select a.id, a.email, a.displayName, m.organizationId"
                        + " from Account a, Membership m where m.accountId = a.id and m.organizationId in :orgs"
                        + " and a.active = true order by m.organizationId, a.id", Object[].class)
                .setParameter("orgs", orgIds).getResultList());
    }

    Uni<Void> checkPersonOrganizations(List<PersonInput> persons) {
        Set<Long> ids = new HashSet<>();
        persons.stream().filter(x -> x.organizationId() != null).forEach(x -> ids.add(x.organizationId()));
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Organization.count("id in ?1", ids).map(n -> {
            if (n != ids.size()) {
                throw ProblemException.field("persons", "unknown");
            }
            return null;
        });
    }

    /** Revokes an invitation: the personal link stops working and the person no longer sees the meeting. */
    @WithTransaction
    public Uni<List<InviteeView>> revoke(Viewer viewer, long meetingId, long inviteeId) {
        return access.editable(viewer, meetingId).chain(l -> Invitee.<Invitee>findById(inviteeId).chain(i -> {
            if (i == null || !i.meetingId.equals(meetingId)) {
                throw ProblemException.notFound();
            }
            if (i.revokedAt == null) {
                i.revokedAt = Instant.now();
            }
            return Panache.flush().chain(() -> list(viewer, l));
        }));
    }

    @WithSession
    public Uni<List<InviteeView>> invitees(Viewer viewer, long meetingId) {
        return access.organizerView(viewer, meetingId).chain(l -> list(viewer, l));
    }

    Uni<List<InviteeView>> list(Viewer viewer, Loaded l) {
        return Invitee.<Invitee>list("meetingId = ?1 order by id", l.meeting().id).chain(invs -> listOf(viewer, invs, Map.of()));
    }

    /**
     * The list from the meeting's invitations already loaded (every one, by id; the caller asked
     * the policy), with the organizations' names the caller read.
     */
    Uni<List<InviteeView>> listOf(Viewer viewer, List<Invitee> all, Map<Long, OrgRef> known) {
        return names.orgs(all.stream().map(i -> i.organizationId).toList(), viewer.locale(), known).map(orgs -> all.stream()
                .map(i -> new InviteeView(i.id, i.name, i.email, i.organizationId == null ? null : orgs.get(i.organizationId),
                        i.accountId != null, i.response.name(), i.waitlisted, i.revokedAt != null, i.respondedAt))
                .sorted(Comparator.comparing(InviteeView::revoked)).toList());
    }
}
