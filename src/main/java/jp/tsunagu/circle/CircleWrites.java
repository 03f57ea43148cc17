package jp.tsunagu.circle;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Administrators;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.circle.CircleEvent.Kind;
import jp.tsunagu.circle.CircleInputs.CircleInput;
import jp.tsunagu.circle.CircleInputs.LeaveInput;
import jp.tsunagu.circle.CircleInputs.OwnerInput;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.CircleExits;
import jp.tsunagu.directory.CircleKind;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Circles people run: start one, edit it, name co-owners, remove a member, leave, archive. Each
 * write is one transaction that also writes the circle's history and the audit log.
 */
@ApplicationScoped
public class CircleWrites {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    CircleFacts facts;

    @Inject
    Administrators administrators;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @Inject
    @All
    List<CircleExits> exits;

    /** Starts a circle owned by one of the viewer's organizations (the secretariat: any). Returns its id. */
    @WithTransaction
    public Uni<Long> create(Viewer viewer, CircleInput in, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        if (!policy.permits(viewer, Action.EDIT, Resource.CircleCreation.byViewer(viewer, false))) {
            throw new ProblemException(403, "circle-not-allowed");
        }
        Params p = inputs.of(in);
        CircleKind kind = in == null ? null : Values.enumOf(CircleKind.class, in.kind()).orElse(null);
        if (kind != null && !kind.startable()) {
            p.error("kind", "not-startable");
        }
        Long owner = in == null ? null : ownerOf(viewer, in.ownerOrganizationId(), p);
        checkName(in, p);
        p.check();
        if (!policy.permits(viewer, Action.EDIT, new Resource.CircleCreation(owner, kind == CircleKind.NETWORK))) {
            throw new ProblemException(403, "circle-not-allowed");
        }
        return Organization.<Organization>findById(owner).chain(org -> {
            if (org == null) {
                throw ProblemException.field("ownerOrganizationId", "unknown");
            }
            Circle c = new Circle();
            c.code = "c-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
            apply(c, in, kind);
            c.createdBy = viewer.accountId();
            return c.<Circle>persist().chain(saved -> {
                CircleMember m = new CircleMember();
                m.circleId = saved.id;
                m.organizationId = owner;
                m.owner = true;
                m.joinedOn = JapaneseCalendar.today();
                return m.persist()
                        .chain(() -> CircleEvent.of(saved.id, null, Kind.CREATED, viewer.accountId()).persist())
                        .chain(() -> CircleEvent.of(saved.id, owner, Kind.JOINED, viewer.accountId()).persist())
                        .chain(() -> audit.record(AuditType.CIRCLE_CREATED, viewer.accountId(), viewer.email(), "circle:" + saved.id,
                                ip, "owner=organization:" + owner + " kind=" + kind.name()))
                        .map(x -> saved.id);
            });
        });
    }

    /** The owner of a new circle: the one named (one of the viewer's own), or the viewer's only organization. */
    private static Long ownerOf(Viewer viewer, Long named, Params p) {
        if (named != null) {
            if (!viewer.memberOf(named)) {
                p.error("ownerOrganizationId", "not-member");
            }
            return named;
        }
        if (viewer.organizationIds().size() != 1) {
            p.error("ownerOrganizationId", "required");
            return null;
        }
        return viewer.organizationIds().iterator().next();
    }

    /**
     * A circle's name goes into the invitation mails: plain words only, no links and no control
     * characters (so the platform's sender cannot be made to carry someone's link).
     */
    static void checkName(CircleInput in, Params p) {
        if (in == null || in.name() == null) {
            return;
        }
        String name = in.name();
        boolean control = name.codePoints().anyMatch(Character::isISOControl);
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        boolean link = folded.contains("://") || folded.contains("www.") || folded.matches("(?s).*[a-z0-9-]+\\.(jp|com|net|org|info|io|co|xyz|me|ly)\\b.*");
        if (control || link) {
            p.error("name", "plain-name");
        }
    }

    private static void apply(Circle c, CircleInput in, CircleKind kind) {
        c.name = in.name().trim();
        c.kind = kind;
        c.prefectureCode = in.prefectureCode() == null ? null : in.prefectureCode().shortValue();
        c.description = Values.blankToNull(in.description());
    }

    /** Edits the name, kind, prefecture and description (version-checked: a stale version answers 409). */
    @WithTransaction
    public Uni<Void> update(Viewer viewer, long id, CircleInput in, String ip) {
        Params p = inputs.of(in);
        if (in != null && in.version() == null) {
            p.error("version", "required");
        }
        CircleKind kind = in == null ? null : Values.enumOf(CircleKind.class, in.kind()).orElse(null);
        if (kind != null && !kind.startable()) {
            p.error("kind", "not-startable");
        }
        if (kind == CircleKind.NETWORK && !viewer.is(Role.NETWORK_ADMIN)) {
            p.error("kind", "unknown-value");
        }
        checkName(in, p);
        return facts.runnable(viewer, id).chain(l -> {
            p.check();
            if (Versions.stale(l.circle().version, in.version())) {
                throw new ProblemException(409, "conflict");
            }
            String before = l.circle().name;
            apply(l.circle(), in, kind);
            l.circle().version++;
            String detail = before.equals(l.circle().name) ? null : "name: " + before + " -> " + l.circle().name;
            return CircleEvent.of(id, null, Kind.EDITED, viewer.accountId()).persist()
                    .chain(() -> audit.record(AuditType.CIRCLE_EDITED, viewer.accountId(), viewer.email(), "circle:" + id, ip, detail))
                    .replaceWithVoid();
        });
    }

    /** Makes a member a co-owner or no longer one; the last owner stays (409). */
    @WithTransaction
    public Uni<Void> setOwner(Viewer viewer, long id, long organizationId, OwnerInput in, String ip) {
        inputs.require(in);
        return facts.runnable(viewer, id).chain(l -> {
            CircleMember m = l.member(organizationId);
            if (m == null) {
                throw ProblemException.notFound();
            }
            if (m.owner == in.owner()) {
                return Uni.createFrom().voidItem();
            }
            if (!in.owner() && l.ownerIds().size() == 1) {
                throw new ProblemException(409, "last-owner");
            }
            m.owner = in.owner();
            return CircleEvent.of(id, organizationId, in.owner() ? Kind.OWNER_ADDED : Kind.OWNER_REMOVED, viewer.accountId()).persist()
                    .chain(() -> audit.record(AuditType.CIRCLE_OWNER_CHANGED, viewer.accountId(), viewer.email(), "circle:" + id, ip,
                            "organization:" + organizationId + " owner=" + in.owner()))
                    .replaceWithVoid();
        });
    }

    /** The owners take an organization out of the circle (also an archived one); its administrators are told. */
    public Uni<Void> remove(Viewer viewer, long id, long organizationId, String ip) {
        return removeTx(viewer, id, organizationId, ip).call(notifications::send).replaceWithVoid();
    }

    @WithTransaction
    Uni<NotificationService.Outbox> removeTx(Viewer viewer, long id, long organizationId, String ip) {
        return facts.removable(viewer, id).chain(l -> {
            CircleMember m = l.member(organizationId);
            if (m == null) {
                throw ProblemException.notFound();
            }
            if (m.owner && l.ownerIds().size() == 1) {
                throw new ProblemException(409, "last-owner");
            }
            return exit(viewer, l, m, Kind.REMOVED, AuditType.CIRCLE_MEMBER_REMOVED, ip)
                    .chain(() -> administrators.of(organizationId))
                    .chain(admins -> notifications.notifyPeople(admins, "notify.circle-removed", "mail.circle-removed.body",
                            "/circles", l.circle().name));
        });
    }

    /**
     * An organization leaves on its own (its administrator); an owner leaves only once another owner
     * remains. The secretariat taking out an organization it does not belong to is a removal, and
     * that organization's administrators are told.
     */
    public Uni<Void> leave(Viewer viewer, long id, LeaveInput in, String ip) {
        return leaveTx(viewer, id, in, ip).call(notifications::send).replaceWithVoid();
    }

    @WithTransaction
    Uni<NotificationService.Outbox> leaveTx(Viewer viewer, long id, LeaveInput in, String ip) {
        return facts.load(id, true).chain(l -> {
            policy.require(viewer, Action.VIEW, new Resource.Circle(id));
            Long org = in != null && in.organizationId() != null ? in.organizationId() : leaverOf(viewer, l);
            CircleMember m = l.member(org);
            if (m == null || !viewer.memberOf(org) && !viewer.is(Role.NETWORK_ADMIN)) {
                throw ProblemException.field("organizationId", "not-member");
            }
            policy.decide(viewer, Action.LEAVE, l.membership(org)).orThrow();
            if (m.owner && l.ownerIds().size() == 1) {
                throw new ProblemException(409, "last-owner");
            }
            if (viewer.memberOf(org)) {
                return exit(viewer, l, m, Kind.LEFT, AuditType.CIRCLE_LEFT, ip)
                        .map(x -> new NotificationService.Outbox(List.of(), "", "", "", new Object[0]));
            }
            return exit(viewer, l, m, Kind.REMOVED, AuditType.CIRCLE_MEMBER_REMOVED, ip)
                    .chain(() -> administrators.of(org))
                    .chain(admins -> notifications.notifyPeople(admins, "notify.circle-removed", "mail.circle-removed.body",
                            "/circles", l.circle().name));
        });
    }

    private static Long leaverOf(Viewer viewer, CircleFacts.Loaded l) {
        List<Long> mine = viewer.organizationIds().stream().filter(o -> l.member(o) != null).toList();
        if (mine.size() != 1) {
            throw ProblemException.field("organizationId", "required");
        }
        return mine.get(0);
    }

    /** The membership ends now: its row goes, the history and the log say so, and each feature undoes its part. */
    private Uni<Void> exit(Viewer viewer, CircleFacts.Loaded l, CircleMember m, Kind kind, AuditType type, String ip) {
        long circleId = l.circle().id;
        Uni<Void> chain = m.delete()
                .chain(() -> CircleEvent.of(circleId, m.organizationId, kind, viewer.accountId()).persist())
                .chain(() -> audit.record(type, viewer.accountId(), viewer.email(), "circle:" + circleId, ip,
                        "organization:" + m.organizationId))
                .replaceWithVoid();
        for (CircleExits e : exits) {
            chain = chain.chain(() -> e.organizationLeft(circleId, m.organizationId));
        }
        return chain;
    }

    /** Archives the circle: read-only from now on, still visible to its members; open invitations are withdrawn. */
    @WithTransaction
    public Uni<Void> archive(Viewer viewer, long id, String ip) {
        return facts.runnable(viewer, id).chain(l -> {
            l.circle().archivedAt = Instant.now();
            l.circle().archivedBy = viewer.accountId();
            l.circle().version++;
            return CircleInvitation.<CircleInvitation>list("circleId = ?1 and status = ?2", id, CircleInvitation.Status.PENDING)
                    .chain(open -> {
                        List<CircleEvent> events = new ArrayList<>();
                        for (CircleInvitation inv : open) {
                            inv.status = CircleInvitation.Status.WITHDRAWN;
                            inv.decidedAt = Instant.now();
                            inv.decidedBy = viewer.accountId();
                            events.add(CircleEvent.of(id, inv.organizationId, Kind.WITHDRAWN, viewer.accountId()));
                        }
                        events.add(CircleEvent.of(id, null, Kind.ARCHIVED, viewer.accountId()));
                        return Rows.persistAll(events);
                    })
                    .chain(() -> audit.record(AuditType.CIRCLE_ARCHIVED, viewer.accountId(), viewer.email(), "circle:" + id, ip, null))
                    .replaceWithVoid();
        });
    }
}
