package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.directory.CatchmentArea;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.OrganizationArea;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.Answers.Given;
import jp.tsunagu.questionnaire.BuiltIn;
import jp.tsunagu.questionnaire.Questionnaire;
import jp.tsunagu.questionnaire.QuestionnaireResponse;
import jp.tsunagu.questionnaire.QuestionnaireService;
import jp.tsunagu.questionnaire.Structure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo data (after the SQL sets): the FY2023 attitude survey of the six implementing centers'
 * areas (seed 001 L3745–3817), sent to 478 offices between 2023-09-04 and 10-31, 164 answers. The
 * offices are fictitious (（架空）), as are the answers beyond the report's published figures, which
 * they reproduce: 実績あり 83 / なし 81; 235 services ticked; of 161 answering the retention period,
 * 22.4 % only within it, 35 % beyond it individually and "6割以上" beyond or with the region; 139
 * answering the partner agencies, 相談支援 first, ナカポツ second, 職業センター under half of it;
 * 157 answering the usefulness questions; 津 rating 企業・職場 as lacking far above the whole, and
 * above the whole in "受けたことはないが、今後は受けてみたい"; 水戸 the highest in it, below the
 * whole on 地域連携; Okinawa 76 offices asked, 16 answers (L1230). The results are shared into the
 * six pairs' circles (preliminary results at online meeting 2). Loaded once, in one transaction.
 */
@ApplicationScoped
public class SurveyDemo {

    private static final Logger LOG = Logger.getLogger(SurveyDemo.class);
    static final String MARKER = "surveys";

    /** The six areas: center code, area code, short label, offices asked, answers. */
    record Area(String center, String area, String label, short prefecture, int asked, int answered) {
    }

    static final List<Area> AREAS = List.of(
            new Area("hokkaido-noikeru", "hokkaido-noikeru-area", "石狩", (short) 1, 100, 35),
            new Area("gunma-tortoise", "gunma-tortoise-area", "藤岡", (short) 10, 42, 18),
            new Area("ibaraki-mito", "ibaraki-mito-area", "水戸", (short) 8, 120, 52),
            new Area("mie-flat", "mie-flat-area", "津", (short) 24, 70, 28),
            new Area("nara-chuwa-bridge", "nara-chuwa-bridge-area", "中和", (short) 29, 70, 15),
            new Area("okinawa-bridge", "okinawa-bridge-area", "沖縄", (short) 47, 76, 16));

    @ConfigProperty(name = "tsunagu.demo.enabled")
    boolean enabled;

    @Inject
    QuestionnaireService questionnaires;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        Integer loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::load));
        if (loaded != null && loaded > 0) {
            LOG.infof("Loaded demo data set '%s' (%d answers)", MARKER, loaded);
        }
    }

    Uni<Integer> load() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT count(*) FROM demo_data_load WHERE name = ?1", Long.class).setParameter(1, MARKER).getSingleResult())
                .chain(n -> n > 0 ? Uni.createFrom().item(0) : build());
    }

    private Uni<Integer> build() {
        return Organization.<Organization>find("code", "national-network").firstResult().chain(network -> {
            Survey s = new Survey();
            s.ownerOrganizationId = network.id;
            s.status = Survey.Status.SENT;
            s.opensOn = LocalDate.of(2023, 9, 4);
            s.deadline = LocalDate.of(2023, 10, 31);
            s.remindOn = LocalDate.of(2023, 10, 24);
            s.reminderClaimedAt = at(2023, 10, 24);
            s.fictitious = true;
            s.createdAt = at(2023, 8, 25);
            s.sentAt = at(2023, 9, 4);
            return s.<Survey>persistAndFlush();
        }).chain(s -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE survey SET program_id = (SELECT id FROM program WHERE fiscal_year = 2023) WHERE id = ?1")
                .setParameter(1, s.id).executeUpdate()).replaceWith(s))
                .chain(s -> {
                    Questionnaire q = new Questionnaire();
                    q.subjectType = SurveyWrites.SUBJECT;
                    q.subjectId = s.id;
                    q.createdAt = s.createdAt;
                    q.titleJa = BuiltIn.ATTITUDE_FY2023.definition().title().ja();
                    q.titleEn = BuiltIn.ATTITUDE_FY2023.definition().title().en();
                    return q.<Questionnaire>persistAndFlush().chain(saved -> questionnaires.define(saved, BuiltIn.ATTITUDE_FY2023.definition()))
                            .chain(questionnaires::structure)
                            .chain(st -> offices().chain(offices -> recipients(s, offices))
                                    .chain(recipients -> answers(st, recipients)))
                            .call(() -> share(s));
                })
                .call(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO demo_data_load (name) VALUES (?1)").setParameter(1, MARKER).executeUpdate()));
    }

    private static Instant at(int y, int m, int d) {
        return LocalDate.of(y, m, d).atTime(1, 0).toInstant(ZoneOffset.UTC);
    }

    /** The fictitious offices of each area, linked to the area. */
    private Uni<Map<Area, List<Organization>>> offices() {
        OrgType[] types = {OrgType.TRANSITION_SUPPORT, OrgType.CONTINUOUS_B, OrgType.CONTINUOUS_A, OrgType.CONTINUOUS_B,
                OrgType.RETENTION_SUPPORT, OrgType.CONTINUOUS_B, OrgType.TRANSITION_SUPPORT};
        Map<Area, List<Organization>> out = new LinkedHashMap<>();
        List<Organization> all = new ArrayList<>();
        int n = 0;
        for (Area a : AREAS) {
            List<Organization> list = new ArrayList<>();
            for (int i = 1; i <= a.asked(); i++) {
                n++;
                Organization o = new Organization();
                o.code = String.format("demo-office-%03d", n);
                o.orgType = types[n % types.length];
                o.name = String.format("（架空）%s地域 %s事業所 %d", a.label(), shortType(o.orgType), i);
                o.prefectureCode = a.prefecture();
                // about a third are asked by hand or post (no address on file)
                o.email = n % 3 == 0 ? null : String.format("office-%03d@demo.tsunagu.jp", n);
                o.confirmed = true;
                list.add(o);
                all.add(o);
            }
            out.put(a, list);
        }
        return Rows.persistAll(all).chain(Panache::flush).chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Area a : AREAS) {
                chain = chain.chain(() -> CatchmentArea.<CatchmentArea>find("code", a.area()).firstResult().chain(area -> {
                    List<OrganizationArea> links = new ArrayList<>();
                    for (Organization o : out.get(a)) {
                        OrganizationArea link = new OrganizationArea();
                        link.organizationId = o.id;
                        link.areaId = area.id;
                        links.add(link);
                    }
                    return Rows.persistAll(links);
                }));
            }
            return chain.chain(Panache::flush);
        }).replaceWith(out);
    }

    private static String shortType(OrgType t) {
        return switch (t) {
            case TRANSITION_SUPPORT -> "就労移行支援";
            case RETENTION_SUPPORT -> "就労定着支援";
            case CONTINUOUS_A -> "就労継続支援A型";
            default -> "就労継続支援B型";
        };
    }

    /** One recipient per office; the first {@code answered} of each area answer. */
    private Uni<List<Map.Entry<Area, SurveyRecipient>>> recipients(Survey s, Map<Area, List<Organization>> offices) {
        List<SurveyRecipient> all = new ArrayList<>();
        List<Map.Entry<Area, SurveyRecipient>> answering = new ArrayList<>();
        for (Area a : AREAS) {
            List<Organization> list = offices.get(a);
            for (int i = 0; i < list.size(); i++) {
                Organization o = list.get(i);
                SurveyRecipient r = new SurveyRecipient();
                r.surveyId = s.id;
                r.organizationId = o.id;
                r.email = o.email;
                r.addedAt = s.createdAt;
                r.sentAt = o.email == null ? null : s.sentAt;
                if (i >= a.answered() && o.email != null) {
                    r.remindedAt = at(2023, 10, 24);
                    r.reminders = 1;
                }
                all.add(r);
                if (i < a.answered()) {
                    answering.add(Map.entry(a, r));
                }
            }
        }
        return Rows.persistAll(all).chain(Panache::flush).replaceWith(answering);
    }

    /** The 164 answers: exact pools for the published figures, handed out with the regions' tendencies. */
    private Uni<Integer> answers(Structure st, List<Map.Entry<Area, SurveyRecipient>> rs) {
        Random random = new Random(2023);
        int n = rs.size();
        List<Area> areas = rs.stream().map(Map.Entry::getKey).toList();
        List<String> placement = deal(pool("yes", 83, "no", 81), areas, "水戸", "no", 34, random);
        List<String> retention = deal(pool("within", 36, "beyond", 56, "with-region", 45, "other", 24, null, 3), areas, null, null, 0, random);
        List<String> supervise = deal(pool("useful", 48, "somewhat", 52, "not-useful", 8, "want", 34, "not-needed", 15, null, 7),
                areas, "水戸", "want", 26, random);
        supervise = prefer(supervise, areas, "津", "want", 7, "水戸");
        List<String> difficult = deal(pool("useful", 55, "somewhat", 50, "not-useful", 7, "want", 30, "not-needed", 15, null, 7),
                areas, "水戸", "want", 18, random);
        difficult = prefer(difficult, areas, "津", "want", 7, "水戸");
        List<String> regional = deal(pool("useful", 58, "somewhat", 46, "not-useful", 10, "want", 28, "not-needed", 15, null, 7),
                areas, "水戸", "not-useful", 8, random);
        regional = prefer(regional, areas, "水戸", "want", 12, null);
        List<Integer> employer = dealInts(new int[]{1, 44, 2, 62, 3, 40, 4, 12}, 6, areas, "津", 1, 22, random);
        List<Integer> work = dealInts(new int[]{1, 6, 2, 30, 3, 80, 4, 44}, 4, areas, null, 0, 0, random);
        List<Integer> life = dealInts(new int[]{1, 8, 2, 36, 3, 78, 4, 38}, 4, areas, null, 0, 0, random);
        List<Integer> lifecycle = dealInts(new int[]{1, 50, 2, 64, 3, 36, 4, 8}, 6, areas, null, 0, 0, random);
        List<Integer> family = dealInts(new int[]{1, 40, 2, 66, 3, 42, 4, 10}, 6, areas, null, 0, 0, random);
        String[] texts = {"圏域の事業所向けに、定着支援の事例を共有する場をつくってほしい。",
                "困難事例のときに一緒に企業訪問してもらえると心強い。", "ナカポツの役割を、もっと地域に知らせてほしい。",
                "職員の入れ替わりが多いので、定期的な研修があるとありがたい。", "生活面の相談を早めにつなげられる窓口がほしい。",
                "A型・B型からの就職について相談できる先を知りたい。", "スーパーバイズを受けてみたいが、どう頼めばよいか分からない。",
                "定着支援期間が終わった後の支援を地域で分担したい。"};
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (int i = 0; i < n; i++) {
            int k = i;
            Map<String, Given> a = new LinkedHashMap<>();
            // 235 ticks in all: 71 offices run two services
            String first = switch (k % 4) { case 0 -> "transition"; case 1 -> "type-b"; case 2 -> "type-a"; default -> "type-b"; };
            a.put("services", k < 71 ? new Given(List.of(first, k % 2 == 0 ? "retention" : "type-b".equals(first) ? "transition" : "type-b"),
                    null, null, null, null) : Given.choose(first));
            a.put("placement-record", Given.choose(placement.get(k)));
            if ("yes".equals(placement.get(k))) {
                Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
                for (String fy : List.of("fy2020", "fy2021", "fy2022")) {
                    cells.put(fy, Map.of("transition".equals(first) ? "transition" : "type-a".equals(first) ? "type-a" : "type-b",
                            1 + random.nextInt(4)));
                }
                a.put("placements", new Given(null, null, null, null, cells));
            }
            put(a, "self-work", work.get(k));
            put(a, "self-life", life.get(k));
            put(a, "self-employer", employer.get(k));
            put(a, "self-lifecycle", lifecycle.get(k));
            put(a, "self-family", family.get(k));
            if (retention.get(k) != null) {
                a.put("retention-period", "other".equals(retention.get(k))
                        ? new Given(List.of("other"), "利用者の状況に応じて、法人内の別事業で支援を続けている。", null, null, null)
                        : Given.choose(retention.get(k)));
            }
            if (k < 139) {
                List<String> partners = new ArrayList<>();
                if (k < 112) partners.add("welfare");
                if (k % 10 < 7 && k > 20) partners.add("nakapotsu");
                if (k % 7 == 0) partners.add("vocational");
                if (k % 2 == 1) partners.add("hello-work");
                if (k % 5 == 2) partners.add("medical");
                if (partners.isEmpty()) partners.add("nakapotsu");
                a.put("partners", new Given(partners, null, null, null, null));
            }
            putChoice(a, "useful-supervise", supervise.get(k));
            putChoice(a, "useful-difficult", difficult.get(k));
            putChoice(a, "useful-regional", regional.get(k));
            if (k % 8 == 3) {
                a.put("expectations", Given.written(texts[(k / 8) % texts.length]));
            }
            SurveyRecipient r = rs.get(k).getValue();
            boolean paper = r.email == null;
            Instant when = at(2023, 9, 8).plusSeconds(86_400L * (k % 50));
            chain = chain.chain(count -> questionnaires.store(st, "org:" + r.organizationId, new Answers(a),
                    paper ? QuestionnaireResponse.Channel.PAPER : QuestionnaireResponse.Channel.ONLINE, null, false).map(id -> {
                r.responseId = id;
                r.answeredAt = when;
                return count + 1;
            }));
        }
        return chain.call(Panache::flush).call(count -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE questionnaire_response q SET submitted_at = r.answered_at FROM survey_recipient r WHERE r.response_id = q.id"
                                + " AND r.survey_id = ?1").setParameter(1, rs.get(0).getValue().surveyId).executeUpdate()));
    }

    private static void put(Map<String, Given> a, String code, Integer v) {
        if (v != null) {
            a.put(code, Given.point(v));
        }
    }

    private static void putChoice(Map<String, Given> a, String code, String v) {
        if (v != null) {
            a.put(code, Given.choose(v));
        }
    }

    /** A pool of values with exact counts: value, count, value, count … (a null value: no answer). */
    static List<String> pool(Object... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int j = 0; j < (Integer) pairs[i + 1]; j++) {
                out.add((String) pairs[i]);
            }
        }
        return out;
    }

    /** The pool shuffled over the respondents, the given area first taking up to {@code cap} of one value. */
    static <T> List<T> deal(List<T> pool, List<Area> areas, String area, T value, int cap, Random random) {
        List<T> rest = new ArrayList<>(pool);
        Collections.shuffle(rest, random);
        List<T> out = new ArrayList<>(Collections.nCopies(areas.size(), null));
        boolean[] set = new boolean[areas.size()];
        int given = 0;
        for (int i = 0; i < areas.size() && area != null && given < cap; i++) {
            if (areas.get(i).label().equals(area) && rest.remove(value)) {
                out.set(i, value);
                set[i] = true;
                given++;
            }
        }
        int j = 0;
        for (int i = 0; i < areas.size(); i++) {
            if (!set[i]) {
                out.set(i, rest.get(j++));
            }
        }
        return out;
    }

    /** Moves up to {@code cap} of a value to the area's respondents, swapping with others (the counts stay). */
    static <T> List<T> prefer(List<T> dealt, List<Area> areas, String area, T value, int cap, String keep) {
        List<T> out = new ArrayList<>(dealt);
        int moved = 0;
        for (int i = 0; i < out.size() && moved < cap; i++) {
            if (!areas.get(i).label().equals(area) || java.util.Objects.equals(out.get(i), value)) {
                continue;
            }
            for (int j = 0; j < out.size(); j++) {
                if (!areas.get(j).label().equals(area) && !areas.get(j).label().equals(keep)
                        && java.util.Objects.equals(out.get(j), value)) {
                    out.set(j, out.get(i));
                    out.set(i, value);
                    moved++;
                    break;
                }
            }
        }
        return out;
    }

    private static List<Integer> dealInts(int[] pairs, int blanks, List<Area> areas, String area, int value, int cap, Random random) {
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int j = 0; j < pairs[i + 1]; j++) {
                pool.add(pairs[i]);
            }
        }
        for (int j = 0; j < blanks; j++) {
            pool.add(null);
        }
        return deal(pool, areas, area, area == null ? null : value, cap, random);
    }

    /** The preliminary results go into the six pairs' circles. */
    private Uni<Void> share(Survey s) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO survey_share (survey_id, circle_id, shared_at) SELECT ?1, p.circle_id, ?2 FROM pairing p"
                                + " JOIN program g ON g.id = p.program_id WHERE g.fiscal_year = 2023 AND p.circle_id IS NOT NULL"
                                + " ON CONFLICT DO NOTHING")
                .setParameter(1, s.id).setParameter(2, at(2023, 10, 10)).executeUpdate()).replaceWithVoid();
    }
}
