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
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingTerms.Kind;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.meeting.MeetingViews.SeriesView;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.time.JapaneseHolidays;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A circle's recurring meeting: numbering (第0回, 第1回 …), default slot, and "plan the next one". */
@ApplicationScoped
public class SeriesService {

    public record SeriesInput(@NotNull Long circleId, @NotBlank @Size(max = 200) String title,
                              @NotBlank @OneOf(Kind.class) String kind, List<Long> organizerIds,
                              @Min(1) @Max(7) Integer defaultWeekday, String defaultStart,
                              @Min(10) @Max(720) Integer defaultMinutes, @Min(1) @Max(52) Integer perYearMin,
                              @Min(1) @Max(52) Integer perYearMax) {
    }

    @Inject
    InputCheck inputs;

    @Inject
    AccessPolicy policy;

    @Inject
    MeetingAccess access;

    @Inject
    MeetingService meetings;

    @Inject
    MeetingChanges changes;

    @Inject
    NameLookup names;

    @Inject
    ActionService actions;

    record Loaded(MeetingSeries series, Set<Long> organizerIds) {
        Resource.Series resource() {
            return new Resource.Series(series.circleId, organizerIds);
        }
    }

    Uni<Loaded> load(long id) {
        return MeetingSeries.<MeetingSeries>findById(id).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound();
            }
            return SeriesOrganizer.<SeriesOrganizer>list("seriesId", s.id).map(os -> {
                Set<Long> ids = new LinkedHashSet<>();
                os.forEach(o -> ids.add(o.organizationId));
                return new Loaded(s, ids);
            });
        });
    }

    @WithTransaction
    public Uni<SeriesView> create(Viewer viewer, SeriesInput in) {
        Params p = inputs.of(in);
        if (in.organizerIds() == null || in.organizerIds().isEmpty() || in.organizerIds().size() > 10
                || in.organizerIds().stream().anyMatch(Objects::isNull)) {
            p.error("organizerIds", "required");
        }
        LocalTime start = MeetingTimes.parseTime(p, "defaultStart", in.defaultStart());
        if (in.perYearMax() != null && in.perYearMin() != null && in.perYearMax() < in.perYearMin()) {
            p.error("perYearMax", "range");
        }
        p.check();
        Set<Long> organizers = new LinkedHashSet<>(in.organizerIds());
        if (!policy.permits(viewer, Action.EDIT, new Resource.Series(in.circleId(), organizers))) {
            if (!viewer.signedIn()) {
                throw ProblemException.unauthorized();
            }
            throw ProblemException.field("circleId", "series-not-member");
        }
        return Circle.findById(in.circleId()).chain(c -> {
            if (c == null) {
                throw ProblemException.field("circleId", "unknown");
            }
            return changes.checkOrganizations(organizers, "organizerIds");
        }).chain(() -> {
            MeetingSeries s = new MeetingSeries();
            s.circleId = in.circleId();
            s.title = in.title().trim();
            s.kind = Values.code(MeetingTerms.Kind.class, in.kind());
            s.defaultWeekday = in.defaultWeekday();
            s.defaultStart = start;
            s.defaultMinutes = in.defaultMinutes();
            s.perYearMin = in.perYearMin();
            s.perYearMax = in.perYearMax();
            s.createdBy = viewer.accountId();
            s.createdAt = Instant.now();
            return s.<MeetingSeries>persistAndFlush().call(saved -> {
                List<SeriesOrganizer> rows = new ArrayList<>();
                for (Long id : organizers) {
                    SeriesOrganizer o = new SeriesOrganizer();
                    o.seriesId = saved.id;
                    o.organizationId = id;
                    rows.add(o);
                }
                return Rows.persistAll(rows);
            }).chain(saved -> viewOf(viewer, new Loaded(saved, organizers)));
        });
    }

    @WithSession
    public Uni<SeriesView> get(Viewer viewer, long id) {
        return load(id).chain(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return viewOf(viewer, l);
        });
    }

    Uni<SeriesView> viewOf(Viewer viewer, Loaded l) {
        MeetingSeries s = l.series();
        // one decision pass over the series' meetings, its organizers' names once, for the list and the open items
        return Meeting.<Meeting>list("seriesId = ?1 order by number, id", s.id).chain(ms -> access.filterVisible(viewer, ms)
                .chain(visible -> names.orgs(l.organizerIds(), viewer.locale()).chain(orgs -> meetings.summaries(viewer, visible, orgs)
                        .chain(summaries -> Circle.<Circle>findById(s.circleId).chain(c ->
                                openActions(viewer, visible, orgs).map(actions -> new SeriesView(s.id, s.title, s.kind.name(),
                                        new OrgRef(c.id, c.name, null), l.organizerIds().stream().map(orgs::get).toList(),
                                        s.defaultWeekday, s.defaultStart == null ? null : s.defaultStart.toString(),
                                        s.defaultMinutes, s.perYearMin, s.perYearMax, summaries, actions,
                                        suggestNext(s, ms), policy.permits(viewer, Action.EDIT, l.resource()))))))));
    }

    /** Open action items of the series from meetings whose minutes the viewer may read. */
    Uni<List<MeetingViews.ActionView>> openActions(Viewer viewer, List<MeetingAccess.Loaded> visible, Map<Long, OrgRef> known) {
        List<Meeting> readable = visible.stream().filter(x -> access.canSeeMinutes(viewer, x)).map(MeetingAccess.Loaded::meeting).toList();
        if (readable.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ActionItem.<ActionItem>list("meetingId in ?1 and status = 'OPEN' order by dueOn nulls last, id",
                        readable.stream().map(m -> m.id).toList())
                .chain(list -> actions.views(viewer, list, readable, known));
    }

    /**
     * The next date from the last meeting: the interval the series aims for (12 months / most
     * meetings a year), moved to the default weekday and past Japanese holidays.
     */
    static LocalDateTime suggestNext(MeetingSeries s, List<Meeting> ms) {
        LocalDateTime last = ms.stream().filter(m -> m.startsAt != null && m.status != Status.CANCELLED)
                .map(m -> MeetingTimes.local(m.startsAt)).max(LocalDateTime::compareTo).orElse(null);
        LocalDate from = last == null ? JapaneseCalendar.today().plusDays(14)
                : last.toLocalDate().plusDays(s.perYearMax == null ? 60 : Math.max(7, 365 / s.perYearMax));
        LocalDate today = JapaneseCalendar.today();
        if (from.isBefore(today.plusDays(7))) {
            from = today.plusDays(7);
        }
        LocalDate day = s.defaultWeekday == null ? from : from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(s.defaultWeekday)));
        while (s.defaultWeekday == null ? JapaneseHolidays.isClosedDay(day) : JapaneseHolidays.isHoliday(day)) {
            day = s.defaultWeekday == null ? day.plusDays(1) : day.plusWeeks(1);
        }
        LocalTime time = s.defaultStart != null ? s.defaultStart : last != null ? last.toLocalTime() : LocalTime.of(14, 0);
        return LocalDateTime.of(day, time);
    }

    /** Plans the next meeting from the last: numbered, on the suggested date, same place and agenda shape, as a draft. */
    @WithTransaction
    public Uni<MeetingViews.MeetingDetail> planNext(Viewer viewer, long id) {
        return load(id).chain(l -> {
            policy.requireEdit(viewer, l.resource());
            MeetingSeries s = l.series();
            return Meeting.<Meeting>list("seriesId = ?1 order by number desc nulls last, id desc", s.id).chain(ms -> {
                Meeting last = ms.isEmpty() ? null : ms.get(0);
                int number = ms.stream().filter(m -> m.number != null).mapToInt(m -> m.number).max().orElse(-1) + 1;
                LocalDateTime start = suggestNext(s, ms);
                int minutes = s.defaultMinutes != null ? s.defaultMinutes : last != null ? MeetingTimes.lengthMinutes(last) : 90;
                Meeting m = new Meeting();
                m.seriesId = s.id;
                m.number = number;
                m.kind = s.kind;
                m.title = Messages.get(viewer.locale(), "series.numbered", number, s.title);
                m.circleId = s.circleId;
                m.format = last == null ? MeetingTerms.Format.IN_PERSON : last.format;
                m.onlineUrl = last == null ? null : last.onlineUrl;
                m.capacity = last == null ? null : last.capacity;
                m.startsAt = MeetingTimes.instant(start);
                m.endsAt = MeetingTimes.instant(start.plusMinutes(Math.max(minutes, 10)));
                m.status = Status.DRAFT;
                m.createdBy = viewer.accountId();
                m.createdAt = Instant.now();
                m.updatedAt = m.createdAt;
                m.hostOrgId = last != null && last.hostOrgId != null ? last.hostOrgId
                        : l.organizerIds().stream().filter(viewer::memberOf).findFirst()
                        .orElse(l.organizerIds().stream().sorted().findFirst().orElse(null));
                m.agendaVersion = 0;
                m.minutesVersion = 0;
                m.version = 0;
                // the next meeting's co-hosts: those that agreed to the last one keep their consent, the
                // planner's own organizations agree now, every other organization named by the series is asked
                Uni<Map<Long, Optional<Instant>>> kept = last == null ? Uni.createFrom().item(Map.of())
                        : MeetingOrganizer.<MeetingOrganizer>list("meetingId = ?1 and consentedAt is not null", last.id)
                        .map(rows -> {
                            Map<Long, Optional<Instant>> k = new HashMap<>();
                            rows.forEach(o -> k.put(o.organizationId, Optional.of(o.consentedAt)));
                            return k;
                        });
                return m.<Meeting>persistAndFlush().call(saved -> kept.chain(k -> Rows.persistAll(
                                MeetingChanges.organizerRows(saved.id, l.organizerIds(), viewer, k))))
                        .call(saved -> last == null ? Uni.createFrom().voidItem()
                                : MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", last.id)
                                .chain(vs -> changes.saveVenues(saved.id, vs.stream()
                                        .map(v -> new MeetingViews.Venue(v.name, v.address)).toList())))
                        .call(saved -> last == null ? Uni.createFrom().voidItem()
                                : AgendaItem.<AgendaItem>list("meetingId = ?1 order by position", last.id).chain(items -> Rows.persistAll(AgendaService.copy(items, saved.id))))
                        .chain(saved -> access.facts(viewer, saved).chain(x -> meetings.detailOf(viewer, x)));
            });
        });
    }
}
