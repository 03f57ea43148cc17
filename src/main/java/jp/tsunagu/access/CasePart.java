package jp.tsunagu.access;

/** The parts of a conference's case material. */
public enum CasePart {
    /** The de-identified case sheet and its ecomap (also the printed copy). */
    CASE,
    /** The recorder's board. */
    BOARD,
    /** Draft learnings (approved ones are in the library). */
    LEARNINGS,
    /** The read log. */
    LOG
}
