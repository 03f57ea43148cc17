package jp.tsunagu.directory;

/** What a circle is for: a regional exchange meeting, a prefecture council, a pair, the network, other. */
public enum CircleKind { EXCHANGE_MEETING, PREFECTURE_COUNCIL, PAIR, NETWORK, OTHER }
