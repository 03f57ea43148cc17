package jp.tsunagu.access;

/** How far a posting reaches: its owner's drafts, the circles it was shared into, or the whole network. */
public enum PostingVisibility {
    ORGANIZATION, CIRCLES, NETWORK
}
