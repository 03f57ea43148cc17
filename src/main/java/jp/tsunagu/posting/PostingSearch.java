package jp.tsunagu.posting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy.PostingScope;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.search.JapaneseText;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.DatabaseFaults;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.posting.PostingTerms.Category;
import jp.tsunagu.posting.PostingTerms.Disability;
import jp.tsunagu.posting.PostingTerms.EmploymentType;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.Sort;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingViews.PostingSummary;
import jp.tsunagu.posting.PostingViews.SearchPage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The posting search: Japanese text (bigram match, Kuromoji-weighted rank; see
 * {@link JapaneseText}), filters, sort and paging, always inside the viewer's posting scope
 * from the access policy — the same rule as a single posting's VIEW, as SQL. One statement on the
 * reactive pool; the total comes with the page.
 */
@ApplicationScoped
public class PostingSearch {

    public static final int MAX_SIZE = 100;

    /** Browsing without words counts results up to this many; beyond it the page says "more than 1,000". */
    public static final int TOTAL_CAP = 1000;

    /** Search parameters as given (strings from a query string or form); {@link #parse} checks them. */
    public record Query(String q, String kind, String prefecture, String area, String category, String hoursMin,
                        String hoursMax, String employmentType, String carving, String disability, String source,
                        String circle, String since, String mine, String sort, String page, String size) {
        public static Query of(Function<String, String> get) {
            return new Query(get.apply("q"), get.apply("kind"), get.apply("prefecture"), get.apply("area"),
                    get.apply("category"), get.apply("hoursMin"), get.apply("hoursMax"), get.apply("employmentType"),
                    get.apply("carving"), get.apply("disability"), get.apply("source"), get.apply("circle"),
                    get.apply("since"), get.apply("mine"), get.apply("sort"), get.apply("page"), get.apply("size"));
        }
    }

    /** Checked filters. */
    public record Filters(String q, Kind kind, Integer prefecture, Long area, Category category, BigDecimal hoursMin,
                          BigDecimal hoursMax, EmploymentType employmentType, boolean carving, Disability disability,
                          Source source, Long circle, LocalDate since, boolean mine, Sort sort, int page, int size) {
    }

    @Inject
    Pool pool;

    @Inject
    AccessPolicy policy;

    /** 400 naming every bad parameter. */
    public static Filters parse(Query in) {
        Params p = new Params();
        String q = in.q() == null ? "" : in.q().trim();
        if (q.length() > JapaneseText.MAX_QUERY) {
            p.error("q", "too-long");
        }
        Kind kind = p.choice("kind", in.kind(), v -> PostingTerms.parse(Kind.class, v));
        Long pref = p.optionalLong("prefecture", in.prefecture(), 1, 47);
        Long area = p.optionalLong("area", in.area(), 1, Long.MAX_VALUE);
        Category category = p.choice("category", in.category(), v -> PostingTerms.parse(Category.class, v));
        BigDecimal min = hours(p, "hoursMin", in.hoursMin());
        BigDecimal max = hours(p, "hoursMax", in.hoursMax());
        if (min != null && max != null && max.compareTo(min) < 0) {
            p.error("hoursMax", "range");
        }
        EmploymentType type = p.choice("employmentType", in.employmentType(), v -> PostingTerms.parse(EmploymentType.class, v));
        Disability disability = p.choice("disability", in.disability(), v -> PostingTerms.parse(Disability.class, v));
        Source source = p.choice("source", in.source(), v -> PostingTerms.parse(Source.class, v));
        Long circle = p.optionalLong("circle", in.circle(), 1, Long.MAX_VALUE);
        LocalDate since = p.date("since", in.since());
        Sort sort = p.choice("sort", in.sort(), v -> PostingTerms.parse(Sort.class, v.toUpperCase(Locale.ROOT)));
        int page = p.intOr("page", in.page(), 1, 1, 10_000);
        int size = p.intOr("size", in.size(), 20, 1, MAX_SIZE);
        p.check();
        return new Filters(q, kind, pref == null ? null : pref.intValue(), area, category, min, max, type,
                flag(in.carving()), disability, source, circle, since, flag(in.mine()),
                sort != null ? sort : q.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE, page - 1, size);
    }

    static boolean flag(String raw) {
        return raw != null && (raw.equals("true") || raw.equals("on") || raw.equals("1"));
    }

    static BigDecimal hours(Params p, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(raw.trim());
            if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(40)) > 0) {
                p.error(field, "range");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            p.error(field, "format");
            return null;
        }
    }

    /** The SQL and its parameters for a search (kept apart so the benchmark can run the very same statement). */
    public record Statement(String sql, Tuple params, boolean exactTotal) {
    }

    public Statement statement(PostingScope scope, Filters f, String lang) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        String match = JapaneseText.matchQuery(f.q());
        String rank = JapaneseText.rankQuery(f.q());
        args.add(scope.ownOrganizations().toArray(Long[]::new));
        args.add(scope.network());
        args.add(scope.circles().toArray(Long[]::new));
        args.add(audienceKeys(scope));
        // the audience keys find the candidates in the search index (V7); the policy's own rule decides
        where.append("p.audience && $4 AND (p.owner_org_id = ANY($1) OR ($2 AND p.visibility = 'NETWORK') OR (p.visibility = 'CIRCLES' AND EXISTS"
                + " (SELECT 1 FROM posting_share s WHERE s.posting_id = p.id AND s.circle_id = ANY($3))))");
        if (f.mine()) {
            where.append(" AND p.owner_org_id = ANY($1)");
        } else {
            where.append(" AND p.status = 'OPEN'");
        }
        String rankExpr = "0";
        if (!match.isEmpty()) {
            args.add(match);
            where.append(" AND p.search_vector @@ $").append(args.size()).append("::tsquery");
            args.add(rank);
            rankExpr = "ts_rank(p.search_vector, $" + args.size() + "::tsquery)";
        } else if (!f.q().isEmpty()) {
            where.append(" AND false");
        }
        if (f.kind() != null) {
            args.add(f.kind().name());
            where.append(" AND p.kind = $").append(args.size());
        }
        if (f.prefecture() != null) {
            args.add(f.prefecture().shortValue());
            where.append(" AND p.prefecture_code = $").append(args.size());
        }
        if (f.area() != null) {
            args.add(f.area());
            where.append(" AND p.area_id = $").append(args.size());
        }
        if (f.category() != null) {
            args.add(f.category().name());
            where.append(" AND p.job_category = $").append(args.size());
        }
        if (f.hoursMin() != null) {
            args.add(f.hoursMin());
            where.append(" AND p.hours_per_week >= $").append(args.size());
        }
        if (f.hoursMax() != null) {
            args.add(f.hoursMax());
            where.append(" AND p.hours_per_week <= $").append(args.size());
        }
        if (f.employmentType() != null) {
            args.add(f.employmentType().name());
            where.append(" AND p.employment_type = $").append(args.size());
        }
        if (f.carving()) {
            where.append(" AND (p.split_shift OR p.short_hours OR p.weekly_pay OR p.daily_pay OR p.trial_step)");
        }
        if (f.disability() != null) {
            args.add(f.disability().name());
            where.append(" AND $").append(args.size()).append(" = ANY(p.disability_experience)");
        }
        if (f.source() != null) {
            args.add(f.source().name());
            where.append(" AND p.source = $").append(args.size());
        }
        if (f.circle() != null) {
            args.add(f.circle());
            where.append(" AND EXISTS (SELECT 1 FROM posting_share s2 WHERE s2.posting_id = p.id AND s2.circle_id = $")
                    .append(args.size()).append(")");
        }
        if (f.since() != null) {
            args.add(f.since().atStartOfDay(JapaneseCalendar.TOKYO).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC));
            where.append(" AND p.created_at >= $").append(args.size());
        }
        String order = switch (f.sort()) {
            case RELEVANCE -> "rank DESC, p.created_at DESC, p.id DESC";
            case NEWEST -> "p.created_at DESC, p.id DESC";
            case EXPIRY -> "p.expires_on ASC, p.id ASC";
        };
        args.add(f.size());
        int limit = args.size();
        args.add(f.page() * f.size());
        int offset = args.size();
        String prefName = "en".equals(lang) ? "pr.name_en" : "pr.name_ja";
        // find, rank and cut the page on the posting table alone; names only for the page's rows.
        // With words, every match is read to be ranked anyway, so the total comes exactly with the
        // window; without, the page is read in date order from an index and the total is counted up
        // to TOTAL_CAP + 1 only (an exact count would read every visible posting in the country)
        String total = match.isEmpty()
                ? "(SELECT count(*) FROM (SELECT 1 FROM posting p WHERE " + where + " LIMIT " + (TOTAL_CAP + 1) + ") counted)"
                : "hits.total";
        String sql = "SELECT p.id, p.kind, p.title, p.company_name, " + prefName + " AS prefecture, p.municipality,"
                + " p.job_category, p.employment_type, p.hours_per_week, p.wage_type, p.wage_yen,"
                + " (p.split_shift OR p.short_hours OR p.weekly_pay OR p.daily_pay OR p.trial_step) AS carving,"
                + " p.visibility, p.do_not_forward, p.expires_on, p.created_at, o.name AS owner, p.status, p.owner_org_id,"
                + " p.source, p.hello_work_number, ARRAY(SELECT s.circle_id FROM posting_share s WHERE s.posting_id = p.id"
                // the circles a posting reached, as far as the viewer may know them (the owner's staff: all)
                + " AND (p.owner_org_id = ANY($1) OR s.circle_id = ANY($3)))"
                + " AS circle_ids, " + total + " AS total"
                + " FROM (SELECT p.id, p.created_at, p.expires_on, " + rankExpr + " AS rank"
                + (match.isEmpty() ? "" : ", count(*) OVER () AS total")
                + " FROM posting p WHERE " + where + " ORDER BY " + order + " LIMIT $" + limit + " OFFSET $" + offset + ") hits"
                + " JOIN posting p ON p.id = hits.id JOIN prefecture pr ON pr.code = p.prefecture_code"
                + " JOIN organization o ON o.id = p.owner_org_id ORDER BY " + order.replace("rank", "hits.rank");
        return new Statement(sql, Tuple.from(args), !match.isEmpty());
    }

    /**
     * The viewer's keys into {@code posting.audience}: minus each own organization's id, 0 for
     * network-wide postings when the scope includes them, and each circle's id.
     */
    static Long[] audienceKeys(PostingScope scope) {
        List<Long> keys = new ArrayList<>();
        scope.ownOrganizations().forEach(id -> keys.add(-id));
        if (scope.network()) {
            keys.add(0L);
        }
        keys.addAll(scope.circles());
        return keys.toArray(Long[]::new);
    }

    public Uni<SearchPage> search(Viewer viewer, Filters f) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Statement st = statement(policy.postingScope(viewer), f, viewer.locale().getLanguage());
        return pool.preparedQuery(st.sql()).execute(st.params()).onFailure().transform(DatabaseFaults::mark).map(rows -> {
            List<PostingSummary> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(summary(r));
            }
            if (items.isEmpty() && f.page() > 0) {
                total = -1;
            }
            boolean capped = !st.exactTotal() && total > TOTAL_CAP;
            return new SearchPage(items, capped ? TOTAL_CAP : Math.max(total, 0), capped, f.page(), f.size(), f.q());
        });
    }

    static PostingSummary summary(Row r) {
        return new PostingSummary(r.getLong("id"), r.getString("kind"), r.getString("title"), r.getString("company_name"),
                r.getString("prefecture"), r.getString("municipality"), r.getString("job_category"),
                r.getString("employment_type"), r.getBigDecimal("hours_per_week") == null ? null
                : new BigDecimal(r.getBigDecimal("hours_per_week").toString()), r.getString("wage_type"),
                r.getInteger("wage_yen"), r.getBoolean("carving"), r.getString("visibility"), r.getBoolean("do_not_forward"),
                r.getLocalDate("expires_on"), r.getOffsetDateTime("created_at").toInstant(), r.getString("owner"),
                r.getString("status"), r.getLong("owner_org_id"),
                r.getString("source"), r.getString("hello_work_number"), Arrays.asList(r.getArrayOfLongs("circle_ids")));
    }
}
