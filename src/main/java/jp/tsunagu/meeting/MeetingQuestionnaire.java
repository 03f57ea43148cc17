package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.questionnaire.QuestionKind;
import jp.tsunagu.questionnaire.Questionnaire;
import jp.tsunagu.questionnaire.QuestionnaireService.Definition;
import jp.tsunagu.questionnaire.QuestionnaireService.Form;
import jp.tsunagu.questionnaire.QuestionnaireService.OptionDef;
import jp.tsunagu.questionnaire.QuestionnaireService.QuestionDef;
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

    /** The questions the networks ask after an exchange meeting (notes-001 §3.8 step 5). */
    static final Definition FOLLOW_UP = new Definition("会議後アンケート", "After-meeting questionnaire", List.of(
            new QuestionDef("continue", QuestionKind.SINGLE, "この会を今後も続けたいですか", "Should this meeting continue?", true, List.of(
                    new OptionDef("yes", "続けたい", "Yes"), new OptionDef("maybe", "どちらともいえない", "Not sure"),
                    new OptionDef("no", "続けなくてよい", "No"))),
            new QuestionDef("frequency", QuestionKind.SINGLE, "開催頻度はどのくらいがよいですか", "How often?", false, List.of(
                    new OptionDef("monthly", "毎月", "Monthly"), new OptionDef("bimonthly", "2か月に1回", "Every two months"),
                    new OptionDef("quarterly", "3か月に1回（年4回）", "Quarterly (4 a year)"),
                    new OptionDef("half-yearly", "半年に1回", "Twice a year"), new OptionDef("yearly", "年1回", "Once a year"))),
            new QuestionDef("weekday", QuestionKind.MULTI, "参加しやすい曜日（複数選択可）", "Which weekdays suit you? (any)", false, List.of(
                    new OptionDef("mon", "月曜", "Monday"), new OptionDef("tue", "火曜", "Tuesday"),
                    new OptionDef("wed", "水曜", "Wednesday"), new OptionDef("thu", "木曜", "Thursday"),
                    new OptionDef("fri", "金曜", "Friday"))),
            new QuestionDef("time", QuestionKind.SINGLE, "参加しやすい時間帯", "Which time of day?", false, List.of(
                    new OptionDef("morning", "午前", "Morning"), new OptionDef("early-afternoon", "13時〜15時", "13:00–15:00"),
                    new OptionDef("late-afternoon", "15時〜17時", "15:00–17:00"), new OptionDef("evening", "17時以降", "After 17:00"))),
            new QuestionDef("length", QuestionKind.SINGLE, "ちょうどよい長さ", "How long?", false, List.of(
                    new OptionDef("60", "60分", "60 minutes"), new OptionDef("90", "90分", "90 minutes"),
                    new OptionDef("120", "120分", "120 minutes"), new OptionDef("180", "半日", "Half a day"))),
            new QuestionDef("next", QuestionKind.TEXT, "次回取り上げてほしい内容", "What should the next meeting cover?", false, List.of())));

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
        return questionnaires.create(SUBJECT, m.id, FOLLOW_UP).replaceWithVoid();
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
