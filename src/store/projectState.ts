import type { OrgState } from '../core/state/OrgState.js';
import type { Projection } from './Projection.js';
import { runtimeText } from './runtimeJson.js';

/**
 * Text as a database column can hold it: PostgreSQL refuses NUL characters, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8, so each becomes U+FFFD. Only display names pass through
 * here; the charter itself is stored as escaped JSON, and the log as canonical JSON, both exact.
 */
export function storableText(text: string): string {
  return text.replace(
    /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

/**
 * The rows that represent `state`, given when the log began and when its last event was recorded
 * (neither is part of `OrgState`).
 *
 * @example
 * const rows = projectState({ state, createdAt: first.recordedAt, updatedAt: last.recordedAt });
 */
export function projectState(args: {
  state: OrgState;
  createdAt: string;
  updatedAt: string;
  /** The runtime column's text when already known (a stored snapshot): not serialized again. */
  runtime?: string;
  /**
   * The state this one follows and its projection: its charter text and key rows are reused
   * when the state still holds the very same charter and keys (a vote changes neither).
   */
  previous?: { readonly state: OrgState; readonly projection: Projection };
}): Projection {
  const { state, previous } = args;
  const { organization } = state;
  return {
    organization: {
      id: state.id,
      name: storableText(organization.name),
      kind: organization.kind,
      seq: state.seq,
      head: state.head,
      charter:
        previous !== undefined && previous.state.charter === state.charter
          ? previous.projection.organization.charter
          : JSON.stringify(state.charter),
      createdAt: args.createdAt,
      updatedAt: args.updatedAt,
      runtime: args.runtime ?? runtimeText(state),
    },
    units: organization.units.map((unit, position) => {
      const level = state.levels[unit.id] ?? unit.level;
      return {
        id: unit.id,
        position,
        name: storableText(unit.name),
        dimension: unit.dimension,
        level,
        levelId: unit.levels[level]?.id ?? String(level),
        target: unit.target,
        levelSince: state.levelSince[unit.id] ?? args.updatedAt,
      };
    }),
    keys:
      previous !== undefined && previous.state.keys === state.keys
        ? previous.projection.keys
        : keyRows(state),
  };
}

function keyRows(state: OrgState): Projection['keys'] {
  return Object.entries(state.keys)
    .map(([member, key]) => ({ member, key }))
    .sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}
