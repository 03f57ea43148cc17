package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.meeting.MeetingPageService.Facts;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MinutesSignOff.SignOffView;
import jp.tsunagu.meeting.MeetingViews.MinutesView;

import java.util.List;

/**
 * Everything the minutes page shows, in one call of flat, named steps on facts read once (the
 * meeting page's): the minutes readable by the viewer (404 otherwise), the meeting's detail, the
 * action items, and the sign-off for those who take part in it.
 */
@ApplicationScoped
public class MinutesPageService {

    /** The minutes page's data; {@code signOff} is null for those who take no part in the sign-off. */
    public record MinutesPage(MeetingDetail detail, MinutesView minutes, List<ActionView> actions, SignOffView signOff) {
    }

    @Inject
    MeetingPageService meetingPage;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingService meetings;

    @Inject
    MinutesService minutes;

    @Inject
    ActionService actions;

    @Inject
    MinutesSignOff signOff;

    @WithSession
    public Uni<MinutesPage> page(Viewer viewer, long id) {
        return meetingPage.facts(viewer, id).invoke(f -> access.requireMinutesVisible(viewer, f.meeting()))
                .chain(f -> minutes.minutesOf(f.meeting().meeting())
                        .chain(mv -> meetings.detailOf(viewer, f.meeting(), f.live(), f.orgs())
                                .chain(d -> actions.listOf(viewer, f.meeting(), f.carried(), f.orgs())
                                        .chain(acts -> signOff(viewer, f).map(so -> new MinutesPage(d, mv, acts, so))))));
    }

    /** The sign-off, for those who take part in it. */
    Uni<SignOffView> signOff(Viewer viewer, Facts f) {
        return signOff.forPage(viewer, f.meeting());
    }
}
