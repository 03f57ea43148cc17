package jp.tsunagu.access;

/** How far a posting reaches: its owner's drafts, the circles it was shared into, or the whole network. */
public enum PostingVisibility {
    ORGANIZATION, CIRCLES, NETWORK;

    /** The stored value, or ORGANIZATION (the narrowest) for anything unknown. */
    public static PostingVisibility of(String stored) {
        for (PostingVisibility v : values()) {
            if (v.name().equals(stored)) {
                return v;
            }
        }
        return ORGANIZATION;
    }
}
