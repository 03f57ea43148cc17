package jp.tsunagu.statistics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Center statistics (実績): a center's figures for a fiscal year as its staff enter them, with the
 * counts Tsunagu itself knows beside them (meetings and trainings the center organized and held,
 * case conferences held in its circles); the national table by prefecture and, within a
 * prefecture, by center, with five years' totals for the trend. Each read goes through the policy.
 */
@ApplicationScoped
public class StatisticsService {

    /** What Tsunagu's own records say of a center's year. */
    @TemplateData
    public record Records(int meetingsHeld, int trainingsHeld, int conferencesHeld) {
    }

    @TemplateData
    public record CenterYear(long centerId, String center, int fiscalYear, String fiscalYearLabel, boolean entered,
                             boolean fictitious, Figures figures, Records records, int version, Instant updatedAt,
                             boolean mayEdit, List<Entered> years) {
        public int previousYear() {
            return fiscalYear - 1;
        }

        /** Placements against the target, "92.0" (null without both). */
        @com.fasterxml.jackson.annotation.JsonProperty("placementsAgainstTarget")
        public String placementsAgainstTarget() {
            return Figures.rate(figures.placements(), figures.targetPlacements());
        }
    }

    /** A year the center has figures for, and how they came in (FORM or CSV). */
    @TemplateData
    public record Entered(int fiscalYear, String label, String source) {
    }

    public record SaveInput(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(0) Integer version,
                            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid Figures figures) {
    }

    /** One row of the national table: a prefecture (or, within one, a center). */
    @TemplateData
    public record Row(String key, String label, int centers, int reporting, int registered, int consultations, int placements,
                      int targetPlacements, int internships, int retention6mBase, int retention6mKept, int meetingsHeld,
                      int trainingsHeld, int conferencesHeld, int areas, int areasWithoutCenter) {
        @com.fasterxml.jackson.annotation.JsonProperty("retention6mRate")
        public String retention6mRate() {
            return Figures.rate(retention6mKept, retention6mBase);
        }

        @com.fasterxml.jackson.annotation.JsonProperty("placementsAgainstTarget")
        public String placementsAgainstTarget() {
            return Figures.rate(placements, targetPlacements);
        }
    }

    @TemplateData
    public record Bar(String label, String figure, int y, int textY, int width, int figureX) {
    }

    @TemplateData
    public record Trend(int fiscalYear, String label, int reporting, int registered, int placements, int internships,
                        String retention6mRate) {
    }

    @TemplateData
    public record National(int fiscalYear, String fiscalYearLabel, Short prefecture, String prefectureName, List<Row> rows,
                           Row total, List<Trend> trend) {
        public int maxPlacements() {
            return trend.stream().mapToInt(Trend::placements).max().orElse(0);
        }

        /** The trend's bars: placements per year (the table beside it gives every figure). */
        public List<Bar> bars() {
            int max = maxPlacements();
            List<Bar> out = new ArrayList<>();
            for (int i = 0; i < trend.size(); i++) {
                Trend t = trend.get(i);
                int width = max == 0 ? 0 : (int) (t.placements() * 300L / max);
                out.add(new Bar(t.label(), Integer.toString(t.placements()), i * 28 + 8, i * 28 + 22, width, width + 256));
            }
            return out;
        }

        public int chartHeight() {
            return trend.size() * 28 + 8;
        }
    }

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    static final ZoneId TOKYO = JapaneseCalendar.TOKYO;

    static int checkYear(int fy) {
        if (fy < 2000 || fy > 2100) {
            throw ProblemException.field("fiscalYear", "range");
        }
        return fy;
    }

    private Uni<Organization> center(long id) {
        return Organization.<Organization>findById(id).map(o -> {
            if (o == null) {
                throw ProblemException.notFound();
            }
            return o;
        });
    }

    @WithSession
    public Uni<CenterYear> year(Viewer viewer, long centerId, int fiscalYear) {
        int fy = checkYear(fiscalYear);
        return center(centerId).chain(c -> {
            Resource.CenterStatistics r = new Resource.CenterStatistics(c.id, c.orgType);
            policy.require(viewer, Action.VIEW, r);
            return stored(c.id, fy).chain(s -> records(List.of(c.id), fy).chain(rec -> enteredYears(c.id, viewer.locale())
                    .map(years -> new CenterYear(c.id, c.name, fy, JapaneseCalendar.fiscalYearLabel(fy, viewer.locale()), s != null,
                            s != null && s.fictitious, s == null ? Figures.EMPTY : Figures.of(s),
                            rec.getOrDefault(c.id, new Records(0, 0, 0)), s == null ? 0 : s.version, s == null ? null : s.updatedAt,
                            policy.permits(viewer, Action.EDIT, r) && fy <= JapaneseCalendar.fiscalYear(JapaneseCalendar.today()),
                            years))));
        });
    }

    private Uni<List<Entered>> enteredYears(long centerId, Locale locale) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT fiscal_year, source FROM center_statistics"
                        + " WHERE center_id = ?1 ORDER BY fiscal_year DESC", Object[].class).setParameter(1, centerId).getResultList())
                .map(rows -> rows.stream().map(r -> {
                    int y = ((Number) r[0]).intValue();
                    return new Entered(y, JapaneseCalendar.fiscalYearLabel(y, locale), (String) r[1]);
                }).toList());
    }

    /** The center's staff store the year's figures (version-checked; the first save is version 0). */
    @WithTransaction
    public Uni<Void> save(Viewer viewer, long centerId, int fiscalYear, SaveInput in, String source) {
        int fy = checkYear(fiscalYear);
        return center(centerId).chain(c -> {
            // who may not keep these figures hears nothing of what was sent
            policy.requireEdit(viewer, new Resource.CenterStatistics(c.id, c.orgType));
            Params p = inputs.of(in);
            if (in != null && in.figures() != null) {
                checkRetention(p, "figures.", in.figures());
                checkTarget(p, "figures.", in.figures());
            }
            p.check();
            if (fy > JapaneseCalendar.fiscalYear(JapaneseCalendar.today())) {
                throw ProblemException.field("fiscalYear", "future-year");
            }
            return lock(c);
        }).chain(c -> stored(c.id, fy).chain(s -> {
            int version = s == null ? 0 : s.version;
            if (version != in.version()) {
                throw ProblemException.conflict(Map.of("version", version));
            }
            return store(viewer, c.id, fy, s, in.figures(), source);
        }));
    }

    /**
     * A line of an imported file: its line number, the fiscal year read (null if unreadable), the
     * figures and the columns the file has (those it lacks keep what is stored).
     */
    public record YearLine(long line, Integer fiscalYear, Figures figures, java.util.Set<String> columns) {
    }

    /** What an import stored: each fiscal year, added or replaced. */
    public record Imported(int fiscalYear, String fiscalYearLabel, boolean added) {
    }

    /** Whether the viewer may keep this center's figures (404 or 403 otherwise), before anything of a file is read. */
    @WithSession
    public Uni<Void> requireEditable(Viewer viewer, long centerId) {
        return center(centerId).invoke(c -> policy.requireEdit(viewer, new Resource.CenterStatistics(c.id, c.orgType))).replaceWithVoid();
    }

    /**
     * Several years' figures at once (the CSV import): all lines are checked first, one 400 names
     * every refused cell as {@code lines[N].field}, and then either every year is stored or none.
     * An imported year replaces what was entered (its version moves on, so a form open on it is
     * told of the change); the center's row is locked, so two imports or a save and an import
     * follow one another.
     */
    @WithTransaction
    public Uni<List<Imported>> importYears(Viewer viewer, long centerId, List<YearLine> lines, Params found, String source) {
        int current = JapaneseCalendar.fiscalYear(JapaneseCalendar.today());
        Map<Integer, Long> seen = new HashMap<>();
        for (YearLine l : lines) {
            String at = "lines[" + l.line() + "].";
            inputs.of(l.figures()).errors().forEach(e -> found.errorWith(at + e.field(), e.key(), e.args().toArray()));
            checkRetention(found, at, l.figures(), inFile(l, true), inFile(l, false)); // pairs the file has both of
            checkTarget(found, at, l.figures());
            if (l.fiscalYear() == null) {
                continue;
            }
            if (l.fiscalYear() < 2000 || l.fiscalYear() > 2100) {
                found.error(at + "fiscalYear", "range");
            } else if (l.fiscalYear() > current) {
                found.error(at + "fiscalYear", "future-year");
            } else if (seen.putIfAbsent(l.fiscalYear(), l.line()) != null) {
                found.error(at + "fiscalYear", "duplicate-year");
            }
        }
        if (lines.isEmpty() && !found.any()) {
            found.error("file", "no-lines");
        }
        return lockedCenter(viewer, centerId).chain(c -> {
            if (found.any()) {
                found.check();
            }
            List<Short> years = lines.stream().map(l -> (short) l.fiscalYear().intValue()).toList();
            return CenterStatistics.<CenterStatistics>list("centerId = ?1 and fiscalYear in ?2", c.id, years).chain(rows -> {
                Map<Integer, CenterStatistics> byYear = new HashMap<>();
                rows.forEach(r -> byYear.put(r.fiscalYear.intValue(), r));
                Map<Long, Figures> merged = new LinkedHashMap<>();
                for (YearLine l : lines) {
                    CenterStatistics s = byYear.get(l.fiscalYear());
                    Figures f = s == null ? l.figures() : l.figures().over(Figures.of(s), l.columns());
                    // pairs the file has one of or none: against what is stored
                    checkRetention(found, "lines[" + l.line() + "].", f, !inFile(l, true), !inFile(l, false));
                    merged.put(l.line(), f);
                }
                found.check();
                List<Imported> out = new ArrayList<>();
                return io.smallrye.mutiny.Multi.createFrom().iterable(lines).onItem().transformToUniAndConcatenate(l -> {
                            CenterStatistics s = byYear.get(l.fiscalYear());
                            return store(viewer, c.id, l.fiscalYear(), s, merged.get(l.line()), source)
                                    .invoke(() -> out.add(new Imported(l.fiscalYear(), JapaneseCalendar.fiscalYearLabel(l.fiscalYear(),
                                            viewer.locale()), s == null)));
                        })
                        .collect().last().map(x -> out);
            });
        });
    }

    /** Whether the file has both columns of the 6-month (or the 1-year) retention pair: its check needs nothing stored. */
    static boolean inFile(YearLine l, boolean sixMonths) {
        return sixMonths ? l.columns().containsAll(List.of("retention6mBase", "retention6mKept"))
                : l.columns().containsAll(List.of("retention1yBase", "retention1yKept"));
    }

    /**
     * The center, its row locked for the transaction: one writer of its figures at a time (a first
     * save races no other). The policy is asked before the lock, so no one else can hold the row.
     */
    private Uni<Organization> lockedCenter(Viewer viewer, long centerId) {
        return center(centerId).chain(c -> {
            policy.requireEdit(viewer, new Resource.CenterStatistics(c.id, c.orgType));
            return lock(c);
        });
    }

    /** The center's row locked for the rest of the transaction (the caller has asked the policy). */
    private static Uni<Organization> lock(Organization c) {
        return Organization.<Organization>findById(c.id, LockModeType.PESSIMISTIC_WRITE).map(locked -> {
            if (locked == null) {
                throw ProblemException.notFound(); // deleted in between
            }
            return locked;
        });
    }

    /** A target rate of at most one decimal and three digits (Bean Validation's @Digits overflows on 0E+2147483647). */
    static void checkTarget(Params p, String prefix, Figures f) {
        BigDecimal t = f == null ? null : f.targetRetention6m();
        if (t != null && (t.scale() > 1 || t.scale() < -3 || (long) t.precision() - t.scale() > 3)) {
            p.error(prefix + "targetRetention6m", "format");
        }
    }

    private Uni<CenterStatistics> stored(long centerId, int fy) {
        return CenterStatistics.<CenterStatistics>find("centerId = ?1 and fiscalYear = ?2", centerId, (short) fy).firstResult();
    }

    private Uni<Void> store(Viewer viewer, long centerId, int fy, CenterStatistics s, Figures figures, String source) {
        CenterStatistics row = s != null ? s : new CenterStatistics();
        row.centerId = centerId;
        row.fiscalYear = (short) fy;
        figures.into(row);
        row.fictitious = false;
        row.source = source;
        row.updatedBy = viewer.accountId();
        row.updatedAt = Instant.now();
        if (s != null) {
            row.version++;
            return Panache.flush();
        }
        return row.persistAndFlush().replaceWithVoid();
    }

    /** Those kept on cannot outnumber those placed. */
    static void checkRetention(Params p, String prefix, Figures f) {
        checkRetention(p, prefix, f, true, true);
    }

    static void checkRetention(Params p, String prefix, Figures f, boolean sixMonths, boolean oneYear) {
        if (f == null) {
            return;
        }
        if (sixMonths && f.retention6mKept() != null && f.retention6mBase() != null && f.retention6mKept() > f.retention6mBase()) {
            p.error(prefix + "retention6mKept", "kept-over-base");
        }
        if (oneYear && f.retention1yKept() != null && f.retention1yBase() != null && f.retention1yKept() > f.retention1yBase()) {
            p.error(prefix + "retention1yKept", "kept-over-base");
        }
    }

    /** Every year a center has figures for, newest first (its export; the page's list of years). */
    @WithSession
    public Uni<List<CenterStatistics>> years(Viewer viewer, long centerId) {
        return center(centerId).chain(c -> {
            policy.require(viewer, Action.VIEW, new Resource.CenterStatistics(c.id, c.orgType));
            return CenterStatistics.<CenterStatistics>list("centerId = ?1 order by fiscalYear desc", c.id);
        });
    }

    /** The center a center's lead or staff member belongs to (the first by id, should they belong to two). */
    @WithSession
    public Uni<Long> ownCenter(Viewer viewer) {
        return Organization.<Organization>list("id in ?1 and orgType = ?2 order by id", viewer.organizationIds(), OrgType.NAKAPOTSU)
                .map(os -> os.isEmpty() ? null : os.get(0).id);
    }

    /** Meetings and trainings each center organized and held, and case conferences finished in its circles, in the year. */
    Uni<Map<Long, Records>> records(List<Long> centers, int fy) {
        if (centers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant from = JapaneseCalendar.fiscalYearStart(fy).atStartOfDay(TOKYO).toInstant();
        Instant to = JapaneseCalendar.fiscalYearEnd(fy).plusDays(1).atStartOfDay(TOKYO).toInstant();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT o.organization_id, count(*) FILTER (WHERE m.kind <> 'SEMINAR'), count(*) FILTER (WHERE m.kind = 'SEMINAR')"
                                + " FROM meeting m JOIN meeting_organizer o ON o.meeting_id = m.id"
                                + " WHERE o.organization_id IN (?1) AND o.consented_at IS NOT NULL AND m.status IN ('HELD', 'MINUTES_PUBLISHED')"
                                + " AND m.starts_at >= ?2 AND m.starts_at < ?3 GROUP BY o.organization_id", Object[].class)
                .setParameter(1, centers).setParameter(2, from).setParameter(3, to).getResultList())
                .chain(meetings -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT cm.organization_id, count(DISTINCT c.id) FROM conference c JOIN circle_member cm ON cm.circle_id = c.circle_id"
                                        + " WHERE cm.organization_id IN (?1) AND c.finished_at IS NOT NULL AND c.starts_at >= ?2 AND c.starts_at < ?3"
                                        + " GROUP BY cm.organization_id", Object[].class)
                        .setParameter(1, centers).setParameter(2, from).setParameter(3, to).getResultList())
                        .map(confs -> {
                            Map<Long, int[]> acc = new HashMap<>();
                            for (Object[] r : meetings) {
                                int[] a = acc.computeIfAbsent(((Number) r[0]).longValue(), k -> new int[3]);
                                a[0] = ((Number) r[1]).intValue();
                                a[1] = ((Number) r[2]).intValue();
                            }
                            for (Object[] r : confs) {
                                acc.computeIfAbsent(((Number) r[0]).longValue(), k -> new int[3])[2] = ((Number) r[1]).intValue();
                            }
                            Map<Long, Records> out = new HashMap<>();
                            acc.forEach((k, a) -> out.put(k, new Records(a[0], a[1], a[2])));
                            return out;
                        }));
    }

    /**
     * The national table (by prefecture) or one prefecture's (by center): centers, those that
     * reported, the sums and rates, Tsunagu's own counts, the catchment areas and those without a
     * center; five years of national (or the prefecture's) totals for the trend.
     */
    @WithSession
    public Uni<National> national(Viewer viewer, Integer fiscalYear, Integer prefecture) {
        policy.require(viewer, Action.VIEW, new Resource.NationalStatistics());
        int fy = checkYear(fiscalYear != null ? fiscalYear : JapaneseCalendar.fiscalYear(JapaneseCalendar.today()) - 1);
        if (prefecture != null && (prefecture < 1 || prefecture > 47)) {
            throw ProblemException.field("prefecture", "range");
        }
        Locale locale = viewer.locale();
        Uni<List<Organization>> centersUni = prefecture == null
                ? Organization.list("orgType = ?1 order by prefectureCode, name", OrgType.NAKAPOTSU)
                : Organization.list("orgType = ?1 and prefectureCode = ?2 order by name", OrgType.NAKAPOTSU, prefecture.shortValue());
        return centersUni.chain(centers -> Prefecture.<Prefecture>list("order by code").chain(prefs -> {
            List<Long> ids = centers.stream().map(o -> o.id).toList();
            Uni<List<CenterStatistics>> stats = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : CenterStatistics.list("centerId in ?1 and fiscalYear between ?2 and ?3", ids, (short) (fy - 4), (short) fy);
            return stats.chain(all -> records(ids, fy).chain(rec -> areas(prefecture).map(areaCounts -> {
                Map<String, String> labels = new LinkedHashMap<>();
                Map<Long, String> keyOf = new HashMap<>();
                for (Organization c : centers) {
                    String key = prefecture == null ? String.valueOf(c.prefectureCode) : String.valueOf(c.id);
                    keyOf.put(c.id, key);
                    labels.putIfAbsent(key, prefecture == null ? prefs.stream().filter(p -> p.code.equals(c.prefectureCode))
                            .map(p -> p.name(locale)).findFirst().orElse("—") : c.name);
                }
                Map<String, int[]> acc = new LinkedHashMap<>();
                labels.keySet().forEach(k -> acc.put(k, new int[16]));
                for (Organization c : centers) {
                    acc.get(keyOf.get(c.id))[0]++;
                    Records r = rec.get(c.id);
                    if (r != null) {
                        int[] a = acc.get(keyOf.get(c.id));
                        a[9] += r.meetingsHeld();
                        a[10] += r.trainingsHeld();
                        a[11] += r.conferencesHeld();
                    }
                }
                for (CenterStatistics s : all) {
                    if (s.fiscalYear != fy) {
                        continue;
                    }
                    int[] a = acc.get(keyOf.get(s.centerId));
                    Figures f = Figures.of(s);
                    a[1]++;
                    a[2] += f.registeredTotal();
                    a[3] += f.consultationsTotal();
                    a[4] += Figures.n(f.placements());
                    a[5] += Figures.n(f.targetPlacements());
                    a[6] += Figures.n(f.internships());
                    a[7] += Figures.n(f.retention6mBase());
                    a[8] += Figures.n(f.retention6mKept());
                }
                if (prefecture == null) {
                    areaCounts.forEach((pref, counts) -> {
                        int[] a = acc.get(String.valueOf(pref));
                        if (a != null) {
                            a[12] = counts[0];
                            a[13] = counts[1];
                        }
                    });
                }
                List<Row> rows = new ArrayList<>();
                int[] t = new int[16];
                acc.forEach((k, a) -> {
                    rows.add(row(k, labels.get(k), a));
                    for (int i = 0; i < a.length; i++) {
                        t[i] += a[i];
                    }
                });
                if (prefecture != null) {
                    int[] counts = areaCounts.getOrDefault(prefecture.shortValue(), new int[2]);
                    t[12] = counts[0];
                    t[13] = counts[1];
                }
                List<Trend> trend = new ArrayList<>();
                for (int y = fy - 4; y <= fy; y++) {
                    int year = y;
                    List<Figures> of = all.stream().filter(s -> s.fiscalYear == year).map(Figures::of).toList();
                    int base = of.stream().mapToInt(f -> Figures.n(f.retention6mBase())).sum();
                    int kept = of.stream().mapToInt(f -> Figures.n(f.retention6mKept())).sum();
                    trend.add(new Trend(y, JapaneseCalendar.fiscalYearLabel(y, locale), of.size(),
                            of.stream().mapToInt(Figures::registeredTotal).sum(), of.stream().mapToInt(f -> Figures.n(f.placements())).sum(),
                            of.stream().mapToInt(f -> Figures.n(f.internships())).sum(), Figures.rate(kept, base)));
                }
                return new National(fy, JapaneseCalendar.fiscalYearLabel(fy, locale), prefecture == null ? null : prefecture.shortValue(),
                        prefecture == null ? null : prefs.stream().filter(p -> p.code == prefecture.shortValue()).map(p -> p.name(locale))
                                .findFirst().orElse(null), rows, row("total", null, t), trend);
            })));
        }));
    }

    private static Row row(String key, String label, int[] a) {
        return new Row(key, label, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
    }

    /** Per prefecture: its catchment areas, and those no center is linked to. */
    private Uni<Map<Short, int[]>> areas(Integer prefecture) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT a.prefecture_code, count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM organization_area oa"
                                + " JOIN organization o ON o.id = oa.organization_id WHERE oa.area_id = a.id AND o.org_type = 'NAKAPOTSU'))"
                                + " FROM catchment_area a WHERE a.kind = 'WELFARE_REGION' AND (?1 = 0 OR a.prefecture_code = ?1)"
                                + " GROUP BY a.prefecture_code", Object[].class)
                .setParameter(1, prefecture == null ? 0 : prefecture).getResultList())
                .map(rows -> {
                    Map<Short, int[]> out = new HashMap<>();
                    rows.forEach(r -> out.put(((Number) r[0]).shortValue(), new int[]{((Number) r[1]).intValue(), ((Number) r[2]).intValue()}));
                    return out;
                });
    }
}
