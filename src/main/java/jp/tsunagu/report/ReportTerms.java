package jp.tsunagu.report;

import java.util.List;

/**
 * The closed vocabularies of pair reports. Labels live in the message bundles as
 * {@code report.status.<NAME>}, {@code report.section.<NAME>}, {@code report.role.<NAME>}.
 */
public final class ReportTerms {

    private ReportTerms() {
    }

    /** DRAFT: the centers write; SUBMITTED: with the secretariat; APPROVED: part of the program's report. */
    public enum Status { DRAFT, SUBMITTED, APPROVED }

    /** The sections of a report, in the order of the FY2023 report's pages, and remarks on the whole. */
    public enum Section { MOTIVE, ACTIVITIES, KEY_POINTS, ASSESSMENT, CHANGES, SURVEY, MESSAGE, GENERAL }

    public enum AuthorRole { ADVISOR, SECRETARIAT, CENTER }

    static final List<Section> SECTIONS = List.of(Section.values());
}
