package jp.tsunagu.pairing;

import jp.tsunagu.platform.web.Values;

import java.util.List;
import java.util.Optional;

/**
 * The closed vocabularies of the pairing program. Labels live in the message bundles as
 * {@code <family>.<NAME>}: theme, milestone-kind, milestone-status, pairing-status,
 * visit-direction, itinerary-kind (e.g. theme.SUPERVISION).
 */
public final class Terms {

    private Terms() {
    }

    /** The three themes of the program (notes-001 §3.1). */
    public enum Theme { SUPERVISION, DIFFICULT_CASES, REGIONAL_COOPERATION }

    public enum MilestoneKind {
        ONLINE_MEETING, VISIT_TO_SUPPORTING, SURVEY, VISIT_TO_IMPLEMENTING, SEMINAR_REPORT, WRITTEN_REPORT, OTHER
    }

    /** Stored status of a milestone; "late" is derived (planned and past its due date). */
    public enum MilestoneStatus { PLANNED, DONE }

    public enum PairingStatus { MATCHED, ACTIVE, REPORTED, CLOSED }

    /** TO_SUPPORTING = 応援センター訪問 (first visit); TO_IMPLEMENTING = 実施センター訪問 (return visit). */
    public enum VisitDirection { TO_SUPPORTING, TO_IMPLEMENTING }

    public enum ItineraryKind { MEETING, FACILITY_TOUR, COMPANY_TOUR, EXCHANGE, LECTURE, SOCIAL, OTHER }

    /** A pair's or application's one or two themes as a list. */
    /** A pair's or an application's one or two themes, as codes. */
    static List<String> themes(Theme theme1, Theme theme2) {
        return theme2 == null ? List.of(theme1.name()) : List.of(theme1.name(), theme2.name());
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Values.enumOf(type, value);
    }
}
