package jp.tsunagu.meeting;

import jp.tsunagu.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingTerms.Format;
import jp.tsunagu.meeting.MeetingTerms.Kind;
import jp.tsunagu.meeting.MeetingTerms.Rsvp;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.meeting.MeetingViews.Counts;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.MeetingSummary;
import jp.tsunagu.meeting.MeetingViews.MyInvitation;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.time.JapaneseHolidays;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Meetings: creating, changing, announcing, cancelling, and reading them (lists and detail). */
@ApplicationScoped
public class MeetingService {

    /** Start and end are wall-clock times in Asia/Tokyo. */
    public record MeetingInput(String kind, String title, List<Long> organizerIds, Long circleId, Long seriesId,
                               Integer number, String format, List<Venue> venues, String onlineUrl,
                               LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, String description,
                               String feeNote, Integer version) {
    }

    public record StatusInput(String status, Integer version) {
    }

    /** Filters for the meeting list. */
    public record Filter(Long circleId, Long seriesId, String status, boolean upcomingOnly) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    MeetingAccess access;

    @Inject
    NameLookup names;

    @Inject
    MeetingNotices notices;

    // ---------------------------------------------------------------- validation

    static void validate(MeetingInput in, Params p, boolean update) {
        p.choice("kind", in.kind(), v -> MeetingTerms.parse(Kind.class, v));
        if (in.kind() == null) {
            p.error("kind", "required");
        }
        Format format = p.choice("format", in.format(), v -> MeetingTerms.parse(Format.class, v));
        if (in.format() == null) {
            p.error("format", "required");
        }
        if (in.title() == null || in.title().isBlank()) {
            p.error("title", "required");
        } else if (in.title().length() > 200) {
            p.error("title", "too-long");
        }
        if (!update && (in.organizerIds() == null || in.organizerIds().isEmpty())) {
            p.error("organizerIds", "required");
        } else if (in.organizerIds() != null && (in.organizerIds().size() > 10 || in.organizerIds().stream().anyMatch(java.util.Objects::isNull))) {
            p.error("organizerIds", "range");
        }
        List<Venue> venues = in.venues() == null ? List.of() : in.venues();
        if (venues.size() > 5) {
            p.error("venues", "range");
        }
        for (int i = 0; i < venues.size() && i < 5; i++) {
            Venue v = venues.get(i);
            if (v == null || v.name() == null || v.name().isBlank()) {
                p.error("venues[" + i + "].name", "required");
            } else if (v.name().length() > 200) {
                p.error("venues[" + i + "].name", "too-long");
            }
            if (v != null && v.address() != null && v.address().length() > 300) {
                p.error("venues[" + i + "].address", "too-long");
            }
        }
        boolean url = in.onlineUrl() != null && !in.onlineUrl().isBlank();
        if (url && (in.onlineUrl().length() > 500 || !in.onlineUrl().trim().matches("^https?://\\S+$")
                || !plainHost(in.onlineUrl().trim()))) {
            p.error("onlineUrl", "url");
        }
        if (format == Format.IN_PERSON || format == Format.HYBRID) {
            if (venues.isEmpty()) {
                p.error("venues[0].name", "venue-required");
            }
        }
        if ((format == Format.ONLINE || format == Format.HYBRID) && !url) {
            p.error("onlineUrl", "online-url-required");
        }
        checkTimes(p, "startsAt", "endsAt", in.startsAt(), in.endsAt(), false);
        if (in.capacity() != null && (in.capacity() < 1 || in.capacity() > 10000)) {
            p.error("capacity", "range");
        }
        if (in.description() != null && in.description().length() > 4000) {
            p.error("description", "too-long");
        }
        if (in.feeNote() != null && in.feeNote().length() > 200) {
            p.error("feeNote", "too-long");
        }
        if (in.number() != null && (in.number() < 0 || in.number() > 999)) {
            p.error("number", "range");
        }
        if (update && in.version() == null) {
            p.error("version", "required");
        }
    }

    /**
     * Start and end of a meeting or a slot (Tokyo wall clock): both or neither, end after start,
     * at most three days long, and not in the past when {@code future} is asked for.
     */
    static void checkTimes(Params p, String startField, String endField, LocalDateTime start, LocalDateTime end,
                           boolean future) {
        if ((start == null) != (end == null)) {
            p.error(start == null ? startField : endField, "required");
            return;
        }
        if (start == null) {
            return;
        }
        if (!end.isAfter(start)) {
            p.error(endField, "time-order");
        } else if (Duration.between(start, end).toHours() > 72) {
            p.error(endField, "too-long-meeting");
        }
        if (future && !start.isAfter(LocalDateTime.now(JapaneseCalendar.TOKYO))) {
            p.error(startField, "slot-past");
        }
        if (start.getYear() < 2000 || start.getYear() > 2100) {
            p.error(startField, "range");
        }
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(JapaneseCalendar.TOKYO).toInstant();
    }

    static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, JapaneseCalendar.TOKYO);
    }

    // ---------------------------------------------------------------- writing

    @WithTransaction
    public Uni<MeetingDetail> create(Viewer viewer, MeetingInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Params p = new Params();
        validate(in, p, false);
        p.check();
        Uni<MeetingSeries> series = in.seriesId() == null ? Uni.createFrom().nullItem()
                : MeetingSeries.<MeetingSeries>findById(in.seriesId()).chain(s -> {
            if (s == null) {
                throw ProblemException.field("seriesId", "unknown");
            }
            return SeriesOrganizer.<SeriesOrganizer>list("seriesId", s.id).map(orgs -> {
                Set<Long> ids = new HashSet<>();
                orgs.forEach(o -> ids.add(o.organizationId));
                if (!policy.permits(viewer, Action.EDIT, new Resource.Series(s.circleId, ids))) {
                    throw ProblemException.field("seriesId", "unknown");
                }
                return s;
            });
        });
        return series.chain(s -> {
            Long circleId = s != null ? s.circleId : in.circleId();
            Set<Long> organizers = new LinkedHashSet<>(in.organizerIds());
            if (!policy.permits(viewer, Action.EDIT, new Resource.Meeting(organizers, circleId, false, true))) {
                throw ProblemException.field("organizerIds", "organizer-not-member");
            }
            return checkOrganizations(organizers, "organizerIds").chain(() -> checkCircle(viewer, circleId))
                    .chain(() -> nextNumber(s, in.number())).chain(number -> {
                        Meeting m = new Meeting();
                        m.seriesId = s == null ? null : s.id;
                        m.number = number;
                        m.circleId = circleId;
                        m.status = in.startsAt() != null ? Status.SCHEDULED.name() : Status.DRAFT.name();
                        m.createdBy = viewer.accountId();
                        m.createdAt = Instant.now();
                        // the creating organization hosts: the viewer's own among those named (the secretariat: the first)
                        m.hostOrgId = organizers.stream().filter(viewer::memberOf).findFirst().orElse(organizers.iterator().next());
                        m.agendaVersion = 0;
                        m.minutesVersion = 0;
                        m.version = 0;
                        apply(m, in);
                        return m.<Meeting>persistAndFlush().call(saved -> Rows.persistAll(organizerRows(saved.id, organizers,
                                        viewer, Map.of())))
                                .call(saved -> saveVenues(saved.id, in.venues()))
                                .chain(saved -> detail(viewer, saved.id));
                    });
        });
    }

    public Uni<MeetingDetail> update(Viewer viewer, long id, MeetingInput in) {
        Params p = new Params();
        validate(in, p, true);
        p.check();
        return updateTx(viewer, id, in).chain(notices::deliver).chain(x -> detail(viewer, id));
    }

    @WithTransaction
    Uni<MeetingNotices.Sent<Long>> updateTx(Viewer viewer, long id, MeetingInput in) {
        return access.editable(viewer, id).chain(l -> {
            Meeting m = l.meeting();
            if (m.version.intValue() != in.version()) {
                return detailOf(viewer, l).map(current -> {
                    throw ProblemException.conflict(current);
                });
            }
            if (Status.CANCELLED.name().equals(m.status)) {
                throw new ProblemException(409, "meeting-cancelled");
            }
            if (in.startsAt() == null && m.startsAt != null && !Status.SCHEDULING.name().equals(m.status)
                    && !Status.DRAFT.name().equals(m.status)) {
                throw ProblemException.field("startsAt", "required");
            }
            Set<Long> current = new LinkedHashSet<>(l.organizerIds());
            current.addAll(l.askedCoHostIds());
            Set<Long> organizers = in.organizerIds() == null || in.organizerIds().isEmpty() ? current
                    : new LinkedHashSet<>(in.organizerIds());
            if (!organizers.equals(current)) {
                // only the creating organization and the secretariat change the co-hosts
                policy.decide(viewer, Action.EDIT, l.organizers()).orThrow();
                if (m.hostOrgId != null && !organizers.contains(m.hostOrgId) && !viewer.is(Role.NETWORK_ADMIN)) {
                    throw ProblemException.field("organizerIds", "organizer-host-required");
                }
            }
            Set<Long> consenting = new LinkedHashSet<>(organizers);
            consenting.removeIf(o -> l.askedCoHostIds().contains(o) || (!current.contains(o) && !viewer.memberOf(o)
                    && !viewer.is(Role.NETWORK_ADMIN)));
            if (!policy.permits(viewer, Action.EDIT, new Resource.Meeting(consenting, m.circleId, false, true))) {
                throw ProblemException.field("organizerIds", "organizer-not-member");
            }
            boolean moved = m.startsAt != null && in.startsAt() != null && !m.startsAt.equals(instant(in.startsAt()));
            return checkOrganizations(organizers, "organizerIds").chain(() -> {
                apply(m, in);
                if (moved) {
                    m.reminderSentAt = null;
                }
                m.version++;
                m.updatedAt = Instant.now();
                return MeetingOrganizer.<MeetingOrganizer>list("meetingId", m.id)
                        .chain(old -> {
                            Map<Long, java.util.Optional<Instant>> kept = new java.util.HashMap<>();
                            old.forEach(o -> kept.put(o.organizationId, java.util.Optional.ofNullable(o.consentedAt)));
                            return Rows.replace(old, organizerRows(m.id, organizers, viewer, kept));
                        })
                        .chain(() -> MeetingVenue.<MeetingVenue>list("meetingId", m.id))
                        .chain(old -> Rows.replace(old, venueRows(m.id, in.venues())))
                        .chain(() -> moved ? notices.toInvitees(m, MeetingNotices.Kind.CHANGED)
                                : Uni.createFrom().item(List.<MeetingNotices.OutMail>of()))
                        .map(mails -> new MeetingNotices.Sent<>(m.id, mails));
            });
        });
    }

    static void apply(Meeting m, MeetingInput in) {
        m.kind = in.kind();
        m.title = in.title().trim();
        m.format = in.format();
        m.onlineUrl = Values.blankToNull(in.onlineUrl());
        if (in.startsAt() != null) {
            m.startsAt = instant(in.startsAt());
            m.endsAt = instant(in.endsAt());
        }
        m.capacity = in.capacity();
        m.description = Values.blankToNull(in.description());
        m.feeNote = Values.blankToNull(in.feeNote());
        m.updatedAt = Instant.now();
    }

    /**
     * Status changes an organizer makes by hand: announce a draft with a date (→ scheduled), mark
     * held (after its start), cancel. Polls and minutes move the other steps.
     */
    public Uni<MeetingDetail> changeStatus(Viewer viewer, long id, StatusInput in) {
        return changeStatusTx(viewer, id, in).chain(notices::deliver).chain(x -> detail(viewer, id));
    }

    @WithTransaction
    Uni<MeetingNotices.Sent<Long>> changeStatusTx(Viewer viewer, long id, StatusInput in) {
        Params p = new Params();
        Status target = p.choice("status", in.status(), v -> MeetingTerms.parse(Status.class, v));
        if (in.status() == null) {
            p.error("status", "required");
        }
        if (in.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return access.editable(viewer, id).chain(l -> {
            Meeting m = l.meeting();
            if (m.version.intValue() != in.version()) {
                return detailOf(viewer, l).map(current -> {
                    throw ProblemException.conflict(current);
                });
            }
            Status from = Status.valueOf(m.status);
            boolean allowed = switch (target) {
                case SCHEDULED -> from == Status.DRAFT && m.startsAt != null;
                case HELD -> from == Status.SCHEDULED && !m.startsAt.isAfter(Instant.now());
                case CANCELLED -> from == Status.DRAFT || from == Status.SCHEDULING || from == Status.SCHEDULED;
                default -> false;
            };
            if (!allowed) {
                throw new ProblemException(409, "status-change-refused",
                        Messages.get(viewer.locale(), "meeting-status." + from.name()),
                        Messages.get(viewer.locale(), "meeting-status." + target.name()));
            }
            m.status = target.name();
            m.version++;
            m.updatedAt = Instant.now();
            return (target == Status.CANCELLED && from != Status.DRAFT ? notices.toInvitees(m, MeetingNotices.Kind.CANCELLED)
                    : Uni.createFrom().item(List.<MeetingNotices.OutMail>of())).map(mails -> new MeetingNotices.Sent<>(m.id, mails));
        });
    }

    Uni<Void> checkOrganizations(Set<Long> ids, String field) {
        return Organization.count("id in ?1", ids).map(n -> {
            if (n != ids.size()) {
                throw ProblemException.field(field, "unknown");
            }
            return null;
        });
    }

    /** A meeting's circle must be one the person belongs to (the secretariat: any circle). */
    Uni<Void> checkCircle(Viewer viewer, Long circleId) {
        if (circleId == null) {
            return Uni.createFrom().voidItem();
        }
        return Circle.<Circle>findById(circleId).map(c -> {
            if (c == null || !(viewer.is(Role.NETWORK_ADMIN) || viewer.circleIds().contains(circleId))) {
                throw ProblemException.field("circleId", "unknown");
            }
            return null;
        });
    }

    Uni<Integer> nextNumber(MeetingSeries s, Integer wanted) {
        if (s == null) {
            return Uni.createFrom().item(wanted);
        }
        return Meeting.<Meeting>find("seriesId = ?1 and number is not null order by number desc", s.id).firstResult()
                .chain(last -> {
                    int next = last == null ? 0 : last.number + 1;
                    if (wanted == null) {
                        return Uni.createFrom().item(next);
                    }
                    return Meeting.count("seriesId = ?1 and number = ?2", s.id, wanted).map(n -> {
                        if (n > 0) {
                            throw ProblemException.field("number", "number-taken");
                        }
                        return wanted;
                    });
                });
    }

    /**
     * The co-host rows: an organization keeps the consent it had ({@code kept}); one newly named has
     * agreed when the person naming it belongs to it or is the secretariat, otherwise it is asked
     * (consent null) and runs nothing until its staff agree.
     */
    static List<MeetingOrganizer> organizerRows(long meetingId, Set<Long> ids, Viewer viewer,
                                                Map<Long, java.util.Optional<Instant>> kept) {
        List<MeetingOrganizer> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (Long id : ids) {
            MeetingOrganizer o = new MeetingOrganizer();
            o.meetingId = meetingId;
            o.organizationId = id;
            o.consentedAt = kept.containsKey(id) ? kept.get(id).orElse(null)
                    : viewer == null || viewer.is(Role.NETWORK_ADMIN) || viewer.memberOf(id) ? now : null;
            rows.add(o);
        }
        return rows;
    }

    static List<MeetingVenue> venueRows(long meetingId, List<Venue> venues) {
        List<MeetingVenue> rows = new ArrayList<>();
        if (venues != null) {
            for (Venue v : venues) {
                MeetingVenue row = new MeetingVenue();
                row.meetingId = meetingId;
                row.position = rows.size() + 1;
                row.name = v.name().trim();
                row.address = Values.blankToNull(v.address());
                rows.add(row);
            }
        }
        return rows;
    }

    /** Co-hosts that have all agreed already (the next meeting of a series keeps its organizers). */
    Uni<Void> saveOrganizers(long meetingId, Set<Long> ids) {
        return Rows.persistAll(organizerRows(meetingId, ids, null, Map.of()));
    }

    Uni<Void> saveVenues(long meetingId, List<Venue> venues) {
        return Rows.persistAll(venueRows(meetingId, venues));
    }



    // ---------------------------------------------------------------- reading

    @WithSession
    public Uni<List<MeetingSummary>> list(Viewer viewer, Filter filter) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.circleId() != null) {
            args.add(filter.circleId());
            q.append(" and circleId = ?").append(args.size());
        }
        if (filter.seriesId() != null) {
            args.add(filter.seriesId());
            q.append(" and seriesId = ?").append(args.size());
        }
        if (filter.status() != null) {
            args.add(filter.status());
            q.append(" and status = ?").append(args.size());
        }
        if (filter.upcomingOnly()) {
            args.add(Instant.now().minus(Duration.ofHours(12)));
            q.append(" and (startsAt is null or startsAt >= ?").append(args.size()).append(")");
        }
        // Narrow in the query to what the viewer could possibly see, then let the policy decide per row.
        if (!viewer.is(Role.NETWORK_ADMIN)) {
            args.add(viewer.organizationIds().isEmpty() ? Set.of(-1L) : viewer.organizationIds());
            int orgs = args.size();
            args.add(viewer.circleIds().isEmpty() ? Set.of(-1L) : viewer.circleIds());
            int circles = args.size();
            args.add(viewer.accountId());
            q.append(" and (id in (select o.meetingId from MeetingOrganizer o where o.organizationId in ?").append(orgs)
                    .append(") or circleId in ?").append(circles)
                    .append(" or id in (select i.meetingId from Invitee i where i.accountId = ?").append(args.size())
                    .append(" and i.revokedAt is null))");
        }
        q.append(" order by coalesce(startsAt, createdAt) ").append(filter.upcomingOnly() ? "asc" : "desc").append(", id");
        return Meeting.<Meeting>find(q.toString(), args.toArray()).page(0, 200).list()
                .chain(ms -> access.filterVisible(viewer, ms)).chain(ls -> summaries(viewer, ls));
    }

    Uni<List<MeetingSummary>> summaries(Viewer viewer, List<Loaded> ls) {
        Set<Long> orgIds = new HashSet<>();
        Set<Long> circleIds = new HashSet<>();
        ls.forEach(l -> {
            orgIds.addAll(l.organizerIds());
            if (l.meeting().circleId != null) {
                circleIds.add(l.meeting().circleId);
            }
        });
        Uni<List<Circle>> circles = circleIds.isEmpty() ? Uni.createFrom().item(List.of()) : Circle.list("id in ?1", circleIds);
        return names.orgs(orgIds, viewer.locale()).chain(orgs -> circles.map(cs -> ls.stream()
                .map(l -> summary(viewer, l, orgs, cs.stream().filter(c -> c.id.equals(l.meeting().circleId))
                        .findFirst().map(c -> c.name).orElse(null))).toList()));
    }

    static MeetingSummary summary(Viewer viewer, Loaded l, Map<Long, OrgRef> orgs, String circleName) {
        Meeting m = l.meeting();
        return new MeetingSummary(m.id, m.title, m.kind, m.status, m.startsAt, m.endsAt, m.format, m.seriesId, m.number,
                circleName, l.organizerIds().stream().map(orgs::get).filter(java.util.Objects::nonNull).toList(),
                l.invitation() == null ? null : l.invitation().response, holiday(m.startsAt, viewer));
    }

    static String holiday(Instant t, Viewer viewer) {
        return t == null ? null : JapaneseHolidays.name(local(t).toLocalDate(), viewer.locale()).orElse(null);
    }

    @WithSession
    public Uni<MeetingDetail> detail(Viewer viewer, long id) {
        return access.visible(viewer, id).chain(l -> detailOf(viewer, l));
    }

    Uni<MeetingDetail> detailOf(Viewer viewer, Loaded l) {
        Meeting m = l.meeting();
        Uni<Circle> circle = m.circleId == null ? Uni.createFrom().nullItem() : Circle.findById(m.circleId);
        Uni<MeetingSeries> series = m.seriesId == null ? Uni.createFrom().nullItem() : MeetingSeries.findById(m.seriesId);
        return summaries(viewer, List.of(l)).chain(s -> circle.chain(c -> series.chain(se ->
                MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id).chain(venues ->
                        Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null", m.id).map(invs -> {
                            Counts counts = counts(invs);
                            Invitee mine = l.invitation();
                            return new MeetingDetail(s.get(0), c == null ? null : new OrgRef(c.id, c.name, null),
                                    se == null ? null : se.title,
                                    venues.stream().map(v -> new Venue(v.name, v.address)).toList(), m.onlineUrl,
                                    m.capacity, m.description, m.feeNote, counts,
                                    mine == null ? null : new MyInvitation(mine.id, mine.response, mine.waitlisted),
                                    access.canEdit(viewer, l), m.minutesPublishedAt != null, access.canSeeMinutes(viewer, l),
                                    lengthMinutes(m), m.version,
                                    policy.permits(viewer, Action.APPROVE, new Resource.CoHostRequest(l.resource())));
                        })))));
    }

    static Counts counts(List<Invitee> invs) {
        int inPerson = 0;
        int online = 0;
        int declined = 0;
        int pending = 0;
        int waitlisted = 0;
        for (Invitee i : invs) {
            if (i.waitlisted) {
                waitlisted++;
                continue;
            }
            switch (Rsvp.valueOf(i.response)) {
                case IN_PERSON -> inPerson++;
                case ONLINE -> online++;
                case DECLINED -> declined++;
                case PENDING -> pending++;
            }
        }
        return new Counts(inPerson, online, declined, pending, waitlisted, invs.size());
    }

    static int lengthMinutes(Meeting m) {
        return m.startsAt == null || m.endsAt == null ? 0 : (int) Duration.between(m.startsAt, m.endsAt).toMinutes();
    }

    /**
     * An organization asked to co-host answers: agreeing makes it an organizer (its staff run the
     * meeting from now on); declining takes it off the list. Staff of an asked organization only.
     */
    @WithTransaction
    public Uni<Void> answerCoHost(Viewer viewer, long id, boolean accept) {
        return access.load(viewer, id, true).chain(l -> {
            policy.decide(viewer, Action.APPROVE, new Resource.CoHostRequest(l.resource())).orThrow();
            return MeetingOrganizer.<MeetingOrganizer>list("meetingId = ?1 and consentedAt is null", id).chain(rows -> {
                List<MeetingOrganizer> mine = rows.stream().filter(o -> viewer.memberOf(o.organizationId)).toList();
                Instant now = Instant.now();
                Uni<Void> done = Uni.createFrom().voidItem();
                for (MeetingOrganizer o : mine) {
                    if (accept) {
                        o.consentedAt = now;
                    } else {
                        done = done.chain(() -> o.delete());
                    }
                }
                return done;
            });
        });
    }

    /** The organizations a person can name as organizer: their own (the secretariat: its own too). */
    @WithSession
    public Uni<List<OrgRef>> ownOrganizations(Viewer viewer) {
        return names.orgs(viewer.organizationIds(), viewer.locale())
                .map(m -> m.values().stream().sorted(java.util.Comparator.comparing(OrgRef::name)).toList());
    }

    /** Circles a person may hold meetings in. */
    @WithSession
    public Uni<List<OrgRef>> ownCircles(Viewer viewer) {
        Uni<List<Circle>> cs = viewer.is(Role.NETWORK_ADMIN) ? Circle.list("order by name")
                : viewer.circleIds().isEmpty() ? Uni.createFrom().item(List.of())
                : Circle.list("id in ?1 order by name", viewer.circleIds());
        return cs.map(list -> list.stream().map(c -> new OrgRef(c.id, c.name, null)).toList());
    }

    /**
     * An online meeting URL must name its host plainly, as the mails show it: no user part
     * ("https://hellowork.go.jp@evil.example/"), no backslash, a host a browser would open as written.
     */
    static boolean plainHost(String url) {
        if (url.contains("\\") || url.contains("@")) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(url);
            return u.getHost() != null && u.getRawUserInfo() == null && u.getHost().matches("^[A-Za-z0-9.-]+$");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static LocalTime parseTime(Params p, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            p.error(field, "format");
            return null;
        }
    }
}
