package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.meeting.MeetingNotices.Kind;
import jp.tsunagu.meeting.MeetingNotices.OutMail;
import jp.tsunagu.meeting.MeetingNotices.Sent;
import jp.tsunagu.meeting.MeetingTerms.Format;
import jp.tsunagu.meeting.MeetingTerms.Rsvp;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Answers to invitations (attend in person, online, or decline) with capacity and a waiting list. */
@ApplicationScoped
public class RsvpService {

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingNotices notices;

    @Inject
    PersonalLinks links;

    public Uni<MeetingViews.MyInvitation> rsvp(Viewer viewer, long meetingId, RsvpInput in) {
        Rsvp r = parseRsvp(in);
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return rsvpTx(viewer, meetingId, null, r).chain(notices::deliver);
    }

    public Uni<MeetingViews.MyInvitation> rsvpByToken(String token, RsvpInput in) {
        Rsvp r = parseRsvp(in);
        return rsvpTx(null, null, token, r).chain(notices::deliver);
    }

    /** The answer given: one of the answers (a pending one is no answer). */
    Rsvp parseRsvp(RsvpInput in) {
        Params p = inputs.of(in);
        Rsvp r = in == null || in.response() == null ? null : MeetingTerms.parse(Rsvp.class, in.response()).orElse(null);
        if (r == Rsvp.PENDING) {
            p.error("response", "unknown-value");
        }
        p.check();
        return r;
    }

    @WithTransaction
    Uni<Sent<MeetingViews.MyInvitation>> rsvpTx(Viewer viewer, Long meetingId, String token, Rsvp r) {
        Uni<Invitee> who = token != null ? links.byToken(token).map(PersonalLinks.Personal::invitee)
                : access.visible(viewer, meetingId).map(l -> {
            if (l.invitation() == null) {
                throw new ProblemException(409, "rsvp-not-invited");
            }
            return l.invitation();
        });
        return who.chain(inv -> Meeting.<Meeting>findById(inv.meetingId, LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            if (m.status != Status.SCHEDULED) {
                throw new ProblemException(409, "rsvp-not-open");
            }
            if (r == Rsvp.IN_PERSON && m.format == Format.ONLINE) {
                throw ProblemException.field("response", "rsvp-online-only");
            }
            if (r == Rsvp.ONLINE && m.format == Format.IN_PERSON) {
                throw ProblemException.field("response", "rsvp-in-person-only");
            }
            return Invitee.<Invitee>findById(inv.id, LockModeType.PESSIMISTIC_WRITE).chain(i ->
                    Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null", m.id).chain(all -> {
                        boolean wasSeated = !i.waitlisted && (i.response == Rsvp.IN_PERSON
                                || i.response == Rsvp.ONLINE);
                        i.response = r;
                        i.respondedAt = Instant.now();
                        i.waitlisted = false;
                        if (r != Rsvp.DECLINED && !wasSeated && m.capacity != null
                                && seated(all, i.id, m) >= m.capacity && countsAgainstCapacity(r, m)) {
                            i.waitlisted = true;
                        }
                        Uni<List<OutMail>> promoted = Uni.createFrom().item(List.of());
                        if (wasSeated && (r == Rsvp.DECLINED || !countsAgainstCapacity(r, m)) && m.capacity != null) {
                            Invitee next = all.stream().filter(x -> x.waitlisted && !x.id.equals(i.id))
                                    .min(Comparator.comparing((Invitee x) -> x.respondedAt)).orElse(null);
                            if (next != null) {
                                next.waitlisted = false;
                                promoted = MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id)
                                        .chain(venues -> notices.prepare(m, venues, List.of(next), Kind.PROMOTED));
                            }
                        }
                        return promoted.map(mails -> new Sent<>(new MeetingViews.MyInvitation(i.id, i.response.name(), i.waitlisted), mails));
                    }));
        }));
    }

    /** Capacity counts the seats in the room; for an online-only meeting, every participant. */
    static boolean countsAgainstCapacity(Rsvp r, Meeting m) {
        return m.format == Format.ONLINE ? r != Rsvp.DECLINED : r == Rsvp.IN_PERSON;
    }

    static long seated(List<Invitee> all, long except, Meeting m) {
        return all.stream().filter(x -> !x.id.equals(except) && !x.waitlisted)
                .filter(x -> x.response != Rsvp.PENDING && countsAgainstCapacity(x.response, m))
                .count();
    }
}
