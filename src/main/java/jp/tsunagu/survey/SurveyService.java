package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.questionnaire.Definition;
import jp.tsunagu.questionnaire.QuestionnaireResponse;
import jp.tsunagu.questionnaire.QuestionnaireService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Surveys as one reads them: the list, a survey, and who was asked and who answered (the rate, live). */
@ApplicationScoped
public class SurveyService {

    @TemplateData
    public record Row(long id, String title, String owner, String status, LocalDate deadline, boolean open, int recipients,
                      int answered, boolean fictitious) {
        @com.fasterxml.jackson.annotation.JsonProperty("rate")
        public String rate() {
            return SurveyService.percent(answered, recipients);
        }
    }

    @TemplateData
    public record Detail(long id, String title, String owner, long ownerOrganizationId, String status, boolean open,
                         LocalDate opensOn, LocalDate deadline, LocalDate remindOn, boolean fictitious, int version,
                         Definition definition, int recipients, int answered, List<Long> sharedCircleIds, boolean mayEdit,
                         boolean maySeeResponses) {
        @com.fasterxml.jackson.annotation.JsonProperty("rate")
        public String rate() {
            return SurveyService.percent(answered, recipients);
        }
    }

    /** Recipients and answers of one group (a type, a prefecture, an area). */
    @TemplateData
    public record Group(String key, String label, int recipients, int answered) {
        @com.fasterxml.jackson.annotation.JsonProperty("rate")
        public String rate() {
            return SurveyService.percent(answered, recipients);
        }
    }

    @TemplateData
    public record RecipientRow(long recipientId, long organizationId, String name, String orgType, String prefecture,
                               String email, Instant sentAt, Instant remindedAt, int reminders, Instant answeredAt, String channel) {
    }

    @TemplateData
    public record Responses(long surveyId, int recipients, int answered, int online, int paper, int onPaperOnly,
                            List<Group> byType, List<Group> byPrefecture, List<Group> byArea, List<RecipientRow> list) {
        @com.fasterxml.jackson.annotation.JsonProperty("rate")
        public String rate() {
            return SurveyService.percent(answered, recipients);
        }
    }

    @Inject
    SurveyAccess access;

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    AccessPolicy policy;

    /** "34.3" (one decimal; "0.0" of nothing). */
    static String percent(int part, int whole) {
        return whole == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", part * 100.0 / whole);
    }

    /**
     * The surveys the viewer may read, newest first: ids by the policy's survey scope, then the
     * surveys, their titles and their counts in one query each, every row checked against the policy.
     */
    @WithSession
    public Uni<List<Row>> list(Viewer viewer) {
        AccessPolicy.SurveyScope scope = policy.surveyScope(viewer);
        if (!scope.all() && scope.ownOrganizations().isEmpty() && scope.circles().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        boolean en = "en".equals(viewer.locale().getLanguage());
        String where = scope.all() ? "" : " where s.ownerOrganizationId in :orgs or exists (select 1 from SurveyShare x"
                + " where x.surveyId = s.id and x.circleId in :circles)";
        return Panache.getSession().chain(session -> {
            var q = session.createSelectionQuery("select s.id from Survey s" + where + " order by s.deadline desc, s.id desc", Long.class);
            if (!scope.all()) {
                q.setParameter("orgs", scope.ownOrganizations().isEmpty() ? List.of(-1L) : scope.ownOrganizations());
                q.setParameter("circles", scope.circles().isEmpty() ? List.of(-1L) : scope.circles());
            }
            return q.setMaxResults(500).getResultList();
        }).chain(ids -> access.loadAll(ids).chain(loaded -> {
            List<SurveyAccess.Loaded> visible = loaded.stream().filter(l -> policy.permits(viewer, Action.VIEW, l.resource())).toList();
            List<Long> shown = visible.stream().map(l -> l.survey().id).toList();
            return counts(shown).chain(counts -> titles(shown, en).map(titles -> visible.stream().map(l -> {
                int[] c = counts.getOrDefault(l.survey().id, new int[2]);
                return new Row(l.survey().id, titles.getOrDefault(l.survey().id, ""), l.owner().name, l.survey().status.name(),
                        l.survey().deadline, SurveyLinks.open(l.survey()), c[0], c[1], l.survey().fictitious);
            }).toList()));
        }));
    }

    /** Recipients and answers of each survey, in one query. */
    private Uni<Map<Long, int[]>> counts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select r.surveyId, count(*), count(r.answeredAt) from SurveyRecipient r where r.surveyId in :ids group by r.surveyId",
                        Object[].class).setParameter("ids", ids).getResultList())
                .map(rows -> {
                    Map<Long, int[]> out = new HashMap<>();
                    rows.forEach(r -> out.put((Long) r[0], new int[]{((Long) r[1]).intValue(), ((Long) r[2]).intValue()}));
                    return out;
                });
    }

    /** Each survey's title in the viewer's language, in one query. */
    private Uni<Map<Long, String>> titles(List<Long> ids, boolean en) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return jp.tsunagu.questionnaire.Questionnaire.<jp.tsunagu.questionnaire.Questionnaire>list(
                "subjectType = ?1 and subjectId in ?2", SurveyWrites.SUBJECT, ids).map(qs -> {
            Map<Long, String> out = new HashMap<>();
            qs.forEach(q -> out.put(q.subjectId, en ? q.titleEn : q.titleJa));
            return out;
        });
    }

    private Uni<int[]> counts(long surveyId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select count(*), count(r.answeredAt) from SurveyRecipient r where r.surveyId = :s", Object[].class)
                .setParameter("s", surveyId).getSingleResult())
                .map(r -> new int[]{((Long) r[0]).intValue(), ((Long) r[1]).intValue()});
    }

    /** A survey as a pair's report offers it: title, when it went out, how many were asked and answered. */
    @TemplateData
    public record Choice(long id, String title, boolean fictitious, Instant sentAt, int recipients, int answered) {
        @com.fasterxml.jackson.annotation.JsonProperty("rate")
        public String rate() {
            return SurveyService.percent(answered, recipients);
        }
    }

    /**
     * The sent surveys that concern a pair and that the viewer may read, newest first: those of its
     * program, those its centers own, and those shared into its circle (each checked by the policy).
     */
    @WithSession
    public Uni<List<Choice>> concerning(Viewer viewer, long programId, java.util.Collection<Long> organizationIds, long circleId) {
        boolean en = "en".equals(viewer.locale().getLanguage());
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select s.id from Survey s where s.status = :sent and (s.programId = :program or s.ownerOrganizationId in :orgs"
                                + " or s.id in (select sh.surveyId from SurveyShare sh where sh.circleId = :circle))"
                                + " order by s.sentAt desc nulls last, s.id desc", Long.class)
                        .setParameter("sent", Survey.Status.SENT).setParameter("program", programId)
                        .setParameter("orgs", organizationIds).setParameter("circle", circleId).setMaxResults(50).getResultList())
                .chain(access::loadAll)
                .map(all -> all.stream().filter(l -> policy.permits(viewer, Action.VIEW, l.resource())).toList())
                .chain(visible -> {
                    if (visible.isEmpty()) {
                        return Uni.createFrom().item(List.<Choice>of());
                    }
                    List<Long> ids = visible.stream().map(l -> l.survey().id).toList();
                    return Panache.getSession().chain(session -> session.createSelectionQuery(
                                    "select q.subjectId, q.titleJa, q.titleEn from Questionnaire q where q.subjectType = :t and q.subjectId in :ids",
                                    Object[].class).setParameter("t", SurveyWrites.SUBJECT).setParameter("ids", ids).getResultList())
                            .chain(titles -> Panache.getSession().chain(session -> session.createSelectionQuery(
                                            "select r.surveyId, count(*), count(r.answeredAt) from SurveyRecipient r where r.surveyId in :ids"
                                                    + " group by r.surveyId", Object[].class).setParameter("ids", ids).getResultList())
                                    .map(counts -> {
                                        Map<Long, String> title = new HashMap<>();
                                        titles.forEach(t -> title.put((Long) t[0], (String) (en ? t[2] : t[1])));
                                        Map<Long, int[]> count = new HashMap<>();
                                        counts.forEach(c -> count.put((Long) c[0], new int[]{((Long) c[1]).intValue(), ((Long) c[2]).intValue()}));
                                        return visible.stream().map(l -> {
                                            Survey sv = l.survey();
                                            int[] c = count.getOrDefault(sv.id, new int[]{0, 0});
                                            return new Choice(sv.id, title.getOrDefault(sv.id, "—"), sv.fictitious, sv.sentAt, c[0], c[1]);
                                        }).toList();
                                    }));
                });
    }

    @WithSession
    public Uni<Detail> detail(Viewer viewer, long id) {
        boolean en = "en".equals(viewer.locale().getLanguage());
        return access.visible(viewer, id).chain(l -> questionnaires.find(SurveyWrites.SUBJECT, id)
                .chain(questionnaires::structure).chain(st -> counts(id).map(c -> {
                    Survey s = l.survey();
                    return new Detail(id, en ? st.questionnaire().titleEn : st.questionnaire().titleJa, l.owner().name,
                            s.ownerOrganizationId, s.status.name(), SurveyLinks.open(s), s.opensOn, s.deadline, s.remindOn,
                            s.fictitious, s.version, QuestionnaireService.definition(st), c[0], c[1],
                            l.shares().stream().map(x -> x.circleId).toList(), access.mayEdit(viewer, l),
                            access.maySeeResponses(viewer, l));
                })));
    }

    /** Who was asked, who answered and how, the rate overall and by type, prefecture and area. */
    @WithSession
    public Uni<Responses> responses(Viewer viewer, long id) {
        Locale locale = viewer.locale();
        return access.responses(viewer, id).chain(l -> Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select r, o.name, o.orgType, o.prefectureCode from SurveyRecipient r, Organization o"
                                + " where o.id = r.organizationId and r.surveyId = :s order by o.prefectureCode, o.orgType, o.name, r.id",
                        Object[].class).setParameter("s", id).getResultList())
                .chain(rows -> Panache.getSession().chain(session -> session.createSelectionQuery(
                                "select oa.organizationId, a.id, a.name from OrganizationArea oa, CatchmentArea a, SurveyRecipient r"
                                        + " where a.id = oa.areaId and oa.organizationId = r.organizationId and r.surveyId = :s order by a.id",
                                Object[].class).setParameter("s", id).getResultList())
                        .chain(areas -> Prefecture.<Prefecture>listAll().chain(prefs -> channels(id).map(channels -> {
                            Map<Short, String> prefNames = new HashMap<>();
                            prefs.forEach(p -> prefNames.put(p.code, p.name(locale)));
                            Map<Long, List<Object[]>> areasOf = new HashMap<>();
                            areas.forEach(a -> areasOf.computeIfAbsent((Long) a[0], k -> new ArrayList<>()).add(a));
                            Map<String, int[]> byType = new LinkedHashMap<>();
                            Map<String, int[]> byPref = new LinkedHashMap<>();
                            Map<String, int[]> byArea = new LinkedHashMap<>();
                            Map<String, String> areaNames = new HashMap<>();
                            List<RecipientRow> list = new ArrayList<>();
                            int answered = 0;
                            int online = 0;
                            int paper = 0;
                            int onPaperOnly = 0;
                            for (Object[] row : rows) {
                                SurveyRecipient r = (SurveyRecipient) row[0];
                                String type = String.valueOf(row[2]);
                                Short pref = (Short) row[3];
                                boolean done = r.answeredAt != null;
                                String channel = r.responseId == null ? null : channels.get(r.responseId);
                                answered += done ? 1 : 0;
                                online += "ONLINE".equals(channel) ? 1 : 0;
                                paper += "PAPER".equals(channel) ? 1 : 0;
                                onPaperOnly += r.email == null ? 1 : 0;
                                tick(byType, type, done);
                                tick(byPref, String.valueOf(pref), done);
                                for (Object[] a : areasOf.getOrDefault(r.organizationId, List.of())) {
                                    tick(byArea, String.valueOf(a[1]), done);
                                    areaNames.put(String.valueOf(a[1]), (String) a[2]);
                                }
                                list.add(new RecipientRow(r.id, r.organizationId, (String) row[1], type,
                                        pref == null ? null : prefNames.get(pref), r.email, r.sentAt, r.remindedAt, r.reminders,
                                        r.answeredAt, channel));
                            }
                            return new Responses(id, rows.size(), answered, online, paper, onPaperOnly,
                                    groups(byType, k -> Messages.get(locale, "org-type." + k)),
                                    groups(byPref, k -> prefNames.getOrDefault(k.equals("null") ? null : Short.valueOf(k), "—")),
                                    groups(byArea, areaNames::get), list);
                        })))));
    }

    private Uni<Map<Long, String>> channels(long surveyId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select q.id, q.channel from QuestionnaireResponse q, SurveyRecipient r where r.responseId = q.id and r.surveyId = :s",
                        Object[].class).setParameter("s", surveyId).getResultList())
                .map(rows -> {
                    Map<Long, String> out = new HashMap<>();
                    rows.forEach(r -> out.put((Long) r[0], ((QuestionnaireResponse.Channel) r[1]).name()));
                    return out;
                });
    }

    private static void tick(Map<String, int[]> m, String key, boolean answered) {
        int[] c = m.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += answered ? 1 : 0;
    }

    private static List<Group> groups(Map<String, int[]> m, java.util.function.Function<String, String> label) {
        return m.entrySet().stream().map(e -> new Group(e.getKey(), label.apply(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** The owner organization's name (for pages). */
    Uni<String> ownerName(long orgId) {
        return Organization.<Organization>findById(orgId).map(o -> o == null ? "" : o.name);
    }
}
