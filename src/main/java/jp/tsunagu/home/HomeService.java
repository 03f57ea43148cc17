package jp.tsunagu.home;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.CircleService;
import jp.tsunagu.directory.DirectoryViews.CircleSummary;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.meeting.MeetingService;
import jp.tsunagu.meeting.MeetingViews.MeetingSummary;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.pairing.PairingService;
import jp.tsunagu.pairing.PairingViews.PairSummary;
import jp.tsunagu.platform.db.PageReads;

import java.util.List;

/** Gathers what the home page shows each person. Later features add their own panels here. */
@ApplicationScoped
public class HomeService {

    @TemplateData
    public record OrgLink(long id, String name, String type) {
    }

    @TemplateData
    public record Stats(long centers, long organizations, long circles) {
    }

    @TemplateData
    public record Home(boolean signedIn, String displayName, String role, List<OrgLink> organizations,
                       List<CircleSummary> circles, Stats stats, List<PairSummary> pairs,
                       List<NotificationService.Item> notifications, List<MeetingSummary> meetings) {
    }

    @Inject
    CircleService circles;

    @Inject
    PairingService pairings;

    @Inject
    NotificationService notifications;

    @Inject
    MeetingService meetings;

    /** How many upcoming meetings the home page lists (the rest are one click away on /meetings). */
    static final int UPCOMING = 5;

    @WithSession
    public Uni<Home> home(Viewer viewer) {
        if (!viewer.signedIn()) {
            return Organization.count("orgType", OrgType.NAKAPOTSU)
                    .map(n -> new Home(false, null, null, List.of(), List.of(), new Stats(n, 0, 0), List.of(), List.of(), List.of()));
        }
        Uni<List<OrgLink>> orgs = viewer.organizationIds().isEmpty() ? Uni.createFrom().item(List.of())
                : Organization.<Organization>list("id in ?1 order by name", viewer.organizationIds())
                .map(list -> list.stream().map(o -> new OrgLink(o.id, o.name, o.orgType.name())).toList());
        return PageReads.read(() -> orgs.chain(os -> circles.mine(viewer).chain(mine -> pairings.mine(viewer).chain(pairs ->
                notifications.recent(viewer, 5).chain(notes -> upcoming(viewer).chain(next -> {
            if (viewer.is(Role.NETWORK_ADMIN) || viewer.is(Role.SYSADMIN)) {
                return Organization.count("orgType", OrgType.NAKAPOTSU).chain(centers ->
                        Organization.count().chain(all -> circles.countListable(viewer).map(listed -> new Home(true,
                                viewer.displayName(), viewer.role().wire(), os, mine, new Stats(centers, all, listed),
                                pairs, notes, next))));
            }
            return Uni.createFrom().item(new Home(true, viewer.displayName(), viewer.role().wire(), os, mine, null,
                    pairs, notes, next));
        }))))));
    }

    /** The next meetings the viewer can see (through the meetings' own access rules), cancelled ones left out. */
    Uni<List<MeetingSummary>> upcoming(Viewer viewer) {
        return meetings.next(viewer, UPCOMING);
    }
}
