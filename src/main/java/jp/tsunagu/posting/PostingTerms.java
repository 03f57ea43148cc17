package jp.tsunagu.posting;

import jp.tsunagu.platform.web.Values;

import java.util.Optional;

/**
 * The closed vocabularies of postings. Labels live in the message bundles as
 * {@code <family>.<NAME>}: posting-kind, job-category, employment-type, wage-type,
 * posting-source, visibility, posting-status, disability, request-status.
 */
public final class PostingTerms {

    private PostingTerms() {
    }

    /** 求人 or 職場実習・職場体験枠. */
    public enum Kind { JOB, INTERNSHIP }

    public enum Category { OFFICE, CLEANING, LIGHT_WORK, MANUFACTURING, LOGISTICS, FOOD, RETAIL, CARE, AGRICULTURE, IT, OTHER }

    public enum EmploymentType { REGULAR, CONTRACT, PART_TIME, TEMPORARY }

    public enum WageType { HOURLY, MONTHLY }

    /** ハローワーク (with its posting number), 企業から直接, チラシ, 求人誌, その他. */
    public enum Source { HELLO_WORK, COMPANY, FLYER, MAGAZINE, OTHER }

    /** Own organization only (a draft), the circles it was shared into (非公開), or the whole network. */
    // how far a posting reaches is the access policy's own type: jp.tsunagu.access.PostingVisibility

    public enum Status { OPEN, FILLED, CLOSED }

    /** Disability types the employer has experience with. */
    public enum Disability { PHYSICAL, INTELLECTUAL, MENTAL, DEVELOPMENTAL, HIGHER_BRAIN, INTRACTABLE }

    public enum RequestStatus { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    /** An "anyone suitable?" ask: open for answers, or closed by the asker. */
    public enum AskStatus { OPEN, CLOSED }

    /** How someone outside the sharing organization saw a non-public posting (the view log). */
    public enum ViewKind { VIEW, EXPORT, DIGEST }

    public enum Sort { RELEVANCE, NEWEST, EXPIRY }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Values.enumOf(type, value);
    }
}
