package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.Prefectures;
import jp.tsunagu.platform.db.PageReads;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.pairing.PairingViews.CoverageRow;
import jp.tsunagu.pairing.PairingViews.Overview;
import jp.tsunagu.pairing.PairingViews.OverviewRow;
import jp.tsunagu.pairing.PairingViews.PairLine;
import jp.tsunagu.pairing.PairingViews.PairSummary;
import jp.tsunagu.pairing.PairingViews.Tile;
import jp.tsunagu.pairing.Terms.MilestoneKind;
import jp.tsunagu.pairing.Terms.MilestoneStatus;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The national view for the secretariat: every pair of a program year with its progress and what
 * holds it up, a tile map of Japan, coverage against the doubling plan, and the CSV export.
 */
@ApplicationScoped
public class OverviewService {

    @jakarta.inject.Inject
    Prefectures prefectures;

    /** Tile size of the map, in SVG units. */
    static final int TILE = 44;

    public record Filter(String theme, String status, boolean behindOnly, String sort, boolean descending) {
        public static final List<String> SORTS = List.of("implementing", "supporting", "status", "next", "late",
                "meetings", "visits", "change");
    }

    @Inject
    AccessPolicy policy;

    @Inject
    ProgramService programs;

    @Inject
    PairingService pairings;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Overview> overview(Viewer viewer, long programId, Filter filter) {
        policy.require(viewer, Action.VIEW, new Resource.Matching());
        // every program once (this one, the pairs' years, the coverage by year), this program's pairs once
        return PageReads.read(() -> Program.<Program>list("order by fiscalYear").chain(all -> {
            Program program = all.stream().filter(p -> p.id == programId).findFirst().orElseThrow(ProblemException::notFound);
            return Pairing.<Pairing>list("programId = ?1 order by id", programId).chain(pairs ->
                programs.view(program, viewer, pairs.size()).chain(pv ->
                        pairings.summaries(pairs, viewer, all).chain(summaries -> rows(pairs, summaries, viewer.locale())
                                .chain(rows -> map(summaries, pairs, viewer.locale()).chain(map -> coverage(viewer.locale(), all)
                                        .map(coverage -> {
            List<OverviewRow> shown = rows.stream()
                    .filter(r -> filter.theme() == null || r.themes().contains(filter.theme()))
                    .filter(r -> filter.status() == null || r.status().equals(filter.status()))
                    .filter(r -> !filter.behindOnly() || r.behind())
                    .sorted(comparator(filter))
                    .toList();
            int behind = (int) rows.stream().filter(OverviewRow::behind).count();
            return new Overview(pv, shown, behind, map.tiles(), map.lines(), 12 * TILE + 8, 12 * TILE + 8,
                    coverage, program.totalCenters);
        }))))));
        }));
    }

    static Comparator<OverviewRow> comparator(Filter f) {
        Comparator<OverviewRow> c = switch (f.sort() == null ? "late" : f.sort()) {
            case "implementing" -> Comparator.comparing(r -> r.implementing().name());
            case "supporting" -> Comparator.comparing(r -> r.supporting().name());
            case "status" -> Comparator.comparing(OverviewRow::status);
            case "next" -> Comparator.comparing(OverviewRow::nextDue, Comparator.nullsLast(Comparator.naturalOrder()));
            case "meetings" -> Comparator.comparingInt(OverviewRow::meetingsHeld);
            case "visits" -> Comparator.comparingInt(OverviewRow::visitsDone);
            case "change" -> Comparator.comparing(OverviewRow::assessmentChange, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparingInt(OverviewRow::lateCount);
        };
        if (f.sort() == null) {
            // default: the pairs most behind first
            return c.reversed().thenComparing(r -> r.implementing().name());
        }
        return (f.descending() ? c.reversed() : c).thenComparingLong(OverviewRow::pairingId);
    }

    Uni<List<OverviewRow>> rows(List<Pairing> pairs, List<PairSummary> summaries, Locale locale) {
        if (pairs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = pairs.stream().map(p -> p.id).toList();
        LocalDate today = JapaneseCalendar.today();
        return PairingMilestone.<PairingMilestone>list("pairingId in ?1 order by pairingId, position", ids).chain(ms ->
                PairingVisit.<PairingVisit>list("pairingId in ?1", ids).chain(vs ->
                        AssessmentItem.<AssessmentItem>list("pairingId in ?1", ids).map(items -> {
            List<OverviewRow> out = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Pairing p = pairs.get(i);
                PairSummary s = summaries.get(i);
                List<PairingMilestone> mine = ms.stream().filter(m -> m.pairingId.equals(p.id)).toList();
                List<PairingMilestone> late = mine.stream().filter(m -> m.status == MilestoneStatus.PLANNED
                        && m.dueOn.isBefore(today)).toList();
                PairingMilestone next = mine.stream().filter(m -> m.status == MilestoneStatus.PLANNED)
                        .min(Comparator.comparing((PairingMilestone m) -> m.dueOn).thenComparing(m -> m.position)).orElse(null);
                int meetings = (int) mine.stream().filter(m -> m.kind == MilestoneKind.ONLINE_MEETING).count();
                int held = (int) mine.stream().filter(m -> m.kind == MilestoneKind.ONLINE_MEETING
                        && m.status == MilestoneStatus.DONE).count();
                int visits = (int) vs.stream().filter(v -> v.pairingId.equals(p.id) && !v.startOn.isAfter(today)).count();
                List<AssessmentItem> scored = items.stream().filter(x -> x.pairingId.equals(p.id)
                        && x.beforeScore != null && x.afterScore != null).toList();
                Double change = scored.isEmpty() ? null
                        : Math.round(scored.stream().mapToInt(x -> x.afterScore - x.beforeScore).average().orElse(0) * 10) / 10.0;
                List<String> lateTitles = late.stream().map(m -> Messages.get(locale, "overview.late-item", m.title,
                        ChronoUnit.DAYS.between(m.dueOn, today))).toList();
                out.add(new OverviewRow(p.id, s.implementing(), s.supporting(), s.themes(), p.status.name(),
                        next == null ? null : next.title, next == null ? null : next.dueOn, late.size(), lateTitles,
                        held, meetings, visits, change, !late.isEmpty()));
            }
            return out;
        })));
    }

    record MapData(List<Tile> tiles, List<PairLine> lines) {
    }

    Uni<MapData> map(List<PairSummary> summaries, List<Pairing> pairs, Locale locale) {
        Set<Long> orgIds = new HashSet<>();
        pairs.forEach(p -> {
            orgIds.add(p.implementingId);
            orgIds.add(p.supportingId);
        });
        Uni<Map<Long, Short>> prefOf = orgIds.isEmpty() ? Uni.createFrom().item(Map.of())
                : Organization.<Organization>list("id in ?1", orgIds)
                .map(list -> list.stream().collect(Collectors.toMap(o -> o.id, o -> o.prefectureCode)));
        return prefectures.all().chain(prefs -> prefOf.map(orgPref -> {
            Map<Short, int[]> counts = new HashMap<>();
            for (Pairing p : pairs) {
                counts.computeIfAbsent(orgPref.get(p.implementingId), k -> new int[2])[0]++;
                counts.computeIfAbsent(orgPref.get(p.supportingId), k -> new int[2])[1]++;
            }
            Map<Short, Prefectures.Ref> byCode = prefs.stream().collect(Collectors.toMap(x -> x.code(), x -> x));
            List<Tile> tiles = prefs.stream().map(x -> {
                int[] c = counts.getOrDefault(x.code(), new int[2]);
                String state = c[0] > 0 && c[1] > 0 ? "both" : c[0] > 0 ? "implementing" : c[1] > 0 ? "supporting" : "none";
                return new Tile(x.code(), x.name(locale), x.tileCol() * TILE + 4, x.tileRow() * TILE + 4, c[0], c[1], state);
            }).toList();
            List<PairLine> lines = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Prefectures.Ref a = byCode.get(orgPref.get(pairs.get(i).implementingId));
                Prefectures.Ref b = byCode.get(orgPref.get(pairs.get(i).supportingId));
                int half = TILE / 2;
                lines.add(new PairLine(a.tileCol() * TILE + 4 + half - 2, a.tileRow() * TILE + 4 + half - 2,
                        b.tileCol() * TILE + 4 + half - 2, b.tileRow() * TILE + 4 + half - 2,
                        summaries.get(i).implementing().name() + " × " + summaries.get(i).supporting().name()));
            }
            return new MapData(tiles, lines);
        }));
    }

    /**
     * Centers that have ever taken part (model centers, implementing and supporting centers), year
     * by year, against the plan of doubling the pairs every year from the first year with pairs
     * ({@code programs}: every program, in fiscal-year order).
     */
    Uni<List<CoverageRow>> coverage(Locale locale, List<Program> programs) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT p.fiscal_year, x.org, x.is_pair_impl, p.total_centers FROM program p JOIN ("
                                + " SELECT program_id, organization_id AS org, false AS is_pair_impl FROM program_model_center"
                                + " UNION ALL SELECT program_id, implementing_id, true FROM pairing"
                                + " UNION ALL SELECT program_id, supporting_id, false FROM pairing) x ON x.program_id = p.id"
                                + " ORDER BY p.fiscal_year", Object[].class).getResultList())
                .map(rows -> {
                    Map<Integer, Set<Long>> centers = new TreeMap<>();
                    Map<Integer, Integer> pairs = new TreeMap<>();
                    programs.forEach(p -> {
                        centers.put(p.fiscalYear, new HashSet<>());
                        pairs.put(p.fiscalYear, 0);
                    });
                    for (Object[] r : rows) {
                        int year = ((Number) r[0]).intValue();
                        centers.get(year).add(((Number) r[1]).longValue());
                        if (Boolean.TRUE.equals(r[2])) {
                            pairs.merge(year, 1, Integer::sum);
                        }
                    }
                    int total = programs.isEmpty() ? 337 : programs.get(programs.size() - 1).totalCenters;
                    Set<Long> cumulative = new HashSet<>();
                    Integer baseYear = null;
                    int basePairs = 0;
                    Integer plannedCumulative = null;
                    List<CoverageRow> out = new ArrayList<>();
                    for (Map.Entry<Integer, Set<Long>> e : centers.entrySet()) {
                        int year = e.getKey();
                        int n = pairs.get(year);
                        Set<Long> before = new HashSet<>(cumulative);
                        cumulative.addAll(e.getValue());
                        Integer planned = null;
                        if (baseYear == null && n > 0) {
                            baseYear = year;
                            basePairs = n;
                            plannedCumulative = before.size();
                        }
                        if (baseYear != null) {
                            planned = (int) Math.min(total, basePairs * Math.pow(2, year - baseYear));
                            plannedCumulative = Math.min(total, plannedCumulative + planned);
                        }
                        out.add(new CoverageRow(year, JapaneseCalendar.fiscalYearLabel(year, locale), n, planned,
                                e.getValue().size(), cumulative.size(), plannedCumulative,
                                Math.round(cumulative.size() * 1000.0 / total) / 10.0));
                    }
                    return out;
                });
    }

    /** The national view as CSV (UTF-8 with BOM so Excel opens it); the export is audited. */
    @WithTransaction
    public Uni<String> csv(Viewer viewer, long programId, String ip) {
        return overview(viewer, programId, new Filter(null, null, false, "implementing", false)).call(o ->
                audit.record(AuditType.PROGRAM_EXPORTED, viewer.accountId(), viewer.email(), "program:" + programId, ip,
                        "rows=" + o.rows().size())).map(o -> {
            Locale l = viewer.locale();
            StringBuilder sb = new StringBuilder("\uFEFF");
            line(sb, List.of(Messages.get(l, "overview.col.implementing"), Messages.get(l, "overview.col.implementing-pref"),
                    Messages.get(l, "overview.col.supporting"), Messages.get(l, "overview.col.supporting-pref"),
                    Messages.get(l, "overview.col.themes"), Messages.get(l, "overview.col.status"),
                    Messages.get(l, "overview.col.next"), Messages.get(l, "overview.col.due"),
                    Messages.get(l, "overview.col.late"), Messages.get(l, "overview.col.late-items"),
                    Messages.get(l, "overview.col.meetings"), Messages.get(l, "overview.col.visits"),
                    Messages.get(l, "overview.col.change")));
            for (OverviewRow r : o.rows()) {
                line(sb, List.of(r.implementing().name(), r.implementing().prefecture(), r.supporting().name(),
                        r.supporting().prefecture(),
                        r.themes().stream().map(t -> Messages.get(l, "theme." + t)).collect(Collectors.joining(" / ")),
                        Messages.get(l, "pairing-status." + r.status()), r.nextMilestone() == null ? "" : r.nextMilestone(),
                        r.nextDue() == null ? "" : r.nextDue().toString(), String.valueOf(r.lateCount()),
                        String.join(" / ", r.lateMilestones()), r.meetingsHeld() + "/" + r.meetingsPlanned(),
                        String.valueOf(r.visitsDone()), r.assessmentChange() == null ? "" : String.valueOf(r.assessmentChange())));
            }
            return sb.toString();
        });
    }

    static void line(StringBuilder sb, List<String> cells) {
        sb.append(cells.stream().map(OverviewService::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
