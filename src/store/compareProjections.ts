import { canonicalJson } from '../core/log/canonicalJson.js';
import type { OrganizationRow, Projection } from './Projection.js';

/** The row with its charter text in canonical JSON, so the order of keys is no difference. */
function canonicalRow(row: OrganizationRow): OrganizationRow {
  try {
    return { ...row, charter: canonicalJson(JSON.parse(row.charter)) };
  } catch {
    return row;
  }
}

/**
 * Every difference between a stored projection and the expected one, one line each, e.g.
 * `units[brand].level: stored 2, replayed 0`. Empty when they are identical.
 */
export function compareProjections(args: { stored: Projection; replayed: Projection }): string[] {
  const { stored, replayed } = args;
  const differences: string[] = [];
  const show = (value: unknown) => {
    const text = JSON.stringify(value) ?? 'nothing';
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  };
  const compareRecords = (where: string, a: object | undefined, b: object | undefined) => {
    if (a === undefined || b === undefined) {
      if (a !== b)
        differences.push(`${where}: ${a === undefined ? 'missing from the store' : 'not in the replay'}`);
      return;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const field of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (left[field] !== right[field]) {
        differences.push(`${where}.${field}: stored ${show(left[field])}, replayed ${show(right[field])}`);
      }
    }
  };
  compareRecords('organization', canonicalRow(stored.organization), canonicalRow(replayed.organization));
  const byId = <T>(rows: readonly T[], key: (row: T) => string) =>
    new Map(rows.map((row) => [key(row), row]));
  const storedUnits = byId(stored.units, (u) => u.id);
  const replayedUnits = byId(replayed.units, (u) => u.id);
  for (const id of new Set([...storedUnits.keys(), ...replayedUnits.keys()])) {
    compareRecords(`units[${id}]`, storedUnits.get(id), replayedUnits.get(id));
  }
  const storedKeys = byId(stored.keys, (k) => k.member);
  const replayedKeys = byId(replayed.keys, (k) => k.member);
  for (const member of new Set([...storedKeys.keys(), ...replayedKeys.keys()])) {
    compareRecords(`keys[${member}]`, storedKeys.get(member), replayedKeys.get(member));
  }
  return differences;
}
