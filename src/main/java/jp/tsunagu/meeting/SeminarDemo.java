package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.Answers.Given;
import jp.tsunagu.questionnaire.QuestionnaireResponse;
import jp.tsunagu.questionnaire.QuestionnaireService;
import jp.tsunagu.questionnaire.Structure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data (after the SQL sets): the FY2023 report seminar of 2024-02-28 (seed 001 L686–690,
 * L3199–3643): online, 455 registrations (165 from ナカポツ, 290 others), the questionnaire's 166
 * answers (84 / 82) with the satisfaction counts of each group as the report gives them
 * (とてもよかった 38 / 22, よかった 45 / 49, ふつう 1 / 11, あまりよくなかった 0). The registrants
 * are fictitious and, the seminar being long past, the retention job deletes their personal data
 * on its first run (the counts stay). And the FY2026 report seminar, open for registration, with
 * its public page. Loaded once, in one transaction.
 */
@ApplicationScoped
public class SeminarDemo {

    private static final Logger LOG = Logger.getLogger(SeminarDemo.class);
    static final String MARKER = "seminars";

    @ConfigProperty(name = "tsunagu.demo.enabled")
    boolean enabled;

    @Inject
    MeetingQuestionnaire questionnaire;

    @Inject
    QuestionnaireService questionnaires;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 700) StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        Integer n = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::load));
        if (n != null && n > 0) {
            LOG.infof("Loaded demo data set '%s' (%d registrations)", MARKER, n);
        }
    }

    private Uni<Integer> sql(String statement, Object... args) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(statement);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            return q.executeUpdate();
        });
    }

    private Uni<Long> id(String statement) {
        return Panache.getSession().chain(s -> s.createNativeQuery(statement, Long.class).getSingleResult());
    }

    Uni<Integer> load() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM demo_data_load WHERE name = ?1", Long.class)
                .setParameter(1, MARKER).getSingleResult()).chain(n -> n > 0 ? Uni.createFrom().item(0) : build());
    }

    private Uni<Integer> build() {
        return id("INSERT INTO meeting (kind, title, format, online_url, starts_at, ends_at, capacity, status, description,"
                + " host_org_id, minutes_published_at, public_registration, registration_closes_at)"
                + " SELECT 'SEMINAR', '令和5年度 ペア事業 事業報告セミナー', 'ONLINE', 'https://meet.example.jp/tsunagu-fy2023-seminar',"
                + " TIMESTAMPTZ '2024-02-28 13:00+09', TIMESTAMPTZ '2024-02-28 17:00+09', 500, 'MINUTES_PUBLISHED',"
                + " '定着支援地域連携モデルに係る調査事業の報告セミナー（オンライン）。6つのペアが取組を報告しました。申込 455名（ナカポツ 165名、その他 290名）、参加 479名。',"
                + " o.id, TIMESTAMPTZ '2024-03-08 10:00+09', true, TIMESTAMPTZ '2024-02-26 17:00+09'"
                + " FROM organization o WHERE o.code = 'national-network' RETURNING id")
                .chain(past -> sql("INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                        + " SELECT ?1, id, TIMESTAMPTZ '2024-01-10 10:00+09' FROM organization WHERE code = 'national-network'", past)
                        // 455 fictitious registrants: the first 165 from centers, the rest from other agencies
                        .chain(() -> sql("INSERT INTO meeting_invitee (meeting_id, name, email, token_hash, response, responded_at,"
                                + " invited_at, registered, organization_name, organization_type, consented_at)"
                                + " SELECT ?1, '（架空）受講者 ' || lpad(g::text, 3, '0'), 'seminar-2024-' || lpad(g::text, 3, '0') || '@demo.tsunagu.jp',"
                                + " 'demo-seminar-2024-' || g, 'ONLINE', TIMESTAMPTZ '2024-02-01 10:00+09' + g * interval '1 hour',"
                                + " TIMESTAMPTZ '2024-02-01 10:00+09' + g * interval '1 hour', true,"
                                + " CASE WHEN g <= 165 THEN '（架空）障害者就業・生活支援センター ' || g ELSE '（架空）支援機関 ' || g END,"
                                + " CASE WHEN g <= 165 THEN 'NAKAPOTSU' ELSE (ARRAY['TRANSITION_SUPPORT','CONTINUOUS_B','CONTINUOUS_A',"
                                + "'HELLO_WORK','CONSULTATION','RETENTION_SUPPORT','MUNICIPALITY','COMPANY'])[1 + g % 8] END,"
                                + " TIMESTAMPTZ '2024-02-01 10:00+09' + g * interval '1 hour' FROM generate_series(1, 455) g", past))
                        .chain(() -> Meeting.<Meeting>findById(past)).chain(m -> questionnaire.open(m).replaceWith(m))
                        .chain(m -> questionnaires.find(MeetingQuestionnaire.SUBJECT, m.id).chain(questionnaires::structure)
                                .chain(st -> answers(st, past))))
                .call(() -> upcoming())
                .call(() -> sql("INSERT INTO demo_data_load (name) VALUES (?1)", MARKER))
                .replaceWith(455);
    }

    /** The 166 answers: the first 84 registrants from centers, 82 of the others, each group's counts as published. */
    private Uni<Void> answers(Structure st, long meetingId) {
        return Invitee.<Invitee>list("meetingId = ?1 order by id", meetingId).chain(all -> {
            List<Invitee> centers = all.stream().filter(i -> i.organizationType == jp.tsunagu.access.OrgType.NAKAPOTSU).limit(84).toList();
            List<Invitee> others = all.stream().filter(i -> i.organizationType != jp.tsunagu.access.OrgType.NAKAPOTSU).limit(82).toList();
            String[] impressions = {"ペアで互いの地域を訪ねた取組が参考になった。", "地域の事業所への意識調査の進め方が具体的で分かりやすかった。",
                    "スーパーバイズの実例を自分の圏域でも試したい。", "ナカポツの基幹型機能を地域にどう伝えるか考えるきっかけになった。"};
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int k = 0; k < centers.size() + others.size(); k++) {
                boolean center = k < centers.size();
                int j = center ? k : k - centers.size();
                Invitee i = center ? centers.get(j) : others.get(j);
                String satisfaction = center ? (j < 38 ? "very-good" : j < 83 ? "good" : "fair")
                        : (j < 22 ? "very-good" : j < 71 ? "good" : "fair");
                Map<String, Given> a = new LinkedHashMap<>();
                a.put("satisfaction", Given.choose(satisfaction));
                if (k % 6 == 0) {
                    a.put("impressive", Given.written(impressions[(k / 6) % impressions.length]));
                }
                chain = chain.chain(() -> questionnaires.store(st, "invitee:" + i.id, new Answers(a),
                        QuestionnaireResponse.Channel.ONLINE, null, false).replaceWithVoid());
            }
            return chain;
        });
    }

    /** The FY2026 report seminar: hybrid, open for registration on its public page. */
    private Uni<Void> upcoming() {
        return id("INSERT INTO meeting (kind, title, format, online_url, starts_at, ends_at, capacity, status, description,"
                + " host_org_id, public_registration, registration_closes_at, fee_note)"
                + " SELECT 'SEMINAR', '令和8年度 ペア事業 事業報告セミナー', 'HYBRID', 'https://meet.example.jp/tsunagu-fy2026-seminar',"
                + " TIMESTAMPTZ '2027-02-24 13:00+09', TIMESTAMPTZ '2027-02-24 16:30+09', 120, 'SCHEDULED',"
                + " '今年度の6つのペアが、1年間の取組と変化を報告します。会場（定員120名）とオンラインのどちらでも参加できます。',"
                + " o.id, true, TIMESTAMPTZ '2027-02-17 17:00+09', '無料'"
                + " FROM organization o WHERE o.code = 'national-network' RETURNING id")
                .chain(next -> sql("INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                        + " SELECT ?1, id, now() FROM organization WHERE code = 'national-network'", next)
                        .chain(() -> sql("INSERT INTO meeting_venue (meeting_id, position, name, address)"
                                + " VALUES (?1, 1, '（架空）東京都内 研修会場 大会議室', '東京都千代田区')", next)))
                .replaceWithVoid();
    }
}
