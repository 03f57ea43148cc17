package jp.tsunagu.access;

/** Center statistics (実績): a center's staff enter and read its own; the secretariat reads all and the national tables. */
final class StatisticsRules {

    private StatisticsRules() {
    }

    /** A center's own lead and staff keep its figures. */
    static boolean aCentersStaffKeepItsFigures(Viewer viewer, Resource.CenterStatistics s) {
        return s.type() == OrgType.NAKAPOTSU && viewer.memberOf(s.centerId())
                && (viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF));
    }

    /** A center's figures are read by its staff and the secretariat. */
    static boolean figuresAreReadByTheCenterAndTheSecretariat(Viewer viewer, Resource.CenterStatistics s) {
        return Who.secretariat(viewer) || aCentersStaffKeepItsFigures(viewer, s);
    }

    /** The national and prefecture tables: the secretariat. */
    static boolean nationalTablesAreTheSecretariats(Viewer viewer) {
        return Who.secretariat(viewer);
    }
}
