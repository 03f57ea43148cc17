package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * Recorders (記録係): attendees an organizer names to write the minutes with the organizers — the
 * text only, on the editing page and its live socket, until publication. Publishing, circulating,
 * deciding comments, action items and naming recorders stay with the organizers. A recorder is an
 * invitee with an account; revoking the invitation or taking the role back ends it at once (an open
 * live socket is asked again within a second).
 */
@ApplicationScoped
public class MinutesRecorders {

    public record RecorderInput(@NotNull Long inviteeId) {
    }

    /** An invitee with an account, named as recorder or one who could be. */
    public record RecorderView(long inviteeId, String name, Instant namedAt) {
    }

    public record Recorders(List<RecorderView> named, List<RecorderView> candidates) {
    }

    @Inject
    MeetingAccess access;

    @Inject
    InputCheck inputs;

    @Inject
    NotificationService notifications;

    /** The recorders and who else could be named: for those who run the meeting (404 for anyone else). */
    @WithSession
    public Uni<Recorders> list(Viewer viewer, long meetingId) {
        return access.organizerView(viewer, meetingId).chain(l -> recordersOf(meetingId));
    }

    Uni<Recorders> recordersOf(long meetingId) {
        return Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null and accountId is not null order by name, id", meetingId)
                .map(rows -> new Recorders(
                        rows.stream().filter(i -> i.recordsMinutes).map(i -> new RecorderView(i.id, i.name, i.recorderNamedAt)).toList(),
                        rows.stream().filter(i -> !i.recordsMinutes).map(i -> new RecorderView(i.id, i.name, null)).toList()));
    }

    /** Names an invitee (with an account) as recorder; they are told in the app and by mail. */
    public Uni<Recorders> name(Viewer viewer, long meetingId, RecorderInput in) {
        return nameTx(viewer, meetingId, in).chain(outbox -> outbox == null ? Uni.createFrom().voidItem() : notifications.send(outbox))
                .chain(() -> list(viewer, meetingId));
    }

    @WithTransaction
    Uni<NotificationService.Outbox> nameTx(Viewer viewer, long meetingId, RecorderInput in) {
        if (in == null) {
            throw ProblemException.field("inviteeId", "required");
        }
        inputs.require(in);
        return access.editable(viewer, meetingId).chain(l -> {
            if (l.meeting().status == MeetingTerms.Status.CANCELLED) {
                throw new ProblemException(409, "minutes-not-open");
            }
            if (l.meeting().minutesPublishedAt != null) {
                throw new ProblemException(409, "minutes-published");
            }
            return Invitee.<Invitee>find("id = ?1 and meetingId = ?2 and revokedAt is null", in.inviteeId(), meetingId).firstResult()
                    .chain(inv -> {
                        if (inv == null || inv.accountId == null) {
                            throw ProblemException.field("inviteeId", "unknown-value");
                        }
                        if (inv.recordsMinutes) {
                            return Uni.createFrom().nullItem();
                        }
                        inv.recordsMinutes = true;
                        inv.recorderNamedBy = viewer.accountId();
                        inv.recorderNamedAt = Instant.now();
                        return notifications.notifyPeople(List.of(inv.accountId), "notify.minutes-recorder",
                                "mail.minutes-recorder.body", "/meetings/" + meetingId + "/minutes/edit",
                                l.meeting().title, viewer.displayName());
                    });
        });
    }

    /** Takes the role back (404 for an invitee of another meeting). */
    @WithTransaction
    public Uni<Recorders> remove(Viewer viewer, long meetingId, long inviteeId) {
        return access.editable(viewer, meetingId).chain(l -> Invitee.<Invitee>find("id = ?1 and meetingId = ?2", inviteeId, meetingId)
                .firstResult().chain(inv -> {
                    if (inv == null || !inv.recordsMinutes) {
                        throw ProblemException.notFound();
                    }
                    inv.recordsMinutes = false;
                    inv.recorderNamedBy = null;
                    inv.recorderNamedAt = null;
                    return Invitee.getSession().chain(s -> s.flush()).chain(() -> recordersOf(meetingId));
                }));
    }

    /** Whether the viewer may write these minutes as a recorder now (false for organizers and everyone else). */
    @WithSession
    public Uni<Boolean> writesAsRecorder(Viewer viewer, long meetingId) {
        return access.minutesEditor(viewer, meetingId).map(organizer -> !organizer)
                .onFailure(ProblemException.class).recoverWithItem(false);
    }

    /** The same on the meeting's access facts already loaded. */
    boolean writesAsRecorder(Viewer viewer, MeetingAccess.Loaded l) {
        try {
            return !access.minutesEditor(viewer, l);
        } catch (ProblemException e) {
            return false;
        }
    }

    /** Whether the viewer opens the editor as an organizer (true) or as a recorder (false); 404 for anyone else. */
    @WithSession
    public Uni<Boolean> editsAsOrganizer(Viewer viewer, long meetingId) {
        return access.minutesEditor(viewer, meetingId);
    }
}
