import type { SchemaIssue } from '../schema/Schema.js';
import type { CharterInput } from './charterSchema.js';

/** Ids of entries set aside because they failed the schema, by kind of entry. */
export interface SetAside {
  readonly units: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly members: ReadonlySet<string>;
  readonly ladders: ReadonlySet<string>;
  readonly dimensions: ReadonlySet<string>;
  readonly metrics: ReadonlySet<string>;
  readonly tokens: ReadonlySet<string>;
}

const LISTS = ['members', 'roles', 'units', 'ladders', 'dimensions', 'metrics'] as const;
const WHOLE_LIST = -1;
/** In a set-aside set: every id of that kind is in doubt. */
export const ANY_ID = '*';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps the parts of a charter that passed the schema, so that cross-reference checks can still
 * run — and report everything in one pass — when some entries are malformed. An entry of a
 * top-level list (a unit, a role …) with any schema issue is set aside whole; its id, if it has
 * one, is returned so references to it are not reported as unknown as well.
 *
 * Returns undefined when the document is not even a mapping.
 */
export function pruneInvalid(args: {
  value: unknown;
  issues: readonly SchemaIssue[];
}): { input: CharterInput; setAside: SetAside } | undefined {
  const { value, issues } = args;
  if (!isMapping(value)) return undefined;
  const bad = new Map<string, Set<number>>();
  let organizationBad = false;
  let defaultsBad = false;
  const badTokens = new Set<number>();
  for (const { path } of issues) {
    const [head, index, third] = path;
    if (typeof head !== 'string') continue;
    if ((LISTS as readonly string[]).includes(head)) {
      if (!bad.has(head)) bad.set(head, new Set());
      // An issue with the list as a whole (not a list, too short) puts every reference of that kind in doubt.
      bad.get(head)!.add(typeof index === 'number' ? index : WHOLE_LIST);
    } else if (head === 'organization') {
      if (index === 'tokens' && typeof third === 'number') badTokens.add(third);
      else organizationBad = true;
    } else if (head === 'defaults') {
      defaultsBad = true;
    }
  }
  const idOf = (entry: unknown, key = 'id') =>
    isMapping(entry) && typeof entry[key] === 'string' ? (entry[key] as string) : undefined;
  const keep = (list: string): { kept: unknown[]; dropped: Set<string> } => {
    const raw = value[list];
    const dropped = new Set<string>();
    if (!Array.isArray(raw)) return { kept: [], dropped };
    const badIndexes = bad.get(list) ?? new Set<number>();
    if (badIndexes.has(WHOLE_LIST)) dropped.add(ANY_ID);
    const kept = raw.filter((entry, i) => {
      if (!badIndexes.has(i)) return true;
      const id = idOf(entry);
      if (id !== undefined) dropped.add(id);
      return false;
    });
    return { kept, dropped };
  };
  const lists = Object.fromEntries(LISTS.map((list) => [list, keep(list)])) as Record<
    (typeof LISTS)[number],
    ReturnType<typeof keep>
  >;
  const organization = isMapping(value['organization']) ? value['organization'] : {};
  const rawTokens = Array.isArray(organization['tokens']) ? organization['tokens'] : [];
  const droppedTokens = new Set<string>(organizationBad ? [ANY_ID] : []);
  const tokens = rawTokens.filter((token, i) => {
    if (!badTokens.has(i)) return true;
    const symbol = idOf(token, 'symbol');
    if (symbol !== undefined) droppedTokens.add(symbol);
    return false;
  });
  const input = {
    devolve: 1,
    organization: organizationBad
      ? { id: 'organization', name: 'organization', kind: 'web3', tokens }
      : { ...organization, tokens },
    ...(value['dimensions'] === undefined ? {} : { dimensions: lists.dimensions.kept }),
    members: lists.members.kept,
    roles: lists.roles.kept,
    ...(defaultsBad || value['defaults'] === undefined ? {} : { defaults: value['defaults'] }),
    ...(value['metrics'] === undefined ? {} : { metrics: lists.metrics.kept }),
    ...(value['ladders'] === undefined ? {} : { ladders: lists.ladders.kept }),
    units: lists.units.kept,
  } as CharterInput;
  return {
    input,
    setAside: {
      units: lists.units.dropped,
      roles: lists.roles.dropped,
      members: lists.members.dropped,
      ladders: lists.ladders.dropped,
      dimensions: lists.dimensions.dropped,
      metrics: lists.metrics.dropped,
      tokens: droppedTokens,
    },
  };
}
