package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.questionnaire.BuiltIn;
import jp.tsunagu.questionnaire.Definition;
import jp.tsunagu.questionnaire.Questionnaire;
import jp.tsunagu.questionnaire.QuestionnaireService.Form;
import jp.tsunagu.questionnaire.QuestionnaireService.Submission;
import jp.tsunagu.questionnaire.QuestionnaireService;

import java.util.List;
import java.util.Locale;

/**
 * The questionnaire after a meeting (continue? how often? which weekday and time? how long? what
 * next?), built on the reusable questionnaire module. Invitees answer once (in the app or via
 * their personal link); organizers read the results and post how the input was used.
 */
@ApplicationScoped
public class MeetingQuestionnaire {

    static final String SUBJECT = "meeting";

    /** The questions the networks ask after an exchange meeting: the builder's built-in definition. */
    static final Definition FOLLOW_UP = BuiltIn.AFTER_MEETING.definition();

    /** What a person sees: the form, whether they answered, and (organizers) the results. */
    @TemplateData
    public record View(Form form, boolean answered, boolean canAnswer, boolean results) {
    }

    public record FollowupInput(String followup) {
    }

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    MeetingAccess access;

    @Inject
    PersonalLinks links;

    Uni<Void> open(Meeting m) {
        return questionnaires.create(SUBJECT, m.id, m.kind == MeetingTerms.Kind.SEMINAR ? BuiltIn.AFTER_SEMINAR.definition() : FOLLOW_UP)
                .replaceWithVoid();
    }

    /** One group's counts of each choice question (ナカポツ or the rest). */
    @TemplateData
    public record GroupCount(String option, String label, int all, int nakapotsu, int other) {
    }

    @TemplateData
    public record GroupQuestion(String code, String label, List<GroupCount> counts) {
    }

    @TemplateData
    public record GroupResults(String title, int responses, int nakapotsu, int other, List<GroupQuestion> questions) {
    }

    /**
     * The results split by group, as the seminar report gives them: each respondent's group is the
     * type of the organization they registered for (a registrant) or belong to (an invited member).
     * Organizers only.
     */
    @WithSession
    public Uni<GroupResults> byGroup(Viewer viewer, long meetingId) {
        boolean en = "en".equals(viewer.locale().getLanguage());
        return access.editable(viewer, meetingId).chain(l -> existing(meetingId)).chain(q -> questionnaires.structure(q)
                .chain(st -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createSelectionQuery(
                                "select r.id, coalesce(i.organizationType, o.orgType) from QuestionnaireResponse r, Invitee i"
                                        + " left join Organization o on o.id = i.organizationId"
                                        + " where r.questionnaireId = :q and r.respondent = concat('invitee:', cast(i.id as string))",
                                Object[].class).setParameter("q", q.id).getResultList())
                        .chain(rows -> jp.tsunagu.questionnaire.Answer.<jp.tsunagu.questionnaire.Answer>list(
                                "responseId in ?1", rows.isEmpty() ? List.of(-1L) : rows.stream().map(r -> (Long) r[0]).toList())
                                .map(answers -> {
                                    java.util.Map<Long, Boolean> nakapotsu = new java.util.HashMap<>();
                                    rows.forEach(r -> nakapotsu.put((Long) r[0], r[1] == jp.tsunagu.access.OrgType.NAKAPOTSU));
                                    List<GroupQuestion> out = new java.util.ArrayList<>();
                                    for (jp.tsunagu.questionnaire.Question x : st.questions()) {
                                        if (!x.kind.choice()) {
                                            continue;
                                        }
                                        List<GroupCount> counts = new java.util.ArrayList<>();
                                        for (jp.tsunagu.questionnaire.QuestionOption o : st.optionsOf(x, jp.tsunagu.questionnaire.OptionAxis.CHOICE)) {
                                            int all = 0;
                                            int n = 0;
                                            for (var a : answers) {
                                                if (a.questionId.equals(x.id) && o.code.equals(a.optionCode)) {
                                                    all++;
                                                    n += Boolean.TRUE.equals(nakapotsu.get(a.responseId)) ? 1 : 0;
                                                }
                                            }
                                            counts.add(new GroupCount(o.code, en ? o.labelEn : o.labelJa, all, n, all - n));
                                        }
                                        out.add(new GroupQuestion(x.code, en ? x.labelEn : x.labelJa, counts));
                                    }
                                    int nk = (int) nakapotsu.values().stream().filter(b -> b).count();
                                    return new GroupResults(en ? q.titleEn : q.titleJa, rows.size(), nk, rows.size() - nk, out);
                                }))));
    }

    Uni<Questionnaire> existing(long meetingId) {
        return questionnaires.find(SUBJECT, meetingId).map(q -> {
            if (q == null) {
                throw new ProblemException(404, "questionnaire-not-open");
            }
            return q;
        });
    }

    @WithSession
    public Uni<View> view(Viewer viewer, long meetingId) {
        return access.minutesVisible(viewer, meetingId).chain(l -> existing(meetingId).chain(q -> {
            boolean organizer = access.canEdit(viewer, l);
            String respondent = l.invitation() == null ? null : "invitee:" + l.invitation().id;
            Uni<Boolean> answered = respondent == null ? Uni.createFrom().item(false) : questionnaires.answered(q, respondent);
            return answered.chain(done -> questionnaires.form(q, viewer.locale(), organizer)
                    .map(f -> new View(f, done, respondent != null && !done, organizer)));
        }));
    }

    @WithTransaction
    public Uni<Void> answer(Viewer viewer, long meetingId, Submission s) {
        return access.minutesVisible(viewer, meetingId).chain(l -> {
            if (l.invitation() == null) {
                throw new ProblemException(409, "questionnaire-not-invited");
            }
            return existing(meetingId).chain(q -> questionnaires.submit(q, "invitee:" + l.invitation().id, s));
        });
    }

    /** Through a personal link: the invitee answers without an account, once the minutes are published. */
    @WithSession
    public Uni<View> viewByToken(String token, Locale locale) {
        return links.byToken(token).chain(p -> {
            if (p.meeting().minutesPublishedAt == null) {
                throw new ProblemException(404, "questionnaire-not-open");
            }
            return existing(p.meeting().id).chain(q -> questionnaires.answered(q, "invitee:" + p.invitee().id)
                    .chain(done -> questionnaires.form(q, locale, false).map(f -> new View(f, done, !done, false))));
        });
    }

    @WithTransaction
    public Uni<Void> answerByToken(String token, Submission s) {
        return links.byToken(token).chain(p -> {
            if (p.meeting().minutesPublishedAt == null) {
                throw new ProblemException(404, "questionnaire-not-open");
            }
            return existing(p.meeting().id).chain(q -> questionnaires.submit(q, "invitee:" + p.invitee().id, s));
        });
    }

    @WithTransaction
    public Uni<View> followup(Viewer viewer, long meetingId, FollowupInput in) {
        return access.editable(viewer, meetingId).chain(l -> existing(meetingId)
                .chain(q -> questionnaires.followup(q, in == null ? null : in.followup())))
                .chain(() -> view(viewer, meetingId));
    }
}
