package jp.tsunagu.meeting;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.DirectoryViews.PrefectureView;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.PollView;

import java.util.List;

/**
 * Everything the meeting page shows, assembled in one call of flat, named steps: the meeting as
 * the viewer may see it, then its poll and agenda, then what only those who run it get (the
 * invitees, the circles and prefectures to invite from), then the action items once the minutes
 * are readable. Each step asks its own service, which asks the one policy.
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

    public Uni<MeetingPage> page(Viewer viewer, long id) {
        return meetings.detail(viewer, id).map(MeetingPage::of)
                .chain(p -> polls.view(viewer, id).map(p::withPoll))
                .chain(p -> agendas.agenda(viewer, id).map(p::withAgenda))
                .chain(p -> organizersParts(viewer, p))
                .chain(p -> recorderPart(viewer, p))
                .chain(p -> actionItems(viewer, p));
    }

    /** Whether the viewer writes the minutes as a recorder named by the organizers (a link to the editor). */
    Uni<MeetingPage> recorderPart(Viewer viewer, MeetingPage p) {
        MeetingDetail d = p.detail();
        if (d.canEdit() || d.mine() == null || d.minutesPublished() || "CANCELLED".equals(String.valueOf(d.summary().status()))) {
            return Uni.createFrom().item(p);
        }
        return recorders.writesAsRecorder(viewer, p.detail().id()).map(p::withRecorder);
    }

    /** The invitees and the choices to invite from: for those who run the meeting only. */
    Uni<MeetingPage> organizersParts(Viewer viewer, MeetingPage p) {
        if (!p.detail().canEdit()) {
            return Uni.createFrom().item(p);
        }
        long id = p.detail().id();
        return invites.invitees(viewer, id).map(p::withInvitees)
                .chain(q -> meetings.ownCircles(viewer).chain(circles -> directory.prefectures(viewer)
                        .map(prefs -> q.withInviteChoices(circles, prefs))));
    }

    /** The action items (確認事項), once the minutes are readable by this viewer. */
    Uni<MeetingPage> actionItems(Viewer viewer, MeetingPage p) {
        return p.detail().minutesVisible() ? actions.list(viewer, p.detail().id()).map(p::withActions) : Uni.createFrom().item(p);
    }
}
