package jp.tsunagu.conference;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.CasePart;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.ProblemException;

/**
 * Loads a conference with the viewer's place in it (current attendee row, if any) and asks the
 * access policy. Every conference read and write starts here. Refusals: 404 for what the viewer
 * may not see (with a "pledge first" message for attendees who have not accepted the pledge),
 * 410 for deleted material to its attendees, 403 for a write by someone who sees the conference.
 */
@ApplicationScoped
public class ConferenceAccess {

    /** A loaded conference and the viewer's current attendee row (null when not, or no longer, an attendee). */
    public record Loaded(Conference conference, ConferenceAttendee me) {
        public Resource.Conference resource() {
            return new Resource.Conference(conference.circleId, me == null ? null : me.role,
                    me != null && me.pledgedAt != null, conference.materialsDeletedAt != null);
        }

        public Resource.CaseMaterial material(CasePart part) {
            return new Resource.CaseMaterial(resource(), part);
        }
    }

    @Inject
    AccessPolicy policy;

    Uni<Loaded> load(Viewer viewer, long id, boolean lock) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Uni<Conference> c = lock ? Conference.findById(id, LockModeType.PESSIMISTIC_WRITE) : Conference.findById(id);
        return c.chain(conference -> {
            if (conference == null) {
                throw ProblemException.notFound();
            }
            return ConferenceAttendee.<ConferenceAttendee>find("conferenceId = ?1 and accountId = ?2 and removedAt is null",
                    id, viewer.accountId()).firstResult().map(me -> new Loaded(conference, me));
        });
    }

    /** The conference if the viewer may know of it. */
    public Uni<Loaded> visible(Viewer viewer, long id) {
        return load(viewer, id, false).map(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return l;
        });
    }

    /** The conference, locked, if the viewer is its facilitator. */
    public Uni<Loaded> editable(Viewer viewer, long id) {
        return load(viewer, id, true).map(l -> {
            policy.requireEdit(viewer, l.resource());
            return l;
        });
    }

    /**
     * The board for a live send: the conference and the viewer's attendee row read FOR SHARE, so
     * that a removal, a deletion of the material or a phase move waits until this transaction ends
     * (the live board sends inside it: nothing is sent that the policy would refuse at that moment).
     */
    public Uni<Loaded> materialHeld(Viewer viewer, long id, CasePart part) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return Conference.<Conference>findById(id, LockModeType.PESSIMISTIC_READ).chain(conference -> {
            if (conference == null) {
                throw ProblemException.notFound();
            }
            return ConferenceAttendee.<ConferenceAttendee>find("conferenceId = ?1 and accountId = ?2 and removedAt is null",
                    id, viewer.accountId()).withLock(LockModeType.PESSIMISTIC_READ).firstResult()
                    .map(me -> new Loaded(conference, me));
        }).map(l -> {
            policy.decide(viewer, Action.VIEW, l.material(part)).orThrow();
            return l;
        });
    }

    /** Case material for reading (or writing, with {@code write}); the refusal is the policy's decision. */
    public Uni<Loaded> material(Viewer viewer, long id, CasePart part, boolean write) {
        return load(viewer, id, write).map(l -> {
            policy.decide(viewer, write ? Action.EDIT : Action.VIEW, l.material(part)).orThrow();
            return l;
        });
    }
}
