package jp.tsunagu.directory;

/** An area's kind: a welfare region (障害保健福祉圏域) or a center's catchment area (圏域). */
public enum AreaKind { WELFARE_REGION, CATCHMENT }
