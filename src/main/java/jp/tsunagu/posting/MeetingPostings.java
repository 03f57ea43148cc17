package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.meeting.MeetingAccess;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.posting.PostingViews.PostingDetail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Postings read out at a meeting's job-information item (求人情報の共有). Organizers attach
 * postings they may see and that the meeting's audience may see too (never a posting into a
 * meeting whose circle it did not reach). Each person sees only the attached postings the
 * posting rule lets them see, so attaching never widens a posting's reach.
 */
@ApplicationScoped
public class MeetingPostings {

    public record AttachInput(List<Long> postingIds) {
    }

    @Inject
    MeetingAccess meetings;

    @Inject
    PostingAccess postings;

    @Inject
    PostingDetails details;

    @Inject
    AccessPolicy policy;

    @WithTransaction
    public Uni<List<PostingDetail>> attach(Viewer viewer, long meetingId, AttachInput in) {
        if (in == null || in.postingIds() == null || in.postingIds().isEmpty() || in.postingIds().size() > 30
                || in.postingIds().stream().anyMatch(Objects::isNull)) {
            throw ProblemException.field("postingIds", "required");
        }
        return meetings.editable(viewer, meetingId).chain(m -> {
            Long circle = m.meeting().circleId;
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Long postingId : new LinkedHashSet<>(in.postingIds())) {
                chain = chain.chain(() -> postings.visible(viewer, postingId).chain(l -> {
                    boolean reaches = l.posting().visibility == PostingVisibility.NETWORK
                            || (circle != null && l.shares().stream().anyMatch(s -> s.circleId.equals(circle)));
                    if (!reaches) {
                        throw ProblemException.field("postingIds", "posting-not-in-circle");
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO meeting_posting"
                                    + " (meeting_id, posting_id, attached_by) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                            .setParameter(1, meetingId).setParameter(2, postingId).setParameter(3, viewer.accountId())
                            .executeUpdate()).replaceWithVoid();
                }));
            }
            return chain.chain(() -> listOf(viewer, meetingId));
        });
    }

    @WithTransaction
    public Uni<List<PostingDetail>> detach(Viewer viewer, long meetingId, long postingId) {
        return meetings.editable(viewer, meetingId).chain(m -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "DELETE FROM meeting_posting WHERE meeting_id = ?1 AND posting_id = ?2")
                .setParameter(1, meetingId).setParameter(2, postingId).executeUpdate()))
                .chain(x -> listOf(viewer, meetingId));
    }

    /** The attached postings this viewer may see, for anyone who sees the meeting. */
    @WithSession
    public Uni<List<PostingDetail>> list(Viewer viewer, long meetingId) {
        return meetings.visible(viewer, meetingId).chain(m -> listOf(viewer, meetingId));
    }

    Uni<List<PostingDetail>> listOf(Viewer viewer, long meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT posting_id FROM meeting_posting WHERE meeting_id = ?1 ORDER BY attached_at, posting_id", Long.class)
                .setParameter(1, meetingId).getResultList()).chain(ids -> postings.loadAll(ids).chain(ls -> {
            // in attachment order, only what the posting rule lets this viewer see; details chained, one
            // statement at a time on the session
            Uni<List<PostingDetail>> out = Uni.createFrom().item(new ArrayList<>());
            for (Long id : ids) {
                var found = ls.stream().filter(l -> l.posting().id.equals(id)
                        && policy.permits(viewer, Action.VIEW, l.resource())).findFirst();
                if (found.isPresent()) {
                    out = out.chain(list -> details.detailOf(viewer, found.get()).map(d -> {
                        list.add(d);
                        return list;
                    }));
                }
            }
            return out;
        }));
    }
}
