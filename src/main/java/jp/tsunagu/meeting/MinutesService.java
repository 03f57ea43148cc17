package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingNotices.Kind;
import jp.tsunagu.meeting.MeetingNotices.Sent;
import jp.tsunagu.meeting.MeetingTerms.AgendaType;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.meeting.MeetingViews.AttendanceView;
import jp.tsunagu.meeting.MeetingViews.MinutesItemView;
import jp.tsunagu.meeting.MeetingViews.MinutesView;
import jp.tsunagu.meeting.MeetingViews.Warning;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minutes in the networks' shape (per agenda item: テーマ / 内容 / 結果), saved with a version
 * check, checked for personal data, then published to attendees and the circle; and attendance.
 */
@ApplicationScoped
public class MinutesService {

    public record MinutesInput(@NotNull Integer version,
                               @Size(max = 40, message = "range") List<@NotNull @Valid MinutesItemView> items) {
    }

    public record PublishInput(Boolean acknowledgeWarnings) {
    }

    public record AttendanceInput(@Size(max = 1000, message = "range") List<@NotNull @Valid AttendanceView> entries) {
    }

    /** Phone numbers in Japanese notation (03-1234-5678, 090-1234-5678, 0120-123-456, ０９０… in full width too). */
    static final Pattern PHONE = Pattern.compile("(?<![0-9０-９])[0０][0-9０-９]{1,4}[-－ー(（)）]?[0-9０-９]{1,4}[-－ー)）]?[0-9０-９]{3,4}(?![0-9０-９])");
    /** What looks like a person's full name: 2–4 kanji surname, a space, a given name, often with さん/様/氏/くん. */
    static final Pattern FULL_NAME = Pattern.compile("[\\p{IsHan}]{1,4}[ 　][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]{1,4}(さん|様|氏|くん|君|ちゃん)?");
    /** A surname with a personal honorific (山田さん) — names of service users do not belong in minutes. */
    static final Pattern NAMED_PERSON = Pattern.compile("[\\p{IsHan}]{1,3}(さん|様|氏|くん|ちゃん)");

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
    MeetingQuestionnaire questionnaires;

    @Inject
    AuditLog audit;

    @Inject
    LiveMinutes live;

    @Inject
    MinutesSignOff signOff;

    @WithSession
    public Uni<MinutesView> minutes(Viewer viewer, long meetingId) {
        return access.minutesVisible(viewer, meetingId).chain(l -> minutesOf(l.meeting()));
    }

    /** Published minutes through an invitee's personal link (people without an account). */
    @WithSession
    public Uni<MinutesView> byToken(String token) {
        return links.byToken(token).chain(p -> {
            if (p.meeting().minutesPublishedAt == null) {
                throw ProblemException.notFound();
            }
            return minutesOf(p.meeting());
        });
    }

    Uni<MinutesView> minutesOf(Meeting m) {
        return MinutesItem.<MinutesItem>list("meetingId = ?1 order by position", m.id).chain(items ->
                AgendaItem.<AgendaItem>list("meetingId", m.id).chain(agenda -> Attendance.<Attendance>list("meetingId", m.id)
                        .map(present -> {
                    List<MinutesItemView> views = items.stream().map(i -> new MinutesItemView(agenda.stream()
                            .filter(a -> a.id.equals(i.agendaItemId)).findFirst().map(a -> (long) a.position).orElse(null),
                            i.theme, i.content, i.results)).toList();
                    // head counts only (names stay on the organizers' attendance page)
                    Integer inPerson = present.isEmpty() ? null
                            : (int) present.stream().filter(a -> a.mode == MeetingTerms.AttendanceMode.IN_PERSON).count();
                    Integer online = present.isEmpty() ? null
                            : (int) present.stream().filter(a -> a.mode == MeetingTerms.AttendanceMode.ONLINE).count();
                    return new MinutesView(m.id, m.minutesVersion, m.minutesPublishedAt != null, m.minutesUpdatedAt,
                            m.minutesPublishedAt, views, warnings(views), inPerson, online, m.minutesCirculatedAt,
                            m.minutesCirculatedUntil);
                })));
    }

    /** Places in the minutes that look like personal data (phone numbers, full names). */
    static List<Warning> warnings(List<MinutesItemView> items) {
        List<Warning> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MinutesItemView it = items.get(i);
            scan(out, "items[" + i + "].theme", it.theme());
            scan(out, "items[" + i + "].content", it.content());
            scan(out, "items[" + i + "].results", it.results());
        }
        return out;
    }

    private static void scan(List<Warning> out, String field, String text) {
        if (text == null) {
            return;
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            out.add(new Warning(field, "phone", phone.group()));
        }
        Matcher name = FULL_NAME.matcher(text);
        while (name.find()) {
            out.add(new Warning(field, "name", name.group().trim()));
        }
        Matcher named = NAMED_PERSON.matcher(text);
        while (named.find()) {
            String hit = named.group();
            if (out.stream().noneMatch(w -> w.field().equals(field) && w.excerpt().contains(hit))) {
                out.add(new Warning(field, "name", hit));
            }
        }
    }

    /**
     * Saves the draft (or corrects published minutes). A stale version answers 409 with what is
     * stored. Minutes that are written live as well get the saved text into their live document.
     */
    public Uni<MinutesView> save(Viewer viewer, long meetingId, MinutesInput in) {
        return saveTx(viewer, meetingId, in).call(() -> live.formSaved(meetingId,
                in.items() == null ? List.of() : in.items()).onFailure().recoverWithNull());
    }

    @WithTransaction
    Uni<MinutesView> saveTx(Viewer viewer, long meetingId, MinutesInput in) {
        inputs.require(in);
        // organizers, and the recorders they named (until publication)
        return access.minutesWritable(viewer, meetingId, true).chain(l -> {
            Meeting m = l.meeting();
            Status s = m.status;
            if (s == Status.DRAFT || s == Status.SCHEDULING || s == Status.CANCELLED) {
                throw new ProblemException(409, "minutes-not-open");
            }
            if (Versions.stale(m.minutesVersion, in.version())) {
                return Versions.conflict(minutesOf(m));
            }
            return AgendaItem.<AgendaItem>list("meetingId", m.id).chain(agenda -> {
                List<MinutesItem> fresh = rows(m, agenda, in.items() == null ? List.of() : in.items());
                touched(m);
                return MinutesItem.<MinutesItem>list("meetingId", m.id).chain(old -> Rows.replace(old, fresh))
                        .chain(() -> minutesOf(m));
            });
        });
    }

    /**
     * Stores the text derived from the live document ({@link LiveMinutes}), unless the text stored
     * came from a copy of the document that had taken in as much or more ({@code mark}). Rows with
     * nothing written under their theme are left out, as the form leaves them out; the version
     * moves only when the text changed.
     */
    @WithTransaction
    Uni<Boolean> storeLive(long meetingId, List<MinutesItemView> derived, long mark) {
        return Meeting.<Meeting>findById(meetingId, LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            if (m == null || m.status == Status.DRAFT || m.status == Status.SCHEDULING || m.status == Status.CANCELLED
                    || (m.minutesDocMark != null && m.minutesDocMark >= mark)) {
                return Uni.createFrom().item(false);
            }
            m.minutesDocMark = mark;
            List<MinutesItemView> kept = new ArrayList<>();
            for (MinutesItemView v : derived) {
                if (Values.blankToNull(v.content()) == null && Values.blankToNull(v.results()) == null) {
                    continue;
                }
                String theme = v.theme() == null || v.theme().isBlank() ? Messages.get(Locale.JAPANESE, "minutes.untitled") : v.theme();
                kept.add(new MinutesItemView(v.agendaItemPosition(), theme, v.content(), v.results()));
            }
            return AgendaItem.<AgendaItem>list("meetingId", m.id).chain(agenda -> MinutesItem.<MinutesItem>list(
                    "meetingId = ?1 order by position", m.id).chain(old -> {
                List<MinutesItem> fresh = rows(m, agenda, kept);
                if (sameText(old, fresh)) {
                    return Uni.createFrom().item(false);
                }
                touched(m);
                return Rows.replace(old, fresh).replaceWith(true);
            }));
        });
    }

    /** Replaces one field of one stored item (an accepted proposal, in the caller's transaction). */
    Uni<Void> replaceField(Meeting m, int position, String field, String text) {
        return MinutesItem.<MinutesItem>list("meetingId = ?1 order by position", m.id).chain(items -> {
            MinutesItem row = items.stream().filter(i -> i.position == position).findFirst()
                    .orElseThrow(() -> new ProblemException(409, "comment-item-gone"));
            switch (field) {
                case "theme" -> {
                    if (text.isBlank()) {
                        throw ProblemException.field("proposedText", "required");
                    }
                    row.theme = text.trim();
                }
                case "content" -> row.content = Values.blankToNull(text);
                default -> row.results = Values.blankToNull(text);
            }
            touched(m);
            return Uni.createFrom().voidItem();
        });
    }

    private static List<MinutesItem> rows(Meeting m, List<AgendaItem> agenda, List<MinutesItemView> items) {
        List<MinutesItem> fresh = new ArrayList<>();
        for (MinutesItemView v : items) {
            MinutesItem row = new MinutesItem();
            row.meetingId = m.id;
            row.position = fresh.size() + 1;
            row.agendaItemId = v.agendaItemPosition() == null ? null : agenda.stream()
                    .filter(a -> a.position.longValue() == v.agendaItemPosition()).findFirst().map(a -> a.id).orElse(null);
            row.theme = v.theme().trim();
            row.content = Values.blankToNull(v.content());
            row.results = Values.blankToNull(v.results());
            fresh.add(row);
        }
        return fresh;
    }

    private static boolean sameText(List<MinutesItem> old, List<MinutesItem> fresh) {
        if (old.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < old.size(); i++) {
            MinutesItem a = old.get(i);
            MinutesItem b = fresh.get(i);
            if (!Objects.equals(a.theme, b.theme) || !Objects.equals(a.content, b.content)
                    || !Objects.equals(a.results, b.results) || !Objects.equals(a.agendaItemId, b.agendaItemId)) {
                return false;
            }
        }
        return true;
    }

    /** A change of the text: the version moves, and a meeting whose time has come counts as held. */
    private static void touched(Meeting m) {
        m.minutesVersion++;
        m.minutesUpdatedAt = Instant.now();
        if (m.status == Status.SCHEDULED && m.startsAt != null && !m.startsAt.isAfter(Instant.now())) {
            m.status = Status.HELD;
        }
    }

    /**
     * Publishes the minutes to attendees and the circle: 確認事項 on the agenda become action items,
     * the follow-up questionnaire opens. Personal-data warnings must be acknowledged first.
     */
    public Uni<MinutesView> publish(Viewer viewer, long meetingId, PublishInput in) {
        return publishTx(viewer, meetingId, in != null && Boolean.TRUE.equals(in.acknowledgeWarnings()))
                .chain(notices::deliver);
    }

    @WithTransaction
    Uni<Sent<MinutesView>> publishTx(Viewer viewer, long meetingId, boolean acknowledged) {
        return access.editable(viewer, meetingId).chain(l -> minutesOf(l.meeting()).chain(current -> {
            Meeting m = l.meeting();
            if (current.items().isEmpty()) {
                throw new ProblemException(409, "minutes-empty");
            }
            if (m.minutesPublishedAt != null) {
                throw new ProblemException(409, "minutes-published");
            }
            if (m.startsAt == null || m.startsAt.isAfter(Instant.now())) {
                throw new ProblemException(409, "minutes-before-meeting");
            }
            if (!current.warnings().isEmpty() && !acknowledged) {
                throw ProblemException.field("acknowledgeWarnings", "minutes-personal-data");
            }
            return signOff.requireNothingOpen(m).chain(() -> publishNow(viewer, m, l));
        }));
    }

    /** Publication itself, once every check passed. */
    private Uni<Sent<MinutesView>> publishNow(Viewer viewer, Meeting m, Loaded l) {
        m.minutesPublishedAt = Instant.now();
        m.status = Status.MINUTES_PUBLISHED;
        m.version++;
        return confirmationActions(viewer, m).chain(() -> questionnaires.open(m))
                .chain(() -> attendeesToTell(m)).chain(targets -> MeetingVenue.<MeetingVenue>list(
                        "meetingId = ?1 order by position", m.id).chain(venues -> notices.prepare(m, venues, targets,
                        Kind.MINUTES)))
                .chain(mails -> circleAccounts(m, l).chain(accounts -> notices.inApp(accounts, Kind.MINUTES, m))
                        .chain(() -> minutesOf(m)).map(view -> new Sent<>(view, mails)));
    }

    /** Each 確認事項 (CONFIRMATION) agenda item becomes an open action item of the organizer, once. */
    Uni<Void> confirmationActions(Viewer viewer, Meeting m) {
        return AgendaItem.<AgendaItem>list("meetingId = ?1 and itemType = ?2 order by position", m.id,
                AgendaType.CONFIRMATION).chain(items -> ActionItem.<ActionItem>list("meetingId", m.id).chain(existing -> {
            Set<String> have = new HashSet<>();
            existing.forEach(a -> have.add(a.title));
            List<ActionItem> fresh = new ArrayList<>();
            for (AgendaItem a : items) {
                if (have.add(a.title)) {
                    ActionItem x = new ActionItem();
                    x.meetingId = m.id;
                    x.seriesId = m.seriesId;
                    x.title = a.title;
                    x.ownerOrgId = a.presenterOrgId;
                    x.status = MeetingTerms.ActionStatus.OPEN;
                    x.createdBy = viewer.accountId();
                    x.createdAt = Instant.now();
                    x.version = 0;
                    fresh.add(x);
                }
            }
            return Rows.persistAll(fresh);
        }));
    }

    /** Attendees and invitees who said they would come get the mail (with their personal link if they have no account). */
    Uni<List<Invitee>> attendeesToTell(Meeting m) {
        return Attendance.<Attendance>list("meetingId", m.id).chain(att -> Invitee.<Invitee>list(
                "meetingId = ?1 and revokedAt is null", m.id).map(invs -> {
            Set<Long> came = new HashSet<>();
            att.forEach(a -> {
                if (a.inviteeId != null) {
                    came.add(a.inviteeId);
                }
            });
            return invs.stream().filter(i -> came.contains(i.id) || (att.isEmpty()
                    && (i.response == MeetingTerms.Rsvp.IN_PERSON || i.response == MeetingTerms.Rsvp.ONLINE))).toList();
        }));
    }

    /** Accounts of the circle's organizations (they see published minutes; told in the app). */
    Uni<List<Long>> circleAccounts(Meeting m, Loaded l) {
        if (m.circleId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select distinct ms.accountId from Membership ms, CircleMember cm, Account a where cm.circleId = :c"
                                + " and ms.organizationId = cm.organizationId and a.id = ms.accountId and a.active = true",
                        Long.class).setParameter("c", m.circleId).getResultList());
    }

    // ---------------------------------------------------------------- attendance

    @WithSession
    public Uni<List<AttendanceView>> attendance(Viewer viewer, long meetingId) {
        return access.organizerView(viewer, meetingId).chain(l -> attendanceOf(viewer, l.meeting()));
    }

    Uni<List<AttendanceView>> attendanceOf(Viewer viewer, Meeting m) {
        return Attendance.<Attendance>list("meetingId = ?1 order by id", m.id).chain(list -> names.orgs(
                list.stream().map(a -> a.organizationId).toList(), viewer.locale()).map(orgs -> list.stream()
                .map(a -> new AttendanceView(a.id, a.inviteeId, a.organizationId == null ? null : orgs.get(a.organizationId),
                        a.name, a.mode.name())).toList()));
    }

    @WithTransaction
    public Uni<List<AttendanceView>> recordAttendance(Viewer viewer, long meetingId, AttendanceInput in) {
        Params p = inputs.of(in);
        List<AttendanceView> entries = in.entries() == null ? List.of() : in.entries();
        for (int i = 0; i < entries.size() && i < 1000; i++) {
            AttendanceView e = entries.get(i);
            // someone not invited (a walk-in) is named
            if (e != null && e.inviteeId() == null && (e.name() == null || e.name().isBlank())) {
                p.error("entries[" + i + "].name", "required");
            }
        }
        p.check();
        return access.editable(viewer, meetingId).chain(l -> {
            Meeting m = l.meeting();
            Status s = m.status;
            if (s != Status.SCHEDULED && s != Status.HELD && s != Status.MINUTES_PUBLISHED) {
                throw new ProblemException(409, "attendance-not-open");
            }
            return Invitee.<Invitee>list("meetingId", m.id).chain(invs -> {
                List<Attendance> fresh = new ArrayList<>();
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < entries.size(); i++) {
                    AttendanceView e = entries.get(i);
                    Attendance a = new Attendance();
                    a.meetingId = m.id;
                    a.mode = Values.code(MeetingTerms.AttendanceMode.class, e.mode());
                    a.recordedBy = viewer.accountId();
                    a.recordedAt = Instant.now();
                    if (e.inviteeId() != null) {
                        Invitee inv = invs.stream().filter(x -> x.id.equals(e.inviteeId())).findFirst().orElse(null);
                        if (inv == null) {
                            throw ProblemException.field("entries[" + i + "].inviteeId", "unknown");
                        }
                        if (!seen.add(inv.id)) {
                            throw ProblemException.field("entries[" + i + "].inviteeId", "duplicate");
                        }
                        a.inviteeId = inv.id;
                        a.name = inv.name;
                        a.organizationId = inv.organizationId;
                    } else {
                        a.name = e.name().trim();
                        a.organizationId = e.organization() == null ? null : e.organization().id();
                    }
                    fresh.add(a);
                }
                return Attendance.<Attendance>list("meetingId", m.id).chain(old -> Rows.replace(old, fresh))
                        .chain(() -> attendanceOf(viewer, m));
            });
        });
    }

    /** Attendance as CSV (UTF-8 with BOM so spreadsheet software reads the Japanese). */
    @WithTransaction
    public Uni<String> attendanceCsv(Viewer viewer, long meetingId, String ip) {
        return access.organizerView(viewer, meetingId).call(l -> audit.record(AuditType.MEETING_ATTENDANCE_EXPORTED,
                viewer.accountId(), viewer.email(), "meeting:" + meetingId, ip, null))
                .chain(l -> attendanceOf(viewer, l.meeting()).map(list -> {
            Locale loc = viewer.locale();
            StringBuilder b = new StringBuilder(CsvText.BOM);
            b.append(csv(Messages.get(loc, "attendance.csv.name"))).append(',')
                    .append(csv(Messages.get(loc, "attendance.csv.organization"))).append(',')
                    .append(csv(Messages.get(loc, "attendance.csv.mode"))).append("\r\n");
            for (AttendanceView a : list) {
                b.append(csv(a.name())).append(',').append(csv(a.organization() == null ? "" : a.organization().name()))
                        .append(',').append(csv(Messages.get(loc, "attendance-mode." + a.mode())))
                        .append("\r\n");
            }
            return b.toString();
        }));
    }

    static String csv(String v) {
        return CsvText.cell(v);
    }
}
