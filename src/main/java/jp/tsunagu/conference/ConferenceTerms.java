package jp.tsunagu.conference;

import jp.tsunagu.platform.web.Values;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The vocabularies of case-study conferences (labels in the bundles as conf-…-NAME). */
public final class ConferenceTerms {

    private ConferenceTerms() {
    }

    /** Phases a conference moves through; the board is kept by phase. */
    public enum Phase { SUMMARY, QUESTIONS, ASSESSMENT, IDEAS, REFLECTION, INCIDENT, FACTS, PROBLEM, PLAN, DISCUSSION, WRAP_UP }

    /** The guided formats with their default phases and minutes. */
    public enum Format {
        /** 野中式: summary 5–10, questions 40, assessment 20, support ideas 20, reflection and wrap-up 10. */
        NONAKA(List.of(new Step(Phase.SUMMARY, 10), new Step(Phase.QUESTIONS, 40), new Step(Phase.ASSESSMENT, 20),
                new Step(Phase.IDEAS, 20), new Step(Phase.REFLECTION, 10))),
        /** インシデント・プロセス法: the incident, fact-finding questions, the problem, plans, reflection. */
        INCIDENT(List.of(new Step(Phase.INCIDENT, 5), new Step(Phase.FACTS, 30), new Step(Phase.PROBLEM, 15),
                new Step(Phase.PLAN, 25), new Step(Phase.REFLECTION, 15))),
        FREE(List.of(new Step(Phase.SUMMARY, 10), new Step(Phase.DISCUSSION, 60), new Step(Phase.WRAP_UP, 10)));

        private final List<Step> steps;

        Format(List<Step> steps) {
            this.steps = steps;
        }

        public List<Step> steps() {
            return steps;
        }
    }

    public record Step(Phase phase, int minutes) {
    }

    /** 同意に基づく会議 / 支援会議 (法定、守秘義務) / 匿名化した事例での学習会. */
    public enum LegalBasis { CONSENT, STATUTORY, STUDY }

    /** What a read of case material opened (the read log): the sheet, the board, the printed copy. */
    public enum ReadPart { CASE, BOARD, PRINT }

    // an attendee's role is the access policy's own type: jp.tsunagu.access.AttendeeRole

    public enum Sex { MALE, FEMALE, OTHER }

    public enum CertificateType { NONE, PHYSICAL, INTELLECTUAL, MENTAL, APPLYING }

    public static final List<String> GRADES = List.of("1", "2", "3", "4", "5", "6", "7", "A", "B", "A1", "A2", "B1", "B2");

    public static final List<Integer> AGE_BANDS = List.of(10, 20, 30, 40, 50, 60, 70, 80);

    /** Diagnosis categories (broad, never a rare diagnosis that could identify). */
    public enum Diagnosis {
        DEVELOPMENTAL, INTELLECTUAL, SCHIZOPHRENIA, MOOD, ANXIETY, ADDICTION, EPILEPSY, BRAIN_INJURY, PHYSICAL,
        INTRACTABLE, MULTIPLE, OTHER
    }

    /** Who is around the person in the support team. */
    public enum AgencyType {
        NAKAPOTSU, CONSULTATION, HELLO_WORK, TRANSITION_SUPPORT, RETENTION_SUPPORT, CONTINUOUS_B, VOCATIONAL_CENTER,
        EMPLOYER, MEDICAL, GOVERNMENT, WELFARE_COUNCIL, HOME_HELP, SELF_HELP_GROUP, COMMUNITY_VOLUNTEER, FAMILY,
        CHILDREN_PLACE, FOOD_BANK, SCHOOL, OTHER
    }

    public enum Frequency { DAILY, TWICE_WEEKLY, WEEKLY, TWICE_MONTHLY, MONTHLY, AS_NEEDED }

    public enum Relation { STRONG, NORMAL, WEAK, STRESSED }

    public enum BoardKind { QUESTION, ANSWER, NOTE, ASSESSMENT, IDEA }

    public enum LearningKind { IDEA, LESSON }

    /** Themes of the learnings library. */
    public enum Tag { MENTAL, DEVELOPMENTAL, INTELLECTUAL, FAMILY, RETENTION, EMPLOYER, POVERTY, ADDICTION, NETWORK, HOUSING }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Values.enumOf(type, value);
    }

    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
