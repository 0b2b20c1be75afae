import type { Role } from '../model/Organization.js';
import type { Path } from '../schema/Schema.js';
import { suggestionHint } from '../text/didYouMean.js';
import type { PathIssue } from '../yaml/parseLocatedYaml.js';
import type { CharterInput, LadderInput, UnitInput } from './charterSchema.js';
import { DEFAULT_LADDER } from './defaults.js';
import { ANY_ID, type SetAside } from './pruneInvalid.js';

/** An issue found while resolving, located by the path of the value it is about. */
export type ResolveIssue = PathIssue;

/** What an issue says, without its severity. */
export type IssueReport = Omit<ResolveIssue, 'severity'>;

export interface LevelSource {
  readonly ladder: LadderInput;
  /** Path of the ladder in the file; undefined for the built-in ladder. */
  readonly path: Path | undefined;
}

/**
 * What every resolver shares while one charter is resolved: the issues found so far and the
 * declarations found so far, by id. Lookups are maps and sets, so a reference costs the same in a
 * charter of ten members as in one of ten thousand.
 */
export interface ResolveContext {
  readonly input: CharterInput;
  readonly issues: readonly ResolveIssue[];
  readonly memberIds: Set<string>;
  readonly tokenSymbols: Set<string>;
  readonly dimensionIds: Set<string>;
  readonly roles: Map<string, Role>;
  readonly ladders: Map<string, LevelSource>;
  readonly units: Map<string, { readonly unit: UnitInput; readonly index: number }>;
  readonly metricIds: Set<string>;
  error(report: IssueReport): void;
  warn(report: IssueReport): void;
  /** Errors reported so far; a resolver compares it before and after to tell whether its part failed. */
  errorCount(): number;
  /** Reports a reference to something not declared, with a did-you-mean, unless its entry was set aside. */
  unknown(args: UnknownReference): void;
  /**
   * Whether a reference names one of `declared`; when it does not, it is reported as `unknown`
   * reports it, with a did-you-mean among the declared ids.
   */
  declares(args: Omit<UnknownReference, 'candidates'> & { readonly declared: DeclaredIds }): boolean;
  /**
   * `declares` for a reference in the field named after its noun (`unit: treasury` at
   * `[...path, 'unit']`), against the ids declared for that noun.
   *
   * @example
   * context.declaresField({ path: ['units', 0], noun: 'dimension', name: 'capital' })
   */
  declaresField(args: { path: Path; noun: FieldNoun; name: string }): boolean;
  /** Reports each id declared a second time, pointing back at the first. */
  unique(args: { ids: readonly string[]; listPath: Path; field: string; noun: string }): void;
  /** A level's position from a reference (id or number) on a ladder; reports and gives undefined if there is none. */
  levelIndex(args: {
    ladder: LadderInput;
    ref: string | number;
    path: Path;
    onKey?: boolean;
  }): number | undefined;
  /** The ladder a declared unit climbs, if both exist. */
  ladderOf(unitId: string): LadderInput | undefined;
}

/** What a resolver of one part of a unit (its commitments, its dependencies) reads. */
export interface UnitPartArgs {
  readonly context: ResolveContext;
  readonly unit: UnitInput;
  /** The unit's path in the charter, `['units', i]`. */
  readonly path: Path;
  /** The ladder the unit climbs. */
  readonly ladder: LadderInput;
}

/** The nouns a reference may name in a field of that name. */
export type FieldNoun = 'unit' | 'role' | 'metric' | 'dimension' | 'token';

/** What a reference may name; each has its code, `charter/unknown-<noun>`. */
export type ReferenceNoun =
  | 'unit'
  | 'role'
  | 'member'
  | 'ladder'
  | 'dimension'
  | 'metric'
  | 'token'
  | 'level'
  | 'slot';

/** The ids declared so far of one kind: a set of them, or a map keyed by them. */
export type DeclaredIds = ReadonlySet<string> | ReadonlyMap<string, unknown>;

export interface UnknownReference {
  readonly path: Path;
  readonly noun: ReferenceNoun;
  readonly name: string;
  /** Called only when the issue is reported, so a valid reference never lists its candidates. */
  readonly candidates: () => Iterable<string>;
  readonly onKey?: boolean;
}

const NOUN_TO_KIND: Record<string, keyof SetAside> = {
  unit: 'units',
  role: 'roles',
  member: 'members',
  ladder: 'ladders',
  dimension: 'dimensions',
  metric: 'metrics',
  token: 'tokens',
};

/**
 * Did-you-mean compares a name with every candidate. A charter with thousands of wrong references
 * to thousands of members would spend seconds on suggestions no one reads past the first screen,
 * so after this many the hint only says what to check.
 */
const SUGGESTION_BUDGET = 200;

export function createResolveContext(args: { input: CharterInput; setAside?: SetAside }): ResolveContext {
  const { input, setAside } = args;
  const issues: ResolveIssue[] = [];
  let errors = 0;
  let suggestions = 0;
  const context: ResolveContext = {
    input,
    issues,
    memberIds: new Set(),
    tokenSymbols: new Set(),
    dimensionIds: new Set(),
    roles: new Map(),
    ladders: new Map([[DEFAULT_LADDER.id, { ladder: DEFAULT_LADDER, path: undefined }]]),
    units: new Map(),
    metricIds: new Set(),
    error(report) {
      errors += 1;
      issues.push({ ...report, severity: 'error' });
    },
    warn(report) {
      issues.push({ ...report, severity: 'warning' });
    },
    errorCount: () => errors,
    unknown({ path, noun, name, candidates, onKey }) {
      // An entry that failed the schema is already reported; references to it are not errors twice.
      const kind = NOUN_TO_KIND[noun];
      const doubtful = kind === undefined ? undefined : setAside?.[kind];
      if (doubtful?.has(name) || doubtful?.has(ANY_ID)) return;
      suggestions += 1;
      context.error({
        path,
        code: `charter/unknown-${noun}`,
        message: `unknown ${noun} '${name}'`,
        hint:
          suggestions <= SUGGESTION_BUDGET
            ? suggestionHint({ input: name, candidates: [...candidates()], noun })
            : `check the spelling against the declared ${noun}s`,
        ...(onKey === true ? { onKey } : {}),
      });
    },
    declares({ declared, ...reference }) {
      if (declared.has(reference.name)) return true;
      context.unknown({ ...reference, candidates: () => declared.keys() });
      return false;
    },
    declaresField({ path, noun, name }) {
      const declared = {
        unit: context.units,
        role: context.roles,
        metric: context.metricIds,
        dimension: context.dimensionIds,
        token: context.tokenSymbols,
      }[noun];
      return context.declares({ declared, path: [...path, noun], noun, name });
    },
    unique({ ids, listPath, field, noun }) {
      const first = new Map<string, number>();
      ids.forEach((id, index) => {
        const earlier = first.get(id);
        if (earlier === undefined) {
          first.set(id, index);
          return;
        }
        context.error({
          path: [...listPath, index, field],
          code: 'charter/duplicate-id',
          message: `${noun} '${id}' is declared twice`,
          hint: `give each ${noun} its own ${field}`,
          related: { path: [...listPath, earlier, field], message: `'${id}' first declared here` },
        });
      });
    },
    levelIndex({ ladder, ref, path, onKey }) {
      const ids = ladder.levels.map((l) => l.id);
      if (typeof ref === 'number') {
        if (ref < ladder.levels.length) return ref;
        context.error({
          path,
          code: 'charter/level-out-of-range',
          message: `level ${ref} is outside ladder '${ladder.id}'`,
          hint: `'${ladder.id}' has levels 0 to ${ladder.levels.length - 1} (${ids.join(', ')})`,
        });
        return undefined;
      }
      const index = ids.indexOf(ref);
      if (index >= 0) return index;
      context.error({
        path,
        code: 'charter/unknown-level',
        message: `ladder '${ladder.id}' has no level '${ref}'`,
        hint: suggestionHint({ input: ref, candidates: ids, noun: 'level' }),
        ...(onKey === true ? { onKey } : {}),
      });
      return undefined;
    },
    ladderOf(unitId) {
      const entry = context.units.get(unitId);
      if (entry === undefined) return undefined;
      return context.ladders.get(entry.unit.ladder ?? DEFAULT_LADDER.id)?.ladder;
    },
  };
  return context;
}
