package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.Definition;
import jp.tsunagu.questionnaire.QuestionnaireResponse;
import jp.tsunagu.questionnaire.QuestionnaireService;
import jp.tsunagu.questionnaire.Structure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recipient's personal link: it stands for one organization's answer to one survey and nothing
 * else. Unknown (or replaced twice over) → 404; the organization taken off the list → 404; after
 * the deadline the answer can be read but not changed (409 on a change).
 */
@ApplicationScoped
public class SurveyLinks {

    /** What the link opens: the survey as the respondent sees it, and their answer so far. */
    public record Opened(String title, String intro, String owner, String organization, LocalDate opensOn, LocalDate deadline, boolean open,
                         boolean fictitious, Definition definition, Answers answers, Instant answeredAt, String channel) {
        /** The link came before the survey opens (it is sent when the survey is, which may be earlier). */
        public boolean notYetOpen() {
            return opensOn != null && opensOn.isAfter(JapaneseCalendar.today());
        }
    }

    record Resolved(SurveyRecipient recipient, Survey survey) {
    }

    @Inject
    QuestionnaireService questionnaires;

    Uni<Resolved> resolve(String token, boolean lock) {
        if (!SecretTokens.wellFormed(token)) {
            throw new ProblemException(404, "survey-link-unknown");
        }
        String hash = SecretTokens.hash(token);
        var find = SurveyRecipient.<SurveyRecipient>find("tokenHash = ?1 or previousTokenHash = ?1", hash);
        return (lock ? find.withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE) : find).firstResult().chain(r -> {
            if (r == null) {
                throw new ProblemException(404, "survey-link-unknown");
            }
            return Survey.<Survey>findById(r.surveyId).map(s -> new Resolved(r, s));
        });
    }

    static boolean open(Survey s) {
        LocalDate today = JapaneseCalendar.today();
        return !today.isAfter(s.deadline) && (s.opensOn == null || !today.isBefore(s.opensOn));
    }

    @WithSession
    public Uni<Opened> open(String token, boolean english) {
        return resolve(token, false).chain(r -> opened(r, english));
    }

    private Uni<Opened> opened(Resolved r, boolean en) {
        return questionnaires.find(SurveyWrites.SUBJECT, r.survey().id).chain(questionnaires::structure).chain(st ->
                Organization.<Organization>findById(r.survey().ownerOrganizationId).chain(owner ->
                        Organization.<Organization>findById(r.recipient().organizationId).chain(org -> answers(st, r)
                                .chain(given -> channel(r).map(channel -> {
                                    Definition def = QuestionnaireService.definition(st);
                                    return new Opened(en ? st.questionnaire().titleEn : st.questionnaire().titleJa,
                                            en && st.questionnaire().introEn != null ? st.questionnaire().introEn : st.questionnaire().introJa,
                                            owner.name, org.name, r.survey().opensOn,
                                            r.survey().deadline, open(r.survey()), r.survey().fictitious, def, given,
                                            r.recipient().answeredAt, channel);
                                })))));
    }

    private Uni<Answers> answers(Structure st, Resolved r) {
        return r.recipient().responseId == null ? Uni.createFrom().item(new Answers(java.util.Map.of()))
                : questionnaires.given(st, r.recipient().responseId);
    }

    private Uni<String> channel(Resolved r) {
        return r.recipient().responseId == null ? Uni.createFrom().item((String) null)
                : QuestionnaireResponse.<QuestionnaireResponse>findById(r.recipient().responseId)
                .map(x -> x == null ? null : x.channel.name());
    }

    /** The organization's answer, first or changed, until the deadline. */
    @WithTransaction
    public Uni<Opened> answer(String token, Answers given, boolean english) {
        return resolve(token, true).chain(r -> {
            if (!open(r.survey())) {
                throw new ProblemException(409, "survey-closed");
            }
            return questionnaires.find(SurveyWrites.SUBJECT, r.survey().id).chain(questionnaires::structure)
                    .chain(st -> questionnaires.store(st, "org:" + r.recipient().organizationId, given,
                            QuestionnaireResponse.Channel.ONLINE, null, true))
                    .chain(responseId -> {
                        r.recipient().responseId = responseId;
                        r.recipient().answeredAt = Instant.now();
                        return opened(r, english);
                    });
        });
    }
}
