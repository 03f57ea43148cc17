package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.CasePart;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.conference.ConferenceTerms.LearningKind;
import jp.tsunagu.conference.ConferenceTerms.Tag;
import jp.tsunagu.conference.ConferenceViews.LearningView;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.platform.db.PageReads;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Learnings: de-identified support ideas and lessons. Attendees who pledged write them (checked
 * like the case sheet); the facilitator approves them; approved ones form the library every
 * member can search, linked to their conference's date and format and to no case material.
 */
@ApplicationScoped
public class LearningService {

    public record LearningInput(@NotBlank @OneOf(LearningKind.class) String kind, @NotBlank @Size(max = 1000) String body,
                                @Size(max = 5, message = "list-size") List<@NotNull @OneOf(Tag.class) String> tags) {
    }

    /** Library filters: words in the text, a theme tag. */
    public record Query(String q, String tag) {
    }

    @Inject
    InputCheck inputs;

    @Inject
    ConferenceAccess access;

    @Inject
    AccessPolicy policy;

    @Inject
    IdentifierGuard guard;

    @WithSession
    public Uni<List<LearningView>> forConference(Viewer viewer, long id) {
        return access.material(viewer, id, CasePart.LEARNINGS, false).chain(l -> Learning.<Learning>list(
                "conferenceId = ?1 order by id", id).map(list -> list.stream().map(x -> view(x, l.conference())).toList()));
    }

    @WithTransaction
    public Uni<LearningView> add(Viewer viewer, long id, LearningInput in) {
        if (in == null) {
            throw ProblemException.field("body", "required");
        }
        inputs.require(in);
        return access.material(viewer, id, CasePart.LEARNINGS, true).chain(l -> guard.require(viewer, Map.of("body", in.body())).chain(() -> {
            Learning x = new Learning();
            x.conferenceId = id;
            x.kind = Values.code(LearningKind.class, in.kind());
            x.body = in.body().strip();
            x.tags = new LinkedHashSet<>(in.tags() == null ? List.<String>of() : in.tags()).toArray(String[]::new);
            x.createdBy = viewer.accountId();
            x.createdAt = Instant.now();
            return x.<Learning>persistAndFlush().map(saved -> view(saved, l.conference()));
        }));
    }

    /** The facilitator approves (or withdraws) a learning for the library. */
    @WithTransaction
    public Uni<LearningView> approve(Viewer viewer, long id, long learningId, boolean approved) {
        return access.editable(viewer, id).chain(l -> Learning.<Learning>find("id = ?1 and conferenceId = ?2", learningId, id)
                .firstResult().chain(x -> {
                    if (x == null) {
                        throw ProblemException.notFound();
                    }
                    x.approvedAt = approved ? Instant.now() : null;
                    x.approvedBy = approved ? viewer.accountId() : null;
                    return x.<Learning>persistAndFlush().map(saved -> view(saved, l.conference()));
                }));
    }

    /** The library: approved learnings only, newest conference first, filtered by words and a theme. */
    @WithSession
    public Uni<List<LearningView>> library(Viewer viewer, Query query) {
        policy.require(viewer, Action.VIEW, new Resource.LearningsLibrary());
        Params p = new Params();
        Tag tag = p.choice("tag", query.tag(), v -> ConferenceTerms.parse(Tag.class, v));
        String q = p.text("q", query.q(), 100);
        p.check();
        return PageReads.read(() -> newestApproved(tag, q).chain(hits -> {
            Set<Long> ids = hits.stream().map(x -> x.conferenceId).collect(Collectors.toSet());
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<LearningView>of());
            }
            return Conference.<Conference>list("id in ?1", ids).chain(cs -> ConferenceAttendee.<ConferenceAttendee>list(
                    "conferenceId in ?1 and accountId = ?2 and removedAt is null", ids, viewer.accountId()).map(mine -> {
                Map<Long, Conference> byId = cs.stream().collect(Collectors.toMap(c -> c.id, c -> c));
                Map<Long, ConferenceAttendee> me = mine.stream().collect(Collectors.toMap(a -> a.conferenceId, a -> a, (a, b) -> a));
                List<Learning> sorted = new ArrayList<>(hits);
                sorted.sort((a, b) -> byId.get(b.conferenceId).startsAt.compareTo(byId.get(a.conferenceId).startsAt));
                List<LearningView> out = new ArrayList<>();
                for (Learning x : sorted) {
                    Conference c = byId.get(x.conferenceId);
                    // the library names a conference only to those the policy lets know of it
                    boolean known = policy.permits(viewer, Action.VIEW,
                            new ConferenceAccess.Loaded(c, me.get(c.id)).resource());
                    out.add(known ? view(x, c) : anonymous(x));
                }
                return out;
            }));
        }));
    }

    /** How many learnings the library shows at most. */
    static final int LIBRARY_SIZE = 200;

    /**
     * The newest approved learnings with the theme and every word (case as typed), chosen by the
     * database: only the rows shown are loaded (a national library holds thousands).
     */
    static Uni<List<Learning>> newestApproved(Tag tag, String q) {
        StringBuilder hql = new StringBuilder("from Learning x where x.approvedAt is not null");
        Map<String, Object> params = new HashMap<>();
        if (tag != null) {
            // Hibernate's array_position gives 0 when absent; array_contains would bind the tag as
            // varchar[], which PostgreSQL cannot compare with the text[] column
            hql.append(" and array_position(x.tags, :tag) > 0");
            params.put("tag", tag.name());
        }
        String[] words = q == null || q.isBlank() ? new String[0] : q.trim().split("[\\s\u3000]+");
        for (int i = 0; i < words.length; i++) {
            hql.append(" and x.body like :w").append(i).append(" escape '\\'");
            params.put("w" + i, "%" + DirectoryService.likeEscape(words[i]) + "%");
        }
        hql.append(" order by x.createdAt desc, x.id desc");
        return Learning.<Learning>find(hql.toString(), params).range(0, LIBRARY_SIZE - 1).list();
    }

    /** A learning whose conference the viewer may not know of: the lesson, without where it came from. */
    static LearningView anonymous(Learning x) {
        return new LearningView(x.id, null, x.kind.name(), x.body, x.tags == null ? List.of() : List.of(x.tags),
                x.approvedAt != null, x.approvedAt, null, null, null);
    }

    static LearningView view(Learning x, Conference c) {
        return new LearningView(x.id, x.conferenceId, x.kind.name(), x.body, x.tags == null ? List.of() : List.of(x.tags),
                x.approvedAt != null, x.approvedAt, c.title, c.startsAt, c.format.name());
    }
}
