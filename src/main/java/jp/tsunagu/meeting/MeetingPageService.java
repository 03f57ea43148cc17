package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.DirectoryViews.PrefectureView;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.PollView;
import jp.tsunagu.platform.db.PageReads;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the meeting page shows, assembled in one call of flat, named steps: the facts every
 * part reads, loaded once (the meeting as the viewer may see it, its invitations, the items
 * carried to it), then the detail, poll and agenda, then what only those who run it get (the
 * invitees, the circles and prefectures to invite from), then the action items once the minutes
 * are readable. Each step decides on the facts with the one policy (MeetingAccess), without
 * loading the meeting again (PageStatementsTest counts the statements).
 */
@ApplicationScoped
public class MeetingPageService {

    /** The meeting page's data; the organizers' parts are empty for everyone else. */
    @TemplateData
    public record MeetingPage(MeetingDetail detail, PollView poll, AgendaView agenda, List<InviteeView> invitees,
                              List<ActionView> actions, List<OrgRef> circles, List<PrefectureView> prefectures,
                              boolean recorder) {

        static MeetingPage of(MeetingDetail d) {
            return new MeetingPage(d, null, null, null, null, List.of(), List.of(), false);
        }

        MeetingPage withRecorder(boolean r) {
            return new MeetingPage(detail, poll, agenda, invitees, actions, circles, prefectures, r);
        }

        MeetingPage withPoll(PollView p) {
            return new MeetingPage(detail, p, agenda, invitees, actions, circles, prefectures, recorder);
        }

        MeetingPage withAgenda(AgendaView a) {
            return new MeetingPage(detail, poll, a, invitees, actions, circles, prefectures, recorder);
        }

        MeetingPage withInvitees(List<InviteeView> i) {
            return new MeetingPage(detail, poll, agenda, i, actions, circles, prefectures, recorder);
        }

        MeetingPage withActions(List<ActionView> a) {
            return new MeetingPage(detail, poll, agenda, invitees, a, circles, prefectures, recorder);
        }

        MeetingPage withInviteChoices(List<OrgRef> c, List<PrefectureView> p) {
            return new MeetingPage(detail, poll, agenda, invitees, actions, c, p, recorder);
        }
    }

    @Inject
    MeetingService meetings;

    @Inject
    PollService polls;

    @Inject
    AgendaService agendas;

    @Inject
    InviteService invites;

    @Inject
    ActionService actions;

    @Inject
    DirectoryService directory;

    @Inject
    MinutesRecorders recorders;

    /**
     * What every part of the page reads, loaded once: the meeting with its access facts (co-hosts,
     * the viewer's invitation), all its invitations by id, and the open action items carried from
     * earlier meetings of its series (the agenda and the action items both show them).
     */
    public record Facts(Loaded meeting, List<Invitee> invitations, List<ActionView> carried, Map<Long, OrgRef> orgs) {

        List<Invitee> live() {
            return invitations.stream().filter(i -> i.revokedAt == null).toList();
        }
    }

    @Inject
    MeetingAccess access;

    @Inject
    jp.tsunagu.account.NameLookup names;

    @WithSession
    public Uni<MeetingPage> page(Viewer viewer, long id) {
        return PageReads.read(() -> facts(viewer, id).chain(f -> meetings.detailOf(viewer, f.meeting(), f.live(), f.orgs()).map(MeetingPage::of)
                .chain(p -> polls.viewOf(viewer, f.meeting(), f.live(), f.orgs()).map(p::withPoll))
                .chain(p -> agendas.agendaOf(viewer, f.meeting(), f.carried(), f.orgs()).map(p::withAgenda))
                .chain(p -> organizersParts(viewer, f, p))
                .map(p -> recorderPart(viewer, f, p))
                .chain(p -> actionItems(viewer, f, p))));
    }

    /**
     * The meeting as the viewer may see it (404 otherwise) with its invitations, the items carried
     * to it, and the names of its co-hosts' and invitees' organizations.
     */
    Uni<Facts> facts(Viewer viewer, long id) {
        return access.visibleWithInvitations(viewer, id).chain(w -> actions.carried(viewer, w.loaded()).chain(carried -> {
            Set<Long> orgIds = new HashSet<>(w.loaded().organizerIds());
            w.invitations().forEach(i -> orgIds.add(i.organizationId));
            return names.orgs(orgIds, viewer.locale()).map(orgs -> new Facts(w.loaded(), w.invitations(), carried, orgs));
        }));
    }

    /** Whether the viewer writes the minutes as a recorder named by the organizers (a link to the editor). */
    MeetingPage recorderPart(Viewer viewer, Facts f, MeetingPage p) {
        MeetingDetail d = p.detail();
        if (d.canEdit() || d.mine() == null || d.minutesPublished() || "CANCELLED".equals(String.valueOf(d.summary().status()))) {
            return p;
        }
        return p.withRecorder(recorders.writesAsRecorder(viewer, f.meeting()));
    }

    /** The invitees and the choices to invite from: for those who run the meeting only. */
    Uni<MeetingPage> organizersParts(Viewer viewer, Facts f, MeetingPage p) {
        if (!p.detail().canEdit() || !access.canSeeBackstage(viewer, f.meeting())) {
            return Uni.createFrom().item(p);
        }
        return invites.listOf(viewer, f.invitations(), f.orgs()).map(p::withInvitees)
                .chain(q -> meetings.ownCircles(viewer).chain(circles -> directory.prefectures(viewer)
                        .map(prefs -> q.withInviteChoices(circles, prefs))));
    }

    /** The action items (確認事項), once the minutes are readable by this viewer. */
    Uni<MeetingPage> actionItems(Viewer viewer, Facts f, MeetingPage p) {
        return p.detail().minutesVisible() ? actions.listOf(viewer, f.meeting(), f.carried(), f.orgs()).map(p::withActions)
                : Uni.createFrom().item(p);
    }
}
