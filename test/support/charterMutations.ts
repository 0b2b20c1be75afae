import fc from 'fast-check';
import { Document, isMap, isNode, stringify, type ToStringOptions, visit } from 'yaml';
import { DEFAULT_LADDER } from '../../src/core/charter/defaults.js';

/**
 * Mutations of valid charters for the loader's fuzz test. Each mutation is plain data drawn by
 * fast-check and applied by a pure function, so a failing case shrinks to a short list of edits
 * and can be replayed from its printed counterexample.
 *
 * Positions (`at`, `line`, `pick` …) are drawn as unbounded naturals and taken modulo the size of
 * the text or of the candidate list at the moment the mutation is applied: the same plan stays
 * meaningful after earlier mutations have changed the document.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

// ---------------------------------------------------------------------------------------------
// Text-level mutations: what an author's editor, a bad merge or a cut-off upload does to a file.
// ---------------------------------------------------------------------------------------------

/** Characters and fragments that mean something to a YAML parser, or to a line counter. */
const YAML_SNIPPETS = [
  ':',
  ': ',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '&a [*a]',
  '<<: *a',
  '!!',
  '!!str ',
  '!!int ',
  '!!binary ',
  '!!map ',
  '!local ',
  '#',
  ' # note',
  '\t',
  '"',
  "'",
  '"\\u',
  '\\',
  '|',
  '|-',
  '>',
  '? ',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u0000',
  '\u2028',
  '\u00a0',
  '\uD800',
  'null',
  '~',
  '.nan',
  '0x1F',
  '1e400',
  'yes',
  '@',
  '`',
  '  ',
  '{a: [b, {c: d}]}',
  'x: &b { y: *b }',
] as const;

const snippet = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...YAML_SNIPPETS) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(...YAML_SNIPPETS), minLength: 2, maxLength: 5 }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
);

export type TextMutation =
  | { readonly kind: 'insert'; readonly at: number; readonly align: Align; readonly text: string }
  | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly text: string }
  | { readonly kind: 'delete-range'; readonly at: number; readonly length: number }
  | { readonly kind: 'delete-lines'; readonly line: number; readonly count: number }
  | { readonly kind: 'duplicate-lines'; readonly line: number; readonly count: number }
  | { readonly kind: 'swap-lines'; readonly a: number; readonly b: number }
  | { readonly kind: 'indent'; readonly line: number; readonly count: number; readonly by: number }
  | { readonly kind: 'truncate'; readonly at: number };

/** Where an insertion lands: YAML cares most about line starts, indentation and what follows a colon. */
type Align = 'anywhere' | 'line-start' | 'after-indent' | 'line-end' | 'after-colon';

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      align: fc.constantFrom<Align>('anywhere', 'line-start', 'after-indent', 'line-end', 'after-colon'),
      text: snippet,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
      text: snippet,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete-range' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 300 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete-lines' as const),
      line: fc.nat(),
      count: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate-lines' as const),
      line: fc.nat(),
      count: fc.integer({ min: 1, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('indent' as const),
      line: fc.nat(),
      count: fc.integer({ min: 1, max: 6 }),
      by: fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
);

export function applyTextMutation(text: string, mutation: TextMutation): string {
  const lines = text.split('\n');
  const lineAt = (n: number) => n % lines.length;
  switch (mutation.kind) {
    case 'insert': {
      const at = alignOffset(text, mutation.at % (text.length + 1), mutation.align);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'replace': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at + mutation.length);
    }
    case 'delete-range': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'delete-lines': {
      const start = lineAt(mutation.line);
      return [...lines.slice(0, start), ...lines.slice(start + mutation.count)].join('\n');
    }
    case 'duplicate-lines': {
      const start = lineAt(mutation.line);
      const copied = lines.slice(start, start + mutation.count);
      return [...lines.slice(0, start), ...copied, ...lines.slice(start)].join('\n');
    }
    case 'swap-lines': {
      const a = lineAt(mutation.a);
      const b = lineAt(mutation.b);
      const swapped = [...lines];
      [swapped[a], swapped[b]] = [lines[b]!, lines[a]!];
      return swapped.join('\n');
    }
    case 'indent': {
      const start = lineAt(mutation.line);
      return lines
        .map((line, i) => {
          if (i < start || i >= start + mutation.count) return line;
          if (mutation.by > 0) return ' '.repeat(mutation.by) + line;
          const removable = line.length - line.trimStart().length;
          return line.slice(Math.min(removable, -mutation.by));
        })
        .join('\n');
    }
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
  }
}

function alignOffset(text: string, at: number, align: Align): number {
  if (align === 'anywhere') return at;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline === -1 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd);
  switch (align) {
    case 'line-start':
      return lineStart;
    case 'after-indent':
      return lineStart + (line.length - line.trimStart().length);
    case 'line-end':
      return lineEnd;
    case 'after-colon': {
      const colon = line.indexOf(':');
      return colon === -1 ? lineEnd : lineStart + colon + 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Structure-level mutations: documents that are valid YAML but wrong as charters, most of them
// still the right shape, so they get past the schema and exercise cross-reference resolution.
// ---------------------------------------------------------------------------------------------

/** Keys whose string value names something declared elsewhere. */
const REFERENCE_KEYS = new Set([
  'unit',
  'level',
  'for',
  'target',
  'atLeast',
  'dimension',
  'ladder',
  'role',
  'metric',
  'member',
  'token',
  'reputation',
]);
/** Keys whose list items name roles, slots or members. */
const REFERENCE_LIST_KEYS = new Set([
  'owners',
  'deciders',
  'propose',
  'with',
  'by',
  'team',
  'council',
  'community',
  'guardian',
  'members',
]);
/** Mappings keyed by level reference. */
const LEVEL_KEYED = new Set(['readiness', 'policies']);
/** Level references, written as an id or a position on the ladder. */
const LEVEL_KEYS = new Set(['level', 'for', 'target', 'atLeast']);
/** Durations, instants and ratios: values with a grammar of their own. */
const GRAMMAR_KEYS = new Set([
  'period',
  'window',
  'timelock',
  'lateQuorumExtension',
  'timeAtLevel',
  'exitWindow',
  'since',
  'by',
  'from',
  'until',
  'quorum',
  'threshold',
  'minThreshold',
  'devolve',
  'decimals',
  'minVoters',
  'winners',
  'minMembers',
  'decisionsAtLevel',
]);

const LEVEL_IDS = DEFAULT_LADDER.levels.map((level) => level.id);

const GARBAGE = [
  '',
  ' ',
  'P',
  'PT',
  'P0D',
  'P1M',
  'P1Y2M',
  'P-1D',
  '-7d',
  '7x',
  '7 d',
  '99999999999999999999999d',
  'P99999999999999W',
  '2027-13-01',
  '2027-02-30',
  '2027-06-30T24:00:00Z',
  '2027-06-30T12:00:00',
  '2027-06-30T12:00:00+25:00',
  '0000-00-00',
  '9999-12-31T23:59:59.999999999Z',
  '150%',
  '-1%',
  '%',
  '3/0',
  '0/0',
  '5/3',
  '1/1',
  '0.',
  '.5',
  '1e-7',
  `1${'0'.repeat(400)}/3`,
  'NaN',
  'Infinity',
  0,
  -1,
  1.5,
  2,
  1e-7,
  1e308,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  null,
  [],
  {},
] as const satisfies readonly Json[];

/** Names that look like identifiers but collide with something: built-ins, reserved words, prototype keys. */
const TRICKY_NAMES = [
  'default',
  'members',
  'anyone',
  'owner',
  '$owner',
  '$team',
  '$nobody',
  'constructor',
  'prototype',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'x',
  'a'.repeat(65),
  'Treasury',
  'core_team',
  'core--team',
  '-core',
  '0',
  '',
] as const;

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: fc.constantFrom<Json>(...GARBAGE) },
  { weight: 1, arbitrary: fc.constantFrom<Json>(...TRICKY_NAMES) },
  { weight: 1, arbitrary: fc.double() },
);

/** Values for durations, instants, ratios and counts: mostly near misses of their grammar. */
const garbage: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Json>(...GARBAGE) },
  { weight: 1, arbitrary: jsonValue },
);

const idLike = fc.oneof(
  fc.constantFrom(...TRICKY_NAMES),
  fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/),
  fc.string({ maxLength: 10 }),
);

/** A near-miss spelling of a name, as a hurried author would type it. */
const typo = fc.record({
  op: fc.constantFrom('drop', 'swap', 'double', 'change', 'upper', 'dash'),
  at: fc.nat(),
  char: fc.constantFrom('a', 'e', 'r', 's', '-', '_', '1', 'é', ' '),
});
type Typo = typeof typo extends fc.Arbitrary<infer T> ? T : never;

function misspell(name: string, t: Typo): string {
  if (name.length === 0) return t.char;
  const at = t.at % name.length;
  switch (t.op) {
    case 'drop':
      return name.length === 1 ? `${name}${t.char}` : name.slice(0, at) + name.slice(at + 1);
    case 'swap': {
      if (name.length < 2) return name + name;
      const i = Math.min(at, name.length - 2);
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    }
    case 'double':
      return name.slice(0, at + 1) + name[at] + name.slice(at + 1);
    case 'change':
      return name.slice(0, at) + (name[at] === t.char ? 'z' : t.char) + name.slice(at + 1);
    case 'upper': {
      const upper = name.slice(0, at) + name[at]!.toUpperCase() + name.slice(at + 1);
      return upper === name ? `${name}X` : upper;
    }
    case 'dash':
      return name.replace(/-/g, '_') === name ? `${name}-` : name.replace(/-/g, '_');
  }
}

const levelRef = fc.oneof(
  fc.constantFrom<Json>(...LEVEL_IDS),
  fc.integer({ min: -2, max: 120 }),
  fc.constantFrom<Json>(1.5, '3', 'communty', 'delegate', 'founders', 'Community', ''),
);

export type StructureMutation =
  /** Replace any value (or the whole document) with a JSON value, usually of another type. */
  | { readonly kind: 'replace'; readonly pick: number; readonly value: Json }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'add-key'; readonly pick: number; readonly key: string; readonly value: Json }
  /** Rename a declared id: every reference to it breaks, or now points at a duplicate. */
  | { readonly kind: 'rename-id'; readonly pick: number; readonly to: string }
  | { readonly kind: 'misspell-reference'; readonly pick: number; readonly typo: Typo }
  /** Misspell a level used as a key of `readiness:` or `policies:`. */
  | { readonly kind: 'misspell-level-key'; readonly pick: number; readonly typo: Typo }
  | { readonly kind: 'set-level'; readonly pick: number; readonly value: Json }
  | { readonly kind: 'garbage'; readonly pick: number; readonly value: Json }
  /** Units depending on each other in a ring; a deadlock when the levels line up. */
  | { readonly kind: 'cycle'; readonly units: readonly number[]; readonly levels: readonly Json[] }
  /** Declare a ladder cut from the default one and move some units onto it. */
  | {
      readonly kind: 'ladder';
      readonly id: string;
      readonly keep: readonly boolean[];
      readonly reverse: boolean;
      readonly criteria: readonly number[];
      readonly units: number;
    }
  /** Make two places hold the same object, which YAML writes as an anchor and an alias. */
  | { readonly kind: 'share'; readonly from: number; readonly to: number }
  /** Put a mapping or list inside itself, which YAML writes as an alias within its own anchor. */
  | { readonly kind: 'contain-itself'; readonly pick: number; readonly inner: number };

export const structureMutation: fc.Arbitrary<StructureMutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: jsonValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      pick: fc.nat(),
      key: fc.oneof(
        fc.constantFrom(
          'dependson',
          'Level',
          'polices',
          'readyness',
          'extra',
          '__proto__',
          'constructor',
          '<<',
          '',
        ),
        fc.string({ maxLength: 8 }),
      ),
      value: jsonValue,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('rename-id' as const), pick: fc.nat(), to: idLike }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('misspell-reference' as const), pick: fc.nat(), typo }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('misspell-level-key' as const), pick: fc.nat(), typo }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('set-level' as const), pick: fc.nat(), value: levelRef }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), pick: fc.nat(), value: garbage }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cycle' as const),
      // A ring of one is a unit depending on itself.
      units: fc.oneof(
        { weight: 4, arbitrary: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }) },
        { weight: 1, arbitrary: fc.tuple(fc.nat()) },
      ),
      // Positions 1 to 3 exist on every ladder of four or more levels, so most rings are real deadlocks.
      levels: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) },
          { weight: 1, arbitrary: levelRef },
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('ladder' as const),
      id: fc.oneof(fc.constantFrom('custom', 'default', 'slow-lane'), idLike),
      keep: fc.array(fc.boolean(), { minLength: LEVEL_IDS.length, maxLength: LEVEL_IDS.length }),
      reverse: fc.boolean(),
      criteria: fc.array(fc.nat(), { maxLength: 4 }),
      units: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('share' as const), from: fc.nat(), to: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('contain-itself' as const), pick: fc.nat(), inner: fc.nat() }),
  },
);

/** Applies a structure mutation in place to a document parsed from a template; returns the new root. */
export function applyStructureMutation(root: Json, mutation: StructureMutation): Json {
  const all = paths(root);
  const pickFrom = (candidates: readonly Path[], n: number) =>
    candidates.length === 0 ? undefined : candidates[n % candidates.length];
  switch (mutation.kind) {
    case 'replace': {
      const path = pickFrom(all, mutation.pick);
      return path === undefined ? root : setAt(root, path, mutation.value);
    }
    case 'delete': {
      const path = pickFrom(
        all.filter((p) => p.length > 0),
        mutation.pick,
      );
      if (path !== undefined) deleteAt(root, path);
      return root;
    }
    case 'add-key': {
      const path = pickFrom(
        all.filter((p) => isObject(getAt(root, p))),
        mutation.pick,
      );
      if (path !== undefined) define(getAt(root, path) as Record<string, Json>, mutation.key, mutation.value);
      return root;
    }
    case 'rename-id': {
      const path = pickFrom(
        all.filter((p) => p.at(-1) === 'id' && typeof getAt(root, p) === 'string'),
        mutation.pick,
      );
      return path === undefined ? root : setAt(root, path, mutation.to);
    }
    case 'misspell-reference': {
      const path = pickFrom(
        all.filter((p) => typeof getAt(root, p) === 'string' && isReference(p)),
        mutation.pick,
      );
      return path === undefined
        ? root
        : setAt(root, path, misspell(getAt(root, path) as string, mutation.typo));
    }
    case 'misspell-level-key': {
      const path = pickFrom(
        all.filter((p) => p.length >= 2 && LEVEL_KEYED.has(String(p.at(-2))) && typeof p.at(-1) === 'string'),
        mutation.pick,
      );
      if (path === undefined) return root;
      const parent = getAt(root, path.slice(0, -1)) as Record<string, Json>;
      const key = path.at(-1) as string;
      renameKey(parent, key, misspell(key, mutation.typo));
      return root;
    }
    case 'set-level': {
      const path = pickFrom(
        all.filter((p) => LEVEL_KEYS.has(String(p.at(-1)))),
        mutation.pick,
      );
      return path === undefined ? root : setAt(root, path, mutation.value);
    }
    case 'garbage': {
      const path = pickFrom(
        all.filter((p) => GRAMMAR_KEYS.has(String(p.at(-1)))),
        mutation.pick,
      );
      return path === undefined ? root : setAt(root, path, mutation.value);
    }
    case 'cycle':
      addCycle(root, mutation.units, mutation.levels);
      return root;
    case 'ladder':
      addLadder(root, mutation);
      return root;
    case 'share': {
      const collections = all.filter(
        (p) => p.length > 0 && typeof getAt(root, p) === 'object' && getAt(root, p) !== null,
      );
      const from = pickFrom(collections, mutation.from);
      const to = pickFrom(all, mutation.to);
      // `to` inside `from` makes the value contain itself: a recursive alias, which YAML allows.
      return from === undefined || to === undefined ? root : setAt(root, to, getAt(root, from) as Json);
    }
    case 'contain-itself': {
      const outer = pickFrom(
        all.filter((p) => p.length > 0 && typeof getAt(root, p) === 'object' && getAt(root, p) !== null),
        mutation.pick,
      );
      if (outer === undefined) return root;
      const inner = pickFrom(
        all.filter((p) => p.length > outer.length && isPrefix(outer, p)),
        mutation.inner,
      );
      return inner === undefined ? root : setAt(root, inner, getAt(root, outer) as Json);
    }
  }
}

function isReference(path: Path): boolean {
  const last = path.at(-1);
  if (typeof last === 'string') return REFERENCE_KEYS.has(last);
  return REFERENCE_LIST_KEYS.has(String(path.at(-2)));
}

function unitsOf(root: Json): { [key: string]: Json }[] {
  if (!isObject(root) || !Array.isArray(root['units'])) return [];
  return root['units'].filter(isObject);
}

function addCycle(root: Json, picks: readonly number[], levels: readonly Json[]): void {
  const units = unitsOf(root);
  if (units.length === 0) return;
  // One pick makes a unit depend on itself; more make a ring A → B → … → A.
  const ring = picks.map((n) => units[n % units.length]!);
  ring.forEach((unit, i) => {
    const next = ring[(i + 1) % ring.length]!;
    const level = levels[i % levels.length]!;
    const entry: Json = { unit: next['id'] ?? 'nobody', level, for: level };
    const existing = unit['dependsOn'];
    unit['dependsOn'] = Array.isArray(existing) ? [...existing, entry] : [entry];
  });
}

function addLadder(root: Json, mutation: Extract<StructureMutation, { kind: 'ladder' }>): void {
  if (!isObject(root)) return;
  const units = unitsOf(root);
  const roleIds = Array.isArray(root['roles'])
    ? root['roles'].filter(isObject).map((r) => r['id'] ?? 'nobody')
    : [];
  const unitIds = units.map((u) => u['id'] ?? 'nobody');
  const someRole = roleIds[0] ?? 'nobody';
  const someUnit = unitIds[unitIds.length - 1] ?? 'nobody';
  // Criteria of every kind, so declared ladders' requirements and readiness get resolved too.
  const criteria: Json[] = [
    { exitWindow: 'P7D' },
    { timeAtLevel: 'P30D' },
    { role: someRole, minMembers: 2 },
    { role: someRole, minThreshold: '50%' },
    { role: someRole },
    { unit: someUnit, atLeast: 1 },
    { unit: someUnit, atLeast: 'community' },
    { metric: 'participation', atLeast: 0.1, window: 'P90D' },
    { metric: 'participation', atLeast: 0.1, below: 0.9 },
    { metric: 'no-such-metric', above: 1 },
    { all: [{ decisionsAtLevel: 2 }, { not: { exitWindow: 'P1D' } }] },
    {
      any: [
        { checklist: 'audit', text: 'Audited twice' },
        { metric: 'holder-gini', below: 0.9, unit: someUnit },
      ],
    },
  ];
  let levels = DEFAULT_LADDER.levels
    .filter((_, i) => mutation.keep[i] !== false)
    .map((level) => structuredClone(level) as Json);
  if (mutation.reverse) levels = levels.reverse();
  mutation.criteria.forEach((n, i) => {
    const level = levels[n % Math.max(1, levels.length)];
    if (isObject(level)) level[i % 2 === 0 ? 'requirements' : 'readiness'] = criteria[n % criteria.length]!;
  });
  const ladder: Json = { id: mutation.id, name: 'Custom ladder', levels };
  root['ladders'] = Array.isArray(root['ladders']) ? [...root['ladders'], ladder] : [ladder];
  // The bits of `units` say which units move onto the new ladder.
  units.forEach((unit, i) => {
    if ((mutation.units >> (i % 30)) & 1) unit['ladder'] = mutation.id;
  });
}

// ---------------------------------------------------------------------------------------------
// Serialization: the mutated document written back as YAML in several styles, or as JSON.
// ---------------------------------------------------------------------------------------------

export interface Serialization {
  readonly format: 'yaml' | 'json';
  readonly indent: number;
  readonly collectionStyle: 'any' | 'block' | 'flow';
  readonly stringType: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';
  readonly indentSeq: boolean;
  readonly lineWidth: number;
  /** Pairs of mappings (by pick) where the second gets `<<: *first`, a YAML merge key. */
  readonly merges: readonly (readonly [number, number])[];
}

export const serialization: fc.Arbitrary<Serialization> = fc.record({
  format: fc.constantFrom('yaml', 'yaml', 'yaml', 'json'),
  indent: fc.integer({ min: 1, max: 4 }),
  collectionStyle: fc.constantFrom('any', 'any', 'block', 'flow'),
  stringType: fc.constantFrom(
    'PLAIN',
    'PLAIN',
    'QUOTE_DOUBLE',
    'QUOTE_SINGLE',
    'BLOCK_LITERAL',
    'BLOCK_FOLDED',
  ),
  indentSeq: fc.boolean(),
  // Narrower widths are left out: yaml 2.9's folding writes 'undefined' into long flow-style strings
  // when the indentation leaves less than 20 columns, which would test the writer, not the loader.
  lineWidth: fc.constantFrom(0, 80),
  merges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
});

export function serialize(root: Json, options: Serialization): string {
  if (options.format === 'json') {
    try {
      return JSON.stringify(root, null, options.indent % 2 === 0 ? options.indent : undefined) ?? 'null';
    } catch {
      // A document that contains itself has no JSON form; YAML writes it with an alias.
    }
  }
  const style: ToStringOptions = {
    indent: options.indent,
    collectionStyle: options.collectionStyle,
    defaultStringType: options.stringType,
    // Plain keys keep `<<` a merge key; a quoted '<<' is an ordinary (and unknown) key.
    defaultKeyType: 'PLAIN',
    indentSeq: options.indentSeq,
    lineWidth: options.lineWidth,
  };
  if (options.merges.length === 0) return stringify(root, style);
  const document = new Document(root);
  const maps = paths(root).filter((p) => isMap(document.getIn(p, true)));
  options.merges.forEach(([a, b], i) => {
    const target = maps[a % maps.length];
    if (target === undefined) return;
    // Authors merge like into like: one unit into another, one level's policy into the next. The
    // source comes first in the document, so its anchor precedes the alias, and cannot contain
    // the target, which would make the mapping merge itself.
    const sources = maps.filter(
      (p) => shapeOf(p) === shapeOf(target) && maps.indexOf(p) < maps.indexOf(target) && !isPrefix(p, target),
    );
    const source = sources[b % Math.max(1, sources.length)];
    if (source !== undefined) addMerge(document, source, target, `m${i}`);
  });
  return document.toString(style);
}

function holdsAnchor(value: unknown): boolean {
  if (!isNode(value)) return false;
  let found = false;
  visit(value, (_key, node) => {
    if (isNode(node) && node.anchor !== undefined) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** `units[3].policies` → `units[#].policies`: where a mapping sits, regardless of which entry. */
function shapeOf(path: Path): string {
  return path.map((part) => (typeof part === 'number' ? '#' : part)).join('.');
}

function addMerge(document: Document, sourcePath: Path, targetPath: Path, anchor: string): void {
  const source = document.getIn(sourcePath, true);
  const target = document.getIn(targetPath, true);
  if (!isMap(source) || !isMap(target)) return;
  const inherited = (source.toJSON() ?? {}) as Record<string, unknown>;
  // Keys the merge would supply with the same value are removed, so the merge is what provides them.
  for (const pair of [...target.items]) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (typeof key !== 'string' || !Object.hasOwn(inherited, key)) continue;
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.();
    // A value holding an anchor stays: a value shared elsewhere in the document is written once with
    // an anchor and then as aliases, and removing it would leave those aliases pointing at nothing.
    if (JSON.stringify(value) === JSON.stringify(inherited[key]) && !holdsAnchor(pair.value)) {
      target.delete(key);
    }
  }
  source.anchor ??= anchor;
  target.items.unshift(document.createPair('<<', document.createAlias(source, source.anchor)));
}

// ---------------------------------------------------------------------------------------------
// Paths into plain JSON-like values.
// ---------------------------------------------------------------------------------------------

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrefix(prefix: Path, path: Path): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

/** Every path in the value, the root first, in document order; shared or cyclic parts are walked once. */
export function paths(root: Json): Path[] {
  const out: Path[] = [];
  const seen = new Set<object>();
  const walk = (value: Json, path: Path) => {
    out.push(path);
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(item, [...path, i]);
    else for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(root, []);
  return out;
}

export function getAt(root: Json, path: Path): Json | undefined {
  let value: Json | undefined = root;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isObject(value) && typeof part === 'string' && Object.hasOwn(value, part)) value = value[part];
    else return undefined;
  }
  return value;
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isObject(parent) && typeof last === 'string') define(parent, last, value);
  return root;
}

function deleteAt(root: Json, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isObject(parent) && typeof last === 'string') delete parent[last];
}

/** Sets a key as an own property, so `__proto__` is written as a key rather than changing a prototype. */
function define(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Renames a key keeping its position, since YAML keeps mapping order and positions are under test. */
function renameKey(target: Record<string, Json>, from: string, to: string): void {
  if (from === to) return;
  const entries = Object.entries(target);
  for (const key of Object.keys(target)) delete target[key];
  for (const [key, value] of entries)
    if (key !== to || key === from) define(target, key === from ? to : key, value);
}
