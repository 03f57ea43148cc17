package jp.tsunagu.directory;

/**
 * What a circle is for: a regional exchange meeting (情報交換会), a liaison council (連絡会・協議会),
 * a prefecture or block network, a working group, a pair (made by the matching), the national
 * network, other.
 */
public enum CircleKind {
    EXCHANGE_MEETING, LIAISON_COUNCIL, PREFECTURE_COUNCIL, WORKING_GROUP, PAIR, NETWORK, OTHER;

    /** Whether people may start a circle of this kind (pairs come from the matching). */
    public boolean startable() {
        return this != PAIR;
    }
}
