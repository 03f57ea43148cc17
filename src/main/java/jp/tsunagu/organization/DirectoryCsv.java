package jp.tsunagu.organization;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.platform.web.CsvUpload;
import jp.tsunagu.platform.web.DatabaseFaults;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Problems;
import jp.tsunagu.platform.web.Values;
import org.apache.commons.csv.CSVRecord;
import org.hibernate.reactive.mutiny.Mutiny;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The national directory as a CSV file, both ways: the secretariat imports organizations (added,
 * or updated by their stable code) and exports them in the same shape, so a file exported,
 * corrected in a spreadsheet and imported again changes exactly what was corrected. Files are read
 * by {@link CsvUpload} (UTF-8 or Shift_JIS). Each line is checked and stored alone, in its own
 * transaction: a refused line stores nothing, the good lines are kept, and the report names every
 * line's outcome and every refused field.
 */
@ApplicationScoped
public class DirectoryCsv {

    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_LINES = 10_000;

    /** The columns, as the header row names them. */
    public static final List<String> COLUMNS = List.of("code", "type", "name", "shortName", "prefectureCode", "municipality",
            "catchmentAreas", "address", "operatingCorporation", "phone", "fax", "email", "website");
    static final Set<String> REQUIRED = Set.of("code", "type", "name", "prefectureCode");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AREA_SEPARATORS = "[;；]";

    /** One line of the file once its cells are read; what Bean Validation checks. */
    record Line(@Size(max = 81) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,80}$", message = "format") String code,
                @NotBlank @Size(max = 200) String name,
                @Size(max = 100) String shortName,
                @Size(max = 100) String municipality,
                @Size(max = 20) List<@Size(min = 1, max = 200) String> catchmentAreas,
                @Size(max = 300) String address,
                @Size(max = 200) String operatingCorporation,
                @Pattern(regexp = OrganizationInputs.PHONE, message = "format") String phone,
                @Pattern(regexp = OrganizationInputs.PHONE, message = "format") String fax,
                @Email(message = "email") @Pattern(regexp = OrganizationInputs.EMAIL, message = "email") @Size(max = 254) String email,
                @Size(max = 500) @Pattern(regexp = OrganizationInputs.URL, message = "url") String website) {
    }

    public enum Outcome { ADDED, UPDATED, UNCHANGED, REFUSED }

    public record LineResult(long line, String code, Long id, Outcome outcome) {
    }

    public record LineError(long line, String field, String code, Map<String, String> message) {
    }

    public record Report(String encoding, int lines, int added, int updated, int unchanged, int refused,
                         List<LineResult> results, List<LineError> errors) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    AuditLog audit;

    /** The import template: the header row and one example line, UTF-8 with BOM. */
    public static String template() {
        return CsvText.BOM + CsvText.row(COLUMNS) + CsvText.row(List.of("", "RETENTION_SUPPORT", "定着支援センターサンプル（架空）",
                "サンプル", "47", "那覇市", "南部圏域", "那覇市おもろまち0-0-0", "社会福祉法人サンプル会", "098-000-0000", "098-000-0001",
                "office@example.jp", "https://example.jp/"));
    }

    // ------------------------------------------------------------------ import

    public Uni<Report> importCsv(Viewer viewer, byte[] bytes, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        policy.require(viewer, Action.EDIT, new Resource.DirectoryUpkeep());
        CsvUpload.Parsed parsed = CsvUpload.parse(bytes, MAX_BYTES, MAX_LINES, COLUMNS, REQUIRED);
        Set<String> present = new HashSet<>(parsed.header());
        List<LineResult> results = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Set<String> codesSeen = new HashSet<>();
        return prefectures().chain(prefs -> Multi.createFrom().iterable(parsed.records()).onItem().transformToUniAndConcatenate(r -> {
            long line = r.getRecordNumber() + 1;
            Read read;
            try {
                read = read(r, prefs, codesSeen);
            } catch (ProblemException e) {
                refuse(line, CsvUpload.cell(r, "code"), e, results, errors);
                return Uni.createFrom().voidItem();
            }
            return Panache.withTransaction(() -> Panache.getSession().chain(s -> store(s, viewer, read, present)
                            .call(stored -> stored.outcome() == Outcome.UNCHANGED ? Uni.createFrom().voidItem()
                                    : audit.record(AuditType.ORGANIZATION_IMPORTED, viewer.accountId(), viewer.email(),
                                    "organization:" + stored.id(), ip, "line=" + line + " " + stored.outcome().name()))))
                    .invoke(stored -> results.add(new LineResult(line, stored.code(), stored.id(), stored.outcome())))
                    .replaceWithVoid()
                    .onFailure(e -> e instanceof ProblemException || DatabaseFaults.refusedValue(e) != null
                            || DatabaseFaults.contention(e)).recoverWithItem(e -> {
                        // a value the database refused, or a row another import or registration wrote at the same
                        // moment: this line is refused (its transaction rolled back), the others go on
                        ProblemException pe = e instanceof ProblemException p ? p
                                : DatabaseFaults.contention(e) ? new ProblemException(409, "conflict") : DatabaseFaults.refusedValue(e);
                        refuse(line, read.line().code(), pe, results, errors);
                        return null;
                    });
        }).collect().last())
                .chain(x -> summarize(viewer, ip, parsed, results, errors, null))
                .onFailure().call(e -> summarize(viewer, ip, parsed, results, errors, e).onFailure().recoverWithNull());
    }

    /** The import's own audit event, also when it stopped half-way (the lines stored before stay, each audited). */
    Uni<Report> summarize(Viewer viewer, String ip, CsvUpload.Parsed parsed, List<LineResult> results, List<LineError> errors,
                          Throwable stopped) {
        Report report = new Report(parsed.encoding(), parsed.records().size(), count(results, Outcome.ADDED),
                count(results, Outcome.UPDATED), count(results, Outcome.UNCHANGED), count(results, Outcome.REFUSED), results, errors);
        return Panache.withTransaction(() -> audit.record(AuditType.ORGANIZATION_IMPORTED, viewer.accountId(), viewer.email(),
                        "organizations", ip, "encoding=" + report.encoding() + " lines=" + report.lines() + " added=" + report.added()
                                + " updated=" + report.updated() + " unchanged=" + report.unchanged() + " refused=" + report.refused()
                                + (stopped == null ? "" : " stopped after line " + (results.size() + 1))))
                .map(y -> report);
    }

    static int count(List<LineResult> results, Outcome o) {
        return (int) results.stream().filter(r -> r.outcome() == o).count();
    }

    static void refuse(long line, String code, ProblemException e, List<LineResult> results, List<LineError> errors) {
        results.add(new LineResult(line, code, null, Outcome.REFUSED));
        if (e.fieldErrors().isEmpty()) {
            errors.add(new LineError(line, null, e.key(), Problems.both("problem." + e.key())));
        }
        e.fieldErrors().forEach(f -> errors.add(new LineError(line, f.field(), f.key(), Problems.both("field." + f.key(),
                f.args().toArray()))));
    }

    /** A line as read: its checked cells, the type and the prefecture. */
    record Read(Line line, OrgType type, Short prefecture) {
    }

    /** The cells of one line, checked; a 400 naming each refused field. */
    Read read(CSVRecord r, Map<String, Short> prefs, Set<String> codesSeen) {
        String code = CsvUpload.cell(r, "code");
        String areasCell = CsvUpload.cell(r, "catchmentAreas");
        List<String> areas = areasCell == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(Arrays.stream(areasCell.split(AREA_SEPARATORS))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        Line line = new Line(code == null ? null : code.strip(), strip(CsvUpload.cell(r, "name")), strip(CsvUpload.cell(r, "shortName")),
                strip(CsvUpload.cell(r, "municipality")), areas, strip(CsvUpload.cell(r, "address")),
                strip(CsvUpload.cell(r, "operatingCorporation")), strip(CsvUpload.cell(r, "phone")), strip(CsvUpload.cell(r, "fax")),
                strip(CsvUpload.cell(r, "email")), strip(CsvUpload.cell(r, "website")));
        Params checked = inputs.of(line);
        OrgType type = type(checked, CsvUpload.cell(r, "type"));
        Short prefecture = prefecture(checked, CsvUpload.cell(r, "prefectureCode"), prefs, type);
        if (!areas.isEmpty() && prefecture == null && type != null) {
            checked.error("catchmentAreas", "area-needs-prefecture");
        }
        if (line.code() != null && !codesSeen.add(line.code())) {
            checked.error("code", "duplicate-code");
        }
        checked.check();
        return new Read(line, type, prefecture);
    }

    static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** The type by its code (RETENTION_SUPPORT) or its Japanese or English name (就労定着支援事業所). */
    static OrgType type(Params p, String raw) {
        if (raw == null) {
            p.error("type", "required");
            return null;
        }
        String s = raw.strip();
        for (OrgType t : OrgType.values()) {
            if (t.name().equalsIgnoreCase(s) || Messages.get(Messages.JA, "org-type." + t.name()).equals(s)
                    || Messages.get(Messages.EN, "org-type." + t.name()).equalsIgnoreCase(s)) {
                return t;
            }
        }
        p.error("type", "unknown-value");
        return null;
    }

    /** The prefecture by its code (1–47) or its name (沖縄県, 沖縄, Okinawa); none only for the national network. */
    static Short prefecture(Params p, String raw, Map<String, Short> prefs, OrgType type) {
        if (raw == null) {
            if (type != OrgType.NATIONAL_NETWORK) {
                p.error("prefectureCode", "required");
            }
            return null;
        }
        String s = raw.strip();
        if (s.chars().allMatch(Character::isDigit) && s.length() <= 2) {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 47) {
                return (short) n;
            }
            p.error("prefectureCode", "range");
            return null;
        }
        Short code = prefs.get(s.toLowerCase(Locale.ROOT));
        if (code == null) {
            p.error("prefectureCode", "unknown-value");
        }
        return code;
    }

    /** Every prefecture's code by each name it is written as: 東京都, 東京, tokyo. */
    Uni<Map<String, Short>> prefectures() {
        return Panache.withSession(() -> Prefecture.<Prefecture>listAll()).map(ps -> {
            Map<String, Short> m = new HashMap<>();
            for (Prefecture pr : ps) {
                m.put(pr.nameJa, pr.code);
                m.put(pr.nameEn.toLowerCase(Locale.ROOT), pr.code);
                if (!pr.nameJa.equals("北海道")) {
                    m.put(pr.nameJa.substring(0, pr.nameJa.length() - 1), pr.code);
                }
            }
            return m;
        });
    }

    record Stored(String code, long id, Outcome outcome) {
    }

    /**
     * Adds the organization, or updates the one with this code: the columns the file has are set
     * (an empty cell clears the value), the others are left as they are. The type of an existing
     * organization is not changed by a file (its administrators' roles depend on it).
     */
    Uni<Stored> store(Mutiny.Session s, Viewer viewer, Read read, Set<String> present) {
        Line in = read.line();
        Uni<Organization> existing = in.code() == null ? Uni.createFrom().nullItem()
                : s.createSelectionQuery("from Organization where code = :code", Organization.class).setParameter("code", in.code())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull();
        Uni<String> mergedInto = in.code() == null ? Uni.createFrom().nullItem()
                : s.createNativeQuery("SELECT o.code FROM organization_merge m JOIN organization o ON o.id = m.into_id WHERE m.old_code = :code",
                        String.class).setParameter("code", in.code()).getSingleResultOrNull();
        return existing.chain(org -> mergedInto.map(into -> {
            if (org == null && into != null) {
                // a file exported before a merge: the duplicate does not come back
                throw ProblemException.badRequest(List.of(new ProblemException.FieldError("code", "merged-into", List.of(into))));
            }
            return org;
        })).chain(org -> {
            boolean adding = org == null;
            Organization o = adding ? new Organization() : org;
            if (!adding && o.orgType != read.type()) {
                throw ProblemException.field("type", "type-change");
            }
            String before = adding ? "" : snapshot(o);
            if (adding) {
                o.code = in.code() != null ? in.code() : "org-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
                o.orgType = read.type();
                o.confirmed = true;
                o.registeredBy = viewer.accountId();
            }
            o.name = in.name();
            o.prefectureCode = read.prefecture();
            if (adding || present.contains("shortName")) {
                o.shortName = in.shortName();
            }
            if (adding || present.contains("municipality")) {
                o.municipality = in.municipality();
            }
            if (adding || present.contains("address")) {
                o.address = in.address();
            }
            if (adding || present.contains("operatingCorporation")) {
                o.operatingCorporation = in.operatingCorporation();
            }
            if (adding || present.contains("phone")) {
                o.phone = in.phone();
            }
            if (adding || present.contains("fax")) {
                o.fax = in.fax();
            }
            if (adding || present.contains("email")) {
                o.email = in.email();
            }
            if (adding || present.contains("website")) {
                o.website = in.website();
            }
            boolean fieldsChanged = adding || !before.equals(snapshot(o));
            Uni<Organization> saved = adding ? s.persist(o).chain(s::flush).map(x -> o) : Uni.createFrom().item(o);
            return saved.chain(so -> present.contains("catchmentAreas") ? areas(s, so, in.catchmentAreas()) : Uni.createFrom().item(false))
                    .map(areasChanged -> new Stored(o.code, o.id, adding ? Outcome.ADDED
                            : fieldsChanged || areasChanged ? Outcome.UPDATED : Outcome.UNCHANGED));
        });
    }

    static String snapshot(Organization o) {
        return String.join("\u0000", Objects.toString(o.name), Objects.toString(o.shortName), Objects.toString(o.prefectureCode),
                Objects.toString(o.municipality), Objects.toString(o.address), Objects.toString(o.operatingCorporation),
                Objects.toString(o.phone), Objects.toString(o.fax), Objects.toString(o.email), Objects.toString(o.website));
    }

    /**
     * The areas the organization serves become those named, matched by name in its prefecture;
     * a name the prefecture does not have yet becomes a new catchment area. True if anything changed.
     */
    static Uni<Boolean> areas(Mutiny.Session s, Organization o, List<String> names) {
        Uni<Void> created = names.isEmpty() ? Uni.createFrom().voidItem()
                : s.createNativeQuery("INSERT INTO catchment_area (prefecture_code, name, kind) SELECT :pref, n, 'CATCHMENT'"
                        + " FROM unnest(cast(:names as text[])) AS n ON CONFLICT (prefecture_code, name) DO NOTHING")
                .setParameter("pref", o.prefectureCode).setParameter("names", names.toArray(String[]::new)).executeUpdate().replaceWithVoid();
        return created.chain(x -> s.createNativeQuery("SELECT area_id FROM organization_area WHERE organization_id = :id", Long.class)
                        .setParameter("id", o.id).getResultList())
                .chain(before -> (names.isEmpty() ? Uni.createFrom().item(List.<Long>of())
                        : s.createNativeQuery("SELECT id FROM catchment_area WHERE prefecture_code = :pref AND name = ANY(cast(:names as text[]))",
                                Long.class).setParameter("pref", o.prefectureCode).setParameter("names", names.toArray(String[]::new))
                        .getResultList())
                        .chain(after -> {
                            if (new HashSet<>(before).equals(new HashSet<>(after))) {
                                return Uni.createFrom().item(false);
                            }
                            return s.createNativeQuery("DELETE FROM organization_area WHERE organization_id = :id").setParameter("id", o.id)
                                    .executeUpdate()
                                    .chain(y -> after.isEmpty() ? Uni.createFrom().item(0) : s.createNativeQuery(
                                                    "INSERT INTO organization_area (organization_id, area_id) SELECT :id, a FROM unnest(cast(:areas as bigint[])) AS a")
                                            .setParameter("id", o.id).setParameter("areas", after.toArray(Long[]::new)).executeUpdate())
                                    .map(y -> true);
                        }));
    }

    // ------------------------------------------------------------------ export

    /** The organizations of one prefecture and/or type (all when none), in the import's shape; UTF-8 with BOM. */
    public Uni<String> export(Viewer viewer, Short prefecture, OrgType type, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        policy.require(viewer, Action.VIEW, new Resource.DirectoryUpkeep());
        String where = " where 1 = 1" + (prefecture == null ? "" : " and o.prefectureCode = :pref") + (type == null ? "" : " and o.orgType = :type");
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery("from Organization o" + where + " order by o.prefectureCode nulls first, o.orgType, o.code",
                    Organization.class);
            if (prefecture != null) {
                q.setParameter("pref", prefecture);
            }
            if (type != null) {
                q.setParameter("type", type);
            }
            return q.getResultList().chain(orgs -> areaNames(s).map(areas -> csv(orgs, areas)));
        }).call(csv -> audit.record(AuditType.ORGANIZATION_EXPORTED, viewer.accountId(), viewer.email(), "organizations", ip,
                "prefecture=" + (prefecture == null ? "all" : prefecture) + " type=" + (type == null ? "all" : type.name()))));
    }

    /** The names of the areas each organization serves, by organization id. */
    static Uni<Map<Long, List<String>>> areaNames(Mutiny.Session s) {
        return s.createNativeQuery("SELECT oa.organization_id, a.name FROM organization_area oa JOIN catchment_area a ON a.id = oa.area_id"
                + " ORDER BY a.name", Object[].class).getResultList().map(rows -> rows.stream().collect(Collectors.groupingBy(
                r -> ((Number) r[0]).longValue(), Collectors.mapping(r -> (String) r[1], Collectors.toList()))));
    }

    static String csv(List<Organization> orgs, Map<Long, List<String>> areas) {
        StringBuilder b = new StringBuilder(CsvText.BOM).append(CsvText.row(COLUMNS));
        for (Organization o : orgs) {
            b.append(CsvText.row(Arrays.asList(o.code, o.orgType.name(), o.name, o.shortName, o.prefectureCode, o.municipality,
                    String.join(";", areas.getOrDefault(o.id, List.of())), o.address, o.operatingCorporation, o.phone, o.fax, o.email,
                    o.website)));
        }
        return b.toString();
    }
}
