package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingNotices.Kind;
import jp.tsunagu.meeting.MeetingNotices.Sent;
import jp.tsunagu.meeting.MeetingTerms.PollChoice;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.meeting.MeetingViews.PollRow;
import jp.tsunagu.meeting.MeetingViews.PollView;
import jp.tsunagu.meeting.MeetingViews.SlotView;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scheduling polls (調整さん style): the organizer proposes slots, invitees answer ○/△/× per
 * slot with a comment (in the app or through their personal link), the best slots are
 * highlighted, and confirming one schedules the meeting and tells everyone.
 */
@ApplicationScoped
public class PollService {

    public record SlotInput(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    public record SlotsInput(@NotEmpty @Size(max = 20, message = "range") List<SlotInput> slots) {
    }

    /** Answers keyed by slot id; {@code version} is the one last seen (0 before the first answer). */
    public record AnswerInput(Map<Long, String> answers, String comment, Integer version) {
    }

    public record ConfirmInput(Long slotId) {
    }

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingNotices notices;

    @Inject
    NameLookup names;

    @Inject
    PersonalLinks links;

    @Inject
    MeetingService meetings;

    // ---------------------------------------------------------------- organizer

    @WithTransaction
    public Uni<PollView> setSlots(Viewer viewer, long meetingId, SlotsInput in) {
        Params p = inputs.of(in);
        List<SlotInput> slots = in.slots() == null ? List.of() : in.slots();
        Set<LocalDateTime> seen = new HashSet<>();
        for (int i = 0; i < slots.size() && i < 20; i++) {
            SlotInput s = slots.get(i);
            if (s == null || s.startsAt() == null || s.endsAt() == null) {
                p.error("slots[" + i + "].startsAt", "required");
                continue;
            }
            MeetingTimes.checkTimes(p, "slots[" + i + "].startsAt", "slots[" + i + "].endsAt", s.startsAt(), s.endsAt(), true);
            if (!seen.add(s.startsAt())) {
                p.error("slots[" + i + "].startsAt", "slot-duplicate");
            }
        }
        p.check();
        return access.editable(viewer, meetingId).chain(l -> {
            Meeting m = l.meeting();
            if (m.status != Status.DRAFT && m.status != Status.SCHEDULING) {
                throw new ProblemException(409, "poll-closed");
            }
            List<PollSlot> fresh = new ArrayList<>();
            for (SlotInput s : slots) {
                PollSlot slot = new PollSlot();
                slot.meetingId = m.id;
                slot.startsAt = MeetingTimes.instant(s.startsAt());
                slot.endsAt = MeetingTimes.instant(s.endsAt());
                fresh.add(slot);
            }
            m.status = Status.SCHEDULING;
            m.version++;
            m.updatedAt = Instant.now();
            // Answers to slots kept are kept; answers to removed slots go with them.
            return PollSlot.<PollSlot>list("meetingId", m.id).chain(old -> {
                Map<Instant, PollSlot> keep = new HashMap<>();
                old.forEach(o -> keep.put(o.startsAt, o));
                List<PollSlot> gone = old.stream().filter(o -> fresh.stream().noneMatch(f -> f.startsAt.equals(o.startsAt)
                        && f.endsAt.equals(o.endsAt))).toList();
                List<PollSlot> added = fresh.stream().filter(f -> old.stream().noneMatch(o -> o.startsAt.equals(f.startsAt)
                        && o.endsAt.equals(f.endsAt))).toList();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (PollSlot g : gone) {
                    chain = chain.chain(() -> PollAnswer.delete("slotId", g.id).replaceWithVoid()).chain(g::delete);
                }
                return chain.chain(Panache::flush).chain(() -> Rows.persistAll(added))
                        .chain(Panache::flush).chain(() -> viewOf(viewer, l));
            });
        });
    }

    public Uni<PollView> confirm(Viewer viewer, long meetingId, ConfirmInput in) {
        if (in == null || in.slotId() == null) {
            throw ProblemException.field("slotId", "required");
        }
        return confirmTx(viewer, meetingId, in.slotId()).chain(notices::deliver).chain(x -> view(viewer, meetingId));
    }

    @WithTransaction
    Uni<Sent<Long>> confirmTx(Viewer viewer, long meetingId, long slotId) {
        return access.editable(viewer, meetingId).chain(l -> {
            Meeting m = l.meeting();
            if (m.status != Status.SCHEDULING) {
                throw new ProblemException(409, "poll-closed");
            }
            return PollSlot.<PollSlot>findById(slotId).chain(slot -> {
                if (slot == null || !slot.meetingId.equals(m.id)) {
                    throw ProblemException.field("slotId", "unknown");
                }
                if (!slot.startsAt.isAfter(Instant.now())) {
                    throw ProblemException.field("slotId", "slot-past");
                }
                m.startsAt = slot.startsAt;
                m.endsAt = slot.endsAt;
                m.status = Status.SCHEDULED;
                m.reminderSentAt = null;
                m.version++;
                m.updatedAt = Instant.now();
                return notices.toInvitees(m, Kind.CONFIRMED).map(mails -> new Sent<>(m.id, mails));
            });
        });
    }

    // ---------------------------------------------------------------- answering

    /** A signed-in invitee answers in the app. */
    @WithTransaction
    public Uni<PollView> answer(Viewer viewer, long meetingId, AnswerInput in) {
        Map<Long, PollChoice> answers = validate(in);
        return access.visible(viewer, meetingId).chain(l -> {
            if (l.invitation() == null) {
                throw new ProblemException(409, "poll-not-invited");
            }
            return Invitee.<Invitee>findById(l.invitation().id, LockModeType.PESSIMISTIC_WRITE)
                    .chain(i -> store(l.meeting(), i, answers, in)).chain(x -> viewOf(viewer, l));
        });
    }

    /** Someone answers through their personal link, without an account. */
    @WithTransaction
    public Uni<PollRow> answerByToken(String token, AnswerInput in) {
        Map<Long, PollChoice> answers = validate(in);
        return links.byToken(token).chain(pers -> Invitee.<Invitee>findById(pers.invitee().id,
                LockModeType.PESSIMISTIC_WRITE).chain(i -> store(pers.meeting(), i, answers, in).chain(() -> rowOf(i))));
    }

    static Map<Long, PollChoice> validate(AnswerInput in) {
        Params p = new Params();
        Map<Long, PollChoice> out = new HashMap<>();
        if (in == null || in.answers() == null || in.answers().isEmpty()) {
            p.error("answers", "required");
        } else {
            in.answers().forEach((slot, raw) -> {
                PollChoice c = p.choice("answers." + slot, raw, v -> MeetingTerms.parse(PollChoice.class, v));
                if (raw == null) {
                    p.error("answers." + slot, "required");
                }
                if (slot == null) {
                    p.error("answers", "unknown");
                } else if (c != null) {
                    out.put(slot, c);
                }
            });
        }
        if (in != null && in.comment() != null && in.comment().length() > 500) {
            p.error("comment", "too-long");
        }
        if (in == null || in.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return out;
    }

    Uni<Void> store(Meeting m, Invitee i, Map<Long, PollChoice> answers, AnswerInput in) {
        if (m.status != Status.SCHEDULING) {
            throw new ProblemException(409, "poll-closed");
        }
        if (Versions.stale(i.pollVersion, in.version())) {
            // Answering twice from a stale page: show what is stored so the person can decide.
            return Versions.conflict(rowOf(i));
        }
        return PollSlot.<PollSlot>list("meetingId", m.id).chain(slots -> {
            Set<Long> ids = new HashSet<>();
            slots.forEach(s -> ids.add(s.id));
            if (!ids.containsAll(answers.keySet())) {
                throw ProblemException.field("answers", "unknown");
            }
            if (!answers.keySet().containsAll(ids)) {
                throw ProblemException.field("answers", "poll-answer-every-slot");
            }
            List<PollAnswer> fresh = new ArrayList<>();
            answers.forEach((slot, c) -> {
                PollAnswer a = new PollAnswer();
                a.inviteeId = i.id;
                a.slotId = slot;
                a.answer = c;
                fresh.add(a);
            });
            i.pollComment = Values.blankToNull(in.comment());
            i.pollAnsweredAt = Instant.now();
            i.pollVersion++;
            return PollAnswer.<PollAnswer>list("inviteeId", i.id).chain(old -> Rows.replace(old, fresh));
        });
    }

    // ---------------------------------------------------------------- reading

    @WithSession
    public Uni<PollView> view(Viewer viewer, long meetingId) {
        return access.visible(viewer, meetingId).chain(l -> viewOf(viewer, l));
    }

    /** Organizers and invitees see every invitee's answers (as on a 調整さん page); the circle sees the tally only. */
    Uni<PollView> viewOf(Viewer viewer, Loaded l) {
        return Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null order by id", l.meeting().id).chain(live -> viewOf(viewer, l, live, Map.of()));
    }

    /** The poll from facts already loaded: the meeting with its access facts and its live invitations, by id. */
    Uni<PollView> viewOf(Viewer viewer, Loaded l, List<Invitee> live, Map<Long, OrgRef> known) {
        Meeting m = l.meeting();
        boolean seesRows = access.canEdit(viewer, l) || l.invitation() != null;
        List<Long> ids = live.stream().map(i -> i.id).toList();
        Uni<List<PollAnswer>> answers = ids.isEmpty() ? Uni.createFrom().item(List.of()) : PollAnswer.list("inviteeId in ?1", ids);
        return PollSlot.<PollSlot>list("meetingId = ?1 order by startsAt", m.id).chain(slots ->
                answers.chain(as -> names.orgs(live.stream().map(i -> i.organizationId).toList(), viewer.locale(), known)
                            .map(orgs -> {
                                List<PollRow> rows = live.stream().filter(i -> i.pollAnsweredAt != null)
                                        .map(i -> row(i, slots, as, orgs.get(i.organizationId) == null ? null
                                                : orgs.get(i.organizationId).name())).toList();
                                PollRow mine = l.invitation() == null ? null : row(l.invitation(), slots, as, null);
                                return new PollView(m.id, m.status.name(), tally(slots, as, viewer.locale()),
                                        seesRows ? rows : List.of(), mine);
                            })));
    }

    static PollRow row(Invitee i, List<PollSlot> slots, List<PollAnswer> as, String org) {
        List<String> answers = slots.stream().map(s -> as.stream().filter(a -> a.inviteeId.equals(i.id)
                && a.slotId.equals(s.id)).findFirst().map(a -> a.answer.name()).orElse("")).toList();
        return new PollRow(i.id, i.name, org, answers, i.pollComment, i.pollAnsweredAt != null, i.pollVersion);
    }

    Uni<PollRow> rowOf(Invitee i) {
        return PollSlot.<PollSlot>list("meetingId = ?1 order by startsAt", i.meetingId).chain(slots ->
                PollAnswer.<PollAnswer>list("inviteeId", i.id).map(as -> row(i, slots, as, null)));
    }

    /** Tallies per slot; the best are those with the highest score (○ = 2, △ = 1) above zero. */
    static List<SlotView> tally(List<PollSlot> slots, List<PollAnswer> as, Locale locale) {
        List<int[]> counts = new ArrayList<>();
        int best = 0;
        for (PollSlot s : slots) {
            int[] c = new int[3];
            as.stream().filter(a -> a.slotId.equals(s.id)).forEach(a -> c[a.answer.ordinal()]++);
            counts.add(c);
            best = Math.max(best, c[0] * 2 + c[1]);
        }
        List<SlotView> out = new ArrayList<>();
        for (int k = 0; k < slots.size(); k++) {
            PollSlot s = slots.get(k);
            int[] c = counts.get(k);
            out.add(new SlotView(s.id, s.startsAt, s.endsAt, MeetingTimes.holiday(s.startsAt, locale), c[0], c[1], c[2],
                    best > 0 && c[0] * 2 + c[1] == best));
        }
        return out;
    }

    /** Slots for a personal link: no tallies, so the link shows nothing of other people's answers. */
    Uni<List<SlotView>> bareSlots(long meetingId, Locale locale) {
        return PollSlot.<PollSlot>list("meetingId = ?1 order by startsAt", meetingId).map(slots -> slots.stream()
                .map(s -> new SlotView(s.id, s.startsAt, s.endsAt, MeetingTimes.holiday(s.startsAt, locale), 0, 0, 0, false)).toList());
    }

    /** What a personal link shows: the meeting, slots without tallies, this person's answers and RSVP. */
    @WithSession
    public Uni<MeetingViews.PersonalView> personal(String token, Locale locale) {
        Viewer anonymous = Viewer.anonymous(locale);
        return links.byToken(token).chain(p -> {
            Meeting m = p.meeting();
            Invitee i = p.invitee();
            return bareSlots(m.id, locale).chain(slots -> rowOf(i).chain(mine -> MeetingVenue.<MeetingVenue>list(
                    "meetingId = ?1 order by position", m.id).chain(venues -> access.facts(anonymous, m)
                    .chain(l -> meetings.summaries(anonymous, List.of(l))).map(summary -> new MeetingViews.PersonalView(
                            i.name, summary.get(0), venues.stream().map(v -> new MeetingViews.Venue(v.name, v.address)).toList(),
                            Boolean.TRUE.equals(i.waitlisted) || i.response == MeetingTerms.Rsvp.DECLINED ? null : m.onlineUrl, slots, mine, i.response.name(), i.waitlisted, m.status == Status.SCHEDULING,
                            m.status == Status.SCHEDULED)))));
        });
    }
}
