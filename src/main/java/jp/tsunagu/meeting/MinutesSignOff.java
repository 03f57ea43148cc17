package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.meeting.MeetingNotices.Kind;
import jp.tsunagu.meeting.MeetingNotices.Sent;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sign-off of the minutes before publication (議事録の確認): the organizers circulate the draft to
 * the attendees for a set period (7 days unless told otherwise); attendees comment on an item or
 * propose wording (修正依頼); the organizers accept a proposal (the wording goes into the minutes,
 * live ones too) or answer; they publish once nothing is left open. Everything here asks the one
 * policy about the minutes: outside the meeting the draft and its comments are 404.
 */
@ApplicationScoped
public class MinutesSignOff {

    public static final int DEFAULT_DAYS = 7;
    static final Set<String> FIELDS = Set.of("theme", "content", "results");

    public record CirculateInput(@Min(value = 1, message = "range") @Max(value = 30, message = "range") Integer days) {
    }

    public enum CommentKind { COMMENT, PROPOSAL }

    public enum CommentStatus { OPEN, ACCEPTED, ANSWERED }

    public enum Decision { ACCEPT, ANSWER }

    public record CommentInput(@NotNull @Min(value = 1, message = "range") @Max(value = 40, message = "range") Integer item,
                               @NotBlank String field, @NotBlank String kind,
                               @NotBlank @Size(max = 2000) String body, @Size(max = 8000) String proposedText) {
    }

    public record ResolveInput(@NotBlank String decision, @Size(max = 2000) String answer) {
    }

    public record CommentView(long id, int item, String field, String kind, String body, String proposedText, String author,
                              Instant createdAt, String status, String answer, String resolvedBy, Instant resolvedAt) {
    }

    /** The circulation and its comments, as the viewer may read them. */
    public record SignOffView(long meetingId, Instant circulatedAt, Instant circulatedUntil, boolean open, boolean canComment,
                              boolean canResolve, List<CommentView> comments) {
    }

    @Inject
    MeetingAccess access;

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    NameLookup names;

    @Inject
    MeetingNotices notices;

    @Inject
    MinutesService minutes;

    @Inject
    LiveMinutes live;

    /** Circulates (or circulates again, with a new end) the draft; the attendees are told in the app and by mail. */
    public Uni<SignOffView> circulate(Viewer viewer, long meetingId, CirculateInput in) {
        return circulateTx(viewer, meetingId, in).chain(notices::deliver);
    }

    @WithTransaction
    Uni<Sent<SignOffView>> circulateTx(Viewer viewer, long meetingId, CirculateInput in) {
        if (in != null) {
            inputs.require(in);
        }
        int days = in == null || in.days() == null ? DEFAULT_DAYS : in.days();
        return access.editable(viewer, meetingId).chain(l -> minutes.minutesOf(l.meeting()).chain(current -> {
            Meeting m = l.meeting();
            if (m.minutesPublishedAt != null) {
                throw new ProblemException(409, "minutes-published");
            }
            if (m.status == MeetingTerms.Status.CANCELLED) {
                throw new ProblemException(409, "minutes-not-open");
            }
            if (current.items().isEmpty()) {
                throw new ProblemException(409, "minutes-empty");
            }
            if (m.startsAt == null || m.startsAt.isAfter(Instant.now())) {
                throw new ProblemException(409, "minutes-before-meeting");
            }
            Instant now = Instant.now();
            // circulated again while still out: a new end, and nobody is mailed twice
            boolean tell = m.minutesCirculatedUntil == null || !m.minutesCirculatedUntil.isAfter(now);
            m.minutesCirculatedAt = now;
            m.minutesCirculatedUntil = now.plus(Duration.ofDays(days));
            m.minutesCirculatedBy = viewer.accountId();
            return minutes.attendeesToTell(m).chain(targets -> {
                List<Invitee> withAccounts = tell ? targets.stream().filter(i -> i.accountId != null).toList() : List.of();
                return MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id)
                        .chain(venues -> notices.prepare(m, venues, withAccounts, Kind.MINUTES_DRAFT))
                        .chain(mails -> notices.inApp(withAccounts.stream().map(i -> i.accountId).toList(), Kind.MINUTES_DRAFT, m)
                                .chain(() -> view(viewer, l)).map(v -> new Sent<>(v, mails)));
            });
        }));
    }

    /**
     * The circulation and its comments: organizers and, while circulated, attendees; 404 to
     * everyone else (readers of the published minutes included: the comments are the sign-off's).
     */
    @WithSession
    public Uni<SignOffView> comments(Viewer viewer, long meetingId) {
        return access.minutesVisible(viewer, meetingId).chain(l -> {
            if (!takesPart(viewer, l)) {
                throw ProblemException.notFound();
            }
            return view(viewer, l);
        });
    }

    /** For the minutes pages: the sign-off if the viewer takes part in it, else null. */
    @WithSession
    public Uni<SignOffView> forPage(Viewer viewer, long meetingId) {
        return access.minutesVisible(viewer, meetingId).chain(l -> forPage(viewer, l));
    }

    /** The same on facts already loaded (the caller asked whether the minutes are readable). */
    Uni<SignOffView> forPage(Viewer viewer, MeetingAccess.Loaded l) {
        return takesPart(viewer, l) ? view(viewer, l) : Uni.createFrom().nullItem();
    }

    private boolean takesPart(Viewer viewer, MeetingAccess.Loaded l) {
        return policy.permits(viewer, Action.APPROVE, l.minutes()) || policy.permits(viewer, Action.REQUEST, l.minutes())
                || l.minutes().circulatedToViewer();
    }

    /** An attendee's (or organizer's) comment or proposed wording on one field of one item, while circulated. */
    @WithTransaction
    public Uni<CommentView> comment(Viewer viewer, long meetingId, CommentInput in) {
        inputs.require(in);
        CommentKind kind = Values.enumOf(CommentKind.class, in.kind()).orElseThrow(() -> ProblemException.field("kind", "unknown"));
        if (!FIELDS.contains(in.field())) {
            throw ProblemException.field("field", "unknown");
        }
        if (kind == CommentKind.PROPOSAL && in.proposedText() == null) {
            throw ProblemException.field("proposedText", "required");
        }
        if (kind == CommentKind.PROPOSAL && "theme".equals(in.field()) && (in.proposedText().isBlank() || in.proposedText().length() > 300)) {
            throw ProblemException.field("proposedText", in.proposedText().isBlank() ? "required" : "too-long");
        }
        return access.minutesVisible(viewer, meetingId).chain(l -> {
            Meeting m = l.meeting();
            if (m.minutesPublishedAt != null) {
                throw new ProblemException(409, "minutes-published");
            }
            if (m.minutesCirculatedAt == null || !m.minutesCirculatedUntil.isAfter(Instant.now())) {
                throw new ProblemException(409, "minutes-not-circulating");
            }
            policy.require(viewer, Action.REQUEST, l.minutes());
            return MinutesItem.count("meetingId", m.id).chain(count -> {
                if (in.item() > count) {
                    throw ProblemException.field("item", "unknown");
                }
                MinutesComment c = new MinutesComment();
                c.meetingId = m.id;
                c.itemPosition = in.item();
                c.field = in.field();
                c.kind = kind;
                c.body = in.body().trim();
                c.proposedText = kind == CommentKind.PROPOSAL ? in.proposedText() : null;
                c.authorAccountId = viewer.accountId();
                c.createdAt = Instant.now();
                c.status = CommentStatus.OPEN;
                return c.<MinutesComment>persist().chain(saved -> views(List.of(saved), viewer)).map(v -> v.get(0));
            });
        });
    }

    /**
     * An organizer accepts a proposal (its wording replaces the field, in the stored minutes and
     * the live document) or answers a comment or proposal. Each is decided once.
     */
    public Uni<CommentView> resolve(Viewer viewer, long meetingId, long commentId, ResolveInput in) {
        return resolveTx(viewer, meetingId, commentId, in).call(v -> !"ACCEPTED".equals(v.status()) ? Uni.createFrom().voidItem()
                : live.fieldAccepted(meetingId, v.item(), v.field(), v.proposedText()));
    }

    @WithTransaction
    Uni<CommentView> resolveTx(Viewer viewer, long meetingId, long commentId, ResolveInput in) {
        inputs.require(in);
        Decision decision = Values.enumOf(Decision.class, in.decision()).orElseThrow(() -> ProblemException.field("decision", "unknown"));
        String answer = Values.blankToNull(in.answer());
        if (decision == Decision.ANSWER && answer == null) {
            throw ProblemException.field("answer", "required");
        }
        return access.editable(viewer, meetingId).chain(l -> MinutesComment.<MinutesComment>findById(commentId).chain(c -> {
            if (c == null || !c.meetingId.equals(meetingId)) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.APPROVE, l.minutes());
            if (c.status != CommentStatus.OPEN) {
                throw new ProblemException(409, "comment-resolved");
            }
            if (l.meeting().minutesPublishedAt != null) {
                throw new ProblemException(409, "minutes-published");
            }
            if (decision == Decision.ACCEPT && c.kind != CommentKind.PROPOSAL) {
                throw ProblemException.field("decision", "unknown");
            }
            c.status = decision == Decision.ACCEPT ? CommentStatus.ACCEPTED : CommentStatus.ANSWERED;
            c.answer = answer;
            c.resolvedBy = viewer.accountId();
            c.resolvedAt = Instant.now();
            Uni<Void> accepted = decision == Decision.ACCEPT
                    ? minutes.replaceField(l.meeting(), c.itemPosition, c.field, c.proposedText) : Uni.createFrom().voidItem();
            return accepted.chain(() -> views(List.of(c), viewer)).map(v -> v.get(0));
        }));
    }

    /** Publication waits for every comment to be decided. */
    Uni<Void> requireNothingOpen(Meeting m) {
        return MinutesComment.count("meetingId = ?1 and status = ?2", m.id, CommentStatus.OPEN).map(n -> {
            if (n > 0) {
                throw new ProblemException(409, "minutes-comments-open", n);
            }
            return null;
        });
    }

    Uni<SignOffView> view(Viewer viewer, MeetingAccess.Loaded l) {
        Meeting m = l.meeting();
        return MinutesComment.<MinutesComment>list("meetingId = ?1 order by id", m.id).chain(list -> views(list, viewer))
                .map(comments -> new SignOffView(m.id, m.minutesCirculatedAt, m.minutesCirculatedUntil,
                        l.minutes().circulationOpen(), policy.permits(viewer, Action.REQUEST, l.minutes()),
                        policy.permits(viewer, Action.APPROVE, l.minutes()) && m.minutesPublishedAt == null, comments));
    }

    private Uni<List<CommentView>> views(List<MinutesComment> list, Viewer viewer) {
        List<Long> people = new ArrayList<>();
        list.forEach(c -> {
            people.add(c.authorAccountId);
            if (c.resolvedBy != null) {
                people.add(c.resolvedBy);
            }
        });
        return names.people(people).map(byId -> list.stream().map(c -> view(c, byId)).toList());
    }

    private static CommentView view(MinutesComment c, Map<Long, PersonRef> names) {
        return new CommentView(c.id, c.itemPosition, c.field, c.kind.name(), c.body, c.proposedText,
                name(names, c.authorAccountId), c.createdAt, c.status.name(), c.answer, name(names, c.resolvedBy), c.resolvedAt);
    }

    private static String name(Map<Long, PersonRef> names, Long id) {
        PersonRef p = id == null ? null : names.get(id);
        return p == null ? null : p.name();
    }
}
