package jp.tsunagu.meeting;

import jp.tsunagu.platform.web.Values;

import java.util.Optional;

/**
 * The closed vocabularies of meetings. Labels live in the message bundles as
 * {@code <family>.<NAME>}: meeting-kind, meeting-format, meeting-status, rsvp, poll-answer,
 * agenda-type, attendance-mode, action-status.
 */
public final class MeetingTerms {

    private MeetingTerms() {
    }

    /** プログラム会議 (pairing online meeting), 訪問, 情報交換会, 連絡会/連携会議, 研修・セミナー. */
    public enum Kind { PROGRAM_ONLINE, VISIT, EXCHANGE, LIAISON, SEMINAR }

    public enum Format { IN_PERSON, ONLINE, HYBRID }

    /** draft → scheduling (poll open) → scheduled → held → minutes published; or cancelled. */
    public enum Status { DRAFT, SCHEDULING, SCHEDULED, HELD, MINUTES_PUBLISHED, CANCELLED }

    /** An invitee's answer: not yet, attend in person, attend online, decline. */
    public enum Rsvp { PENDING, IN_PERSON, ONLINE, DECLINED }

    /** ○ / △ / × of a scheduling poll. */
    public enum PollChoice { YES, MAYBE, NO }

    public enum AgendaType {
        OPENING, INTRODUCTION, BRIEFING, LECTURE, GROUP_WORK, DISCUSSION, REVIEW, CONFIRMATION, JOB_INFO, BREAK,
        SOCIAL, CLOSING, OTHER
    }

    public enum AttendanceMode { IN_PERSON, ONLINE }

    public enum ActionStatus { OPEN, DONE }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Values.enumOf(type, value);
    }
}
