package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.AttendeeRole;
import jp.tsunagu.access.CasePart;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Account;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.conference.ConferenceViews.AttendeeView;
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.conference.ConferenceViews.ConferenceSummary;
import jp.tsunagu.conference.ConferenceViews.PhaseStep;
import jp.tsunagu.conference.ConferenceViews.PhaseView;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conferences as a person sees them: the list, one conference with its phases and attendees, the circles one may
 * hold a conference in and the people who may attend. Setting up is {@link ConferenceSetup}, taking part while it
 * runs {@link ConferenceRun}; material (case sheet, board, read log) is {@link CaseService}; learnings are
 * {@link LearningService}.
 */
@ApplicationScoped
public class ConferenceService {

    @Inject
    AccessPolicy policy;

    @Inject
    ConferenceAccess access;

    @Inject
    NameLookup names;

    @WithSession
    public Uni<List<ConferenceSummary>> list(Viewer viewer) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Uni<List<Conference>> rows;
        if (viewer.is(Role.NETWORK_ADMIN)) {
            rows = Conference.list("order by startsAt desc");
        } else {
            Set<Long> circles = new HashSet<>(viewer.is(Role.SYSADMIN) || viewer.is(Role.ADVISOR) ? Set.of() : viewer.circleIds());
            circles.add(-1L);
            rows = Conference.list("circleId in ?1 or id in (select a.conferenceId from ConferenceAttendee a"
                    + " where a.accountId = ?2 and a.removedAt is null) order by startsAt desc", circles, viewer.accountId());
        }
        return rows.chain(list -> summaries(viewer, list));
    }

    Uni<List<ConferenceSummary>> summaries(Viewer viewer, List<Conference> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Long> ids = list.stream().map(c -> c.id).collect(Collectors.toSet());
        Set<Long> circleIds = list.stream().map(c -> c.circleId).collect(Collectors.toSet());
        return ConferenceAttendee.<ConferenceAttendee>list("conferenceId in ?1 and accountId = ?2 and removedAt is null", ids,
                viewer.accountId()).chain(mine -> Circle.<Circle>list("id in ?1", circleIds).map(circles -> {
            Map<Long, ConferenceAttendee> byConference = mine.stream().collect(Collectors.toMap(a -> a.conferenceId, a -> a));
            Map<Long, String> circleNames = circles.stream().collect(Collectors.toMap(c -> c.id, c -> c.name));
            return list.stream().map(c -> summary(c, byConference.get(c.id), circleNames.get(c.circleId))).toList();
        }));
    }

    static ConferenceSummary summary(Conference c, ConferenceAttendee me, String circleName) {
        return new ConferenceSummary(c.id, c.title, c.circleId, circleName, c.format.name(), c.legalBasis.name(), c.startsAt,
                c.startsAt.plusSeconds(60L * c.durationMinutes), me == null ? null : me.role.name(), me != null && me.pledgedAt != null,
                c.materialsDeletedAt != null);
    }

    @WithSession
    public Uni<ConferenceDetail> detail(Viewer viewer, long id) {
        return access.visible(viewer, id).chain(l -> detailOf(viewer, l));
    }

    Uni<ConferenceDetail> detailOf(Viewer viewer, ConferenceAccess.Loaded l) {
        Conference c = l.conference();
        boolean attendee = l.me() != null;
        return ConferencePhase.<ConferencePhase>list("conferenceId = ?1 order by position", c.id)
                .chain(phases -> (attendee ? ConferenceAttendee.<ConferenceAttendee>list("conferenceId = ?1 order by id", c.id)
                        : Uni.createFrom().item(List.<ConferenceAttendee>of()))
                        .chain(rows -> names.people(rows.stream().map(r -> r.accountId).toList())
                                .chain(people -> Circle.<Circle>findById(c.circleId).map(circle -> {
                                    List<AttendeeView> attendees = attendee ? rows.stream()
                                            .filter(r -> r.removedAt == null || l.resource().attendeeRole() == AttendeeRole.FACILITATOR)
                                            .map(r -> new AttendeeView(r.accountId, people.containsKey(r.accountId)
                                                    ? people.get(r.accountId).name() : "", r.role.name(), r.pledgedAt, r.removedAt))
                                            .toList() : null;
                                    List<PhaseStep> steps = phases.stream()
                                            .map(ph -> new PhaseStep(ph.position, ph.phase.name(), ph.minutes)).toList();
                                    Resource.Conference r = l.resource();
                                    return new ConferenceDetail(summary(c, l.me(), circle == null ? null : circle.name),
                                            c.venue, c.durationMinutes, c.retentionDays, c.deleteAfter(), c.materialsDeletedAt,
                                            steps, attendees, attendee, policy.permits(viewer, Action.EDIT, r),
                                            policy.permits(viewer, Action.VIEW, l.material(CasePart.CASE)),
                                            policy.permits(viewer, Action.EDIT, l.material(CasePart.CASE)),
                                            policy.permits(viewer, Action.EDIT, l.material(CasePart.BOARD)),
                                            policy.permits(viewer, Action.VIEW, l.material(CasePart.LOG)),
                                            attendee ? run(c, phases) : null, c.version);
                                }))));
    }

    static PhaseView run(Conference c, List<ConferencePhase> phases) {
        Integer cur = c.currentPhase == null ? null : c.currentPhase.intValue();
        ConferencePhase now = cur == null || cur >= phases.size() ? null : phases.get(cur);
        ConferencePhase next = cur == null ? (phases.isEmpty() ? null : phases.get(0))
                : cur + 1 < phases.size() ? phases.get(cur + 1) : null;
        Instant endsAt = now == null || c.phaseStartedAt == null ? null : c.phaseStartedAt.plusSeconds(60L * now.minutes);
        return new PhaseView(cur, now == null ? null : now.phase.name(), now == null ? null : now.minutes.intValue(),
                c.phaseStartedAt, endsAt, next == null ? null : next.phase.name(), c.finishedAt != null, c.version);
    }

    /** Circles the viewer may hold a conference in (for the form). */
    @WithSession
    public Uni<List<OrgRef>> ownCircles(Viewer viewer) {
        Set<Long> ids = new HashSet<>(viewer.circleIds());
        ids.removeIf(cid -> !policy.permits(viewer, Action.EDIT, new Resource.ConferenceCreation(cid)));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Circle.<Circle>list("id in ?1 order by name", ids).map(cs -> cs.stream()
                .map(c -> new OrgRef(c.id, c.name, null)).toList());
    }

    /** People who may be chosen as attendees of a conference in this circle (staff of its organizations, advisors). */
    @WithSession
    public Uni<List<PersonRef>> candidates(Viewer viewer, long circleId) {
        if (!viewer.circleIds().contains(circleId) && !viewer.is(Role.NETWORK_ADMIN)) {
            return Uni.createFrom().item(List.of());
        }
        return Account.<Account>list("active = true and role <> ?2 and (role = ?3 or id in (select m.accountId"
                        + " from Membership m where m.organizationId in (select cm.organizationId from CircleMember cm"
                        + " where cm.circleId = ?1))) order by displayKana, displayName", circleId, Role.SYSADMIN, Role.ADVISOR)
                .map(list -> list.stream().map(a -> new PersonRef(a.id, a.displayName)).toList());
    }
}
