/** The `organizations` row of a projection. */
export interface OrganizationRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly seq: number;
  readonly head: string;
  /**
   * The charter as last applied, as JSON text. Its key order is the order it arrived in, so two
   * rows hold the same charter when their texts are equal as canonical JSON (`compareProjections`
   * compares them so); writing it costs an append a plain `JSON.stringify`.
   */
  readonly charter: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The runtime state beyond units and keys (`RuntimeJson`), as canonical JSON. */
  readonly runtime: string;
}

/** A `units` row: where a unit's slider stands. */
export interface UnitRow {
  readonly id: string;
  /** Order in the charter. */
  readonly position: number;
  readonly name: string;
  readonly dimension: string;
  /** The runtime level, which may differ from the level the charter declares. */
  readonly level: number;
  readonly levelId: string;
  readonly target: number;
  readonly levelSince: string;
}

/** A `member_keys` row. */
export interface KeyRow {
  readonly member: string;
  readonly key: string;
}

/**
 * The stored projection of one organization, as rows: what appends write and what `rebuild`
 * compares with a replay. It is computed from an `OrgState` by `projectState` only, so the rows
 * an append writes and the rows a replay expects can never disagree by construction — only by
 * corruption or a change in `applyEvent`.
 */
export interface Projection {
  readonly organization: OrganizationRow;
  readonly units: readonly UnitRow[];
  readonly keys: readonly KeyRow[];
}
