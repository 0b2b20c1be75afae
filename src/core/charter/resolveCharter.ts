import { BUILT_IN_METRICS } from '../metrics/metricCatalogue.js';
import type {
  Commitment,
  Comparison,
  Criterion,
  Dependency,
  Ladder,
  MetricDefinition,
  Organization,
  Party,
  Policy,
  Role,
  Unit,
  UnitLevel,
  Weight,
} from '../model/Organization.js';
import { checkPolicyInput } from '../policy/checkPolicyInput.js';
import { decentralizationScore } from '../policy/decentralizationScore.js';
import { mergePolicy } from '../policy/mergePolicy.js';
import { parseRatio, type Ratio } from '../ratio/Ratio.js';
import type { Path } from '../schema/Schema.js';
import { suggestionHint } from '../text/didYouMean.js';
import { parseDuration } from '../time/Duration.js';
import { parseInstant } from '../time/Instant.js';
import type { PathIssue } from '../yaml/parseLocatedYaml.js';
import {
  BINDABLE_SLOTS,
  type BindableSlot,
  type CharterInput,
  type CriterionInput,
  type LadderInput,
  type PolicyInput,
  type PolicyOverrideInput,
  SLOTS,
  type UnitInput,
} from './charterSchema.js';
import { DEFAULT_DIMENSIONS, DEFAULT_LADDER } from './defaults.js';
import { findDependencyCycle } from './findDependencyCycle.js';
import { ANY_ID, type SetAside } from './pruneInvalid.js';
import { resolveEmergencyPowers } from './resolveEmergencyPowers.js';

/** An issue found while resolving, located by the path of the value it is about. */
export type ResolveIssue = PathIssue;

export interface ResolveResult {
  /** Present when there were no errors (warnings allowed). */
  readonly organization?: Organization;
  readonly issues: readonly ResolveIssue[];
}

const RESERVED_PARTIES = ['members', 'anyone'] as const;

/** The key under which a per-level map (policies, readiness, requirements) addresses a level: its id or its number. */
function keyFor(
  map: Record<string, unknown> | undefined,
  levelId: string,
  index: number,
): string | undefined {
  if (map === undefined) return undefined;
  if (Object.hasOwn(map, levelId)) return levelId;
  return Object.hasOwn(map, String(index)) ? String(index) : undefined;
}

// Durations, instants and ratios have passed the schema's refinements, so these cannot fail here.
const seconds = (text: string): number => {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.seconds : 0;
};
const epochMs = (text: string): number => {
  const parsed = parseInstant(text);
  return parsed.ok ? parsed.epochMs : 0;
};
const ratio = (value: number | string): Ratio => {
  const parsed = parseRatio(value);
  return parsed.ok ? parsed.ratio : { num: 0n, den: 1n };
};

function toWeight(input: PolicyInput['weight']): Weight | undefined {
  if (input === undefined) return undefined;
  if (input === 'equal') return { kind: 'equal' };
  if ('token' in input) return { kind: 'token', token: input.token };
  return { kind: 'reputation', name: input.reputation };
}

interface LevelSource {
  readonly ladder: LadderInput;
  /** Path of the ladder in the file; undefined for the built-in ladder. */
  readonly path: Path | undefined;
}

/**
 * Turns a charter that passed the schema into the organization model, checking everything the
 * schema cannot: references between parts, slot bindings, policy composition, level positions,
 * dependency cycles, and the requirements of each unit's current level that the charter alone
 * decides (role sizes, thresholds, exit windows). Every issue is collected; none stops the run.
 *
 * @example
 * const { organization, issues } = resolveCharter(input);
 */
export function resolveCharter(input: CharterInput, setAside?: SetAside): ResolveResult {
  return new Resolver(input, setAside).run();
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

class Resolver {
  private readonly issues: ResolveIssue[] = [];
  private readonly roleById = new Map<string, Role>();
  private readonly ladderById = new Map<string, LevelSource>();
  private readonly unitInputById = new Map<string, { unit: UnitInput; index: number }>();
  private readonly metricIds = new Set<string>();

  constructor(
    private readonly input: CharterInput,
    private readonly setAside: SetAside | undefined,
  ) {}

  run(): ResolveResult {
    const { input } = this;
    const tokens = (input.organization.tokens ?? []).map((token) => ({
      symbol: token.symbol,
      name: token.name,
      decimals: token.decimals ?? 18,
      ...(token.chain === undefined ? {} : { chain: token.chain }),
      ...(token.address === undefined ? {} : { address: token.address }),
    }));
    this.unique(
      tokens.map((t) => t.symbol),
      ['organization', 'tokens'],
      'symbol',
      'token',
    );
    const dimensions = input.dimensions ?? DEFAULT_DIMENSIONS;
    this.unique(
      dimensions.map((d) => d.id),
      ['dimensions'],
      'id',
      'dimension',
    );
    const members = input.members.map((m) => ({
      id: m.id,
      name: m.name,
      ...(m.key === undefined ? {} : { key: m.key }),
    }));
    this.unique(
      members.map((m) => m.id),
      ['members'],
      'id',
      'member',
    );
    const memberIds = members.map((m) => m.id);

    const roles = input.roles.map((role, index) =>
      this.resolveRole(
        role,
        index,
        memberIds,
        tokens.map((t) => t.symbol),
      ),
    );
    this.unique(
      roles.map((r) => r.id),
      ['roles'],
      'id',
      'role',
    );
    for (const role of roles) if (!this.roleById.has(role.id)) this.roleById.set(role.id, role);

    const metrics: MetricDefinition[] = BUILT_IN_METRICS.map((m) => ({
      id: m.id,
      name: m.name,
      description: m.description,
      unit: m.unit,
      builtIn: true,
    }));
    for (const metric of metrics) this.metricIds.add(metric.id);
    (input.metrics ?? []).forEach((metric, index) => {
      if (this.metricIds.has(metric.id)) {
        this.error(
          [...['metrics', index, 'id']],
          'charter/duplicate-id',
          `metric '${metric.id}' is already defined`,
          {
            hint: BUILT_IN_METRICS.some((m) => m.id === metric.id)
              ? 'it is a built-in metric: remove this declaration or choose another id'
              : 'choose another id',
          },
        );
        return;
      }
      this.metricIds.add(metric.id);
      metrics.push({
        id: metric.id,
        name: metric.name,
        ...(metric.description === undefined ? {} : { description: metric.description }),
        ...(metric.unit === undefined ? {} : { unit: metric.unit }),
        builtIn: false,
      });
    });

    this.ladderById.set(DEFAULT_LADDER.id, { ladder: DEFAULT_LADDER, path: undefined });
    (input.ladders ?? []).forEach((ladder, index) => {
      const path = ['ladders', index];
      if (this.ladderById.has(ladder.id)) {
        this.error(
          [...path, 'id'],
          'charter/duplicate-id',
          ladder.id === DEFAULT_LADDER.id
            ? "the ladder id 'default' is reserved for the built-in ladder"
            : `ladder '${ladder.id}' is declared twice`,
          { hint: 'choose another id' },
        );
        return;
      }
      this.ladderById.set(ladder.id, { ladder, path });
      this.unique(
        ladder.levels.map((l) => l.id),
        [...path, 'levels'],
        'id',
        'level',
      );
      ladder.levels.forEach((level, levelIndex) => {
        // Slot-free checks of a declared ladder's policies happen once here, not once per unit.
        this.reportPolicyProblems(
          level.policy,
          [...path, 'levels', levelIndex, 'policy'],
          undefined,
          undefined,
        );
      });
    });

    this.unique(
      input.units.map((u) => u.id),
      ['units'],
      'id',
      'unit',
    );
    input.units.forEach((unit, index) => {
      if (!this.unitInputById.has(unit.id)) this.unitInputById.set(unit.id, { unit, index });
    });

    const dimensionIds = dimensions.map((d) => d.id);
    const units = input.units.map((unit, index) =>
      this.resolveUnit(
        unit,
        index,
        dimensionIds,
        tokens.map((t) => t.symbol),
      ),
    );
    const resolvedUnits = units.filter((u): u is Unit => u !== undefined);

    if (resolvedUnits.length === units.length) this.checkCycles(resolvedUnits);

    const ladders: Ladder[] = [...this.ladderById.values()].map(({ ladder, path }) => ({
      id: ladder.id,
      name: ladder.name,
      ...(ladder.description === undefined ? {} : { description: ladder.description }),
      builtIn: path === undefined,
      levels: ladder.levels.map((l) => ({
        id: l.id,
        name: l.name,
        ...(l.summary === undefined ? {} : { summary: l.summary }),
      })),
    }));

    const emergency = resolveEmergencyPowers({
      input: input.emergency,
      roles: roles.map((r) => r.id),
      units: input.units.map((u) => u.id),
    });
    this.issues.push(...emergency.issues);

    const hasErrors = this.issues.some((issue) => issue.severity === 'error');
    if (hasErrors) return { issues: this.issues };
    const organization: Organization = {
      id: input.organization.id,
      name: input.organization.name,
      kind: input.organization.kind,
      ...(input.organization.description === undefined
        ? {}
        : { description: input.organization.description }),
      ...(input.organization.website === undefined ? {} : { website: input.organization.website }),
      tokens,
      dimensions: dimensions.map((d) => ({
        id: d.id,
        name: d.name,
        ...(d.description === undefined ? {} : { description: d.description }),
      })),
      members,
      roles,
      ladders,
      metrics,
      units: resolvedUnits,
      ...(emergency.powers.length === 0 ? {} : { emergencyPowers: emergency.powers }),
    };
    return { organization, issues: this.issues };
  }

  private error(path: Path, code: string, message: string, extra: Partial<ResolveIssue> = {}): void {
    this.issues.push({ path, code, message, severity: 'error', ...extra });
  }

  private warn(path: Path, code: string, message: string, extra: Partial<ResolveIssue> = {}): void {
    this.issues.push({ path, code, message, severity: 'warning', ...extra });
  }

  private unique(ids: readonly string[], listPath: Path, field: string, noun: string): void {
    const first = new Map<string, number>();
    ids.forEach((id, index) => {
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        return;
      }
      this.error([...listPath, index, field], 'charter/duplicate-id', `${noun} '${id}' is declared twice`, {
        hint: `give each ${noun} its own ${field}`,
        related: { path: [...listPath, earlier, field], message: `'${id}' first declared here` },
      });
    });
  }

  private unknown(
    path: Path,
    noun: string,
    name: string,
    candidates: readonly string[],
    onKey = false,
  ): void {
    // An entry that failed the schema is already reported; references to it are not errors twice.
    const kind = NOUN_TO_KIND[noun];
    const doubtful = kind === undefined ? undefined : this.setAside?.[kind];
    if (doubtful?.has(name) || doubtful?.has(ANY_ID)) return;
    this.error(path, `charter/unknown-${noun.replace(/ /g, '-')}`, `unknown ${noun} '${name}'`, {
      hint: suggestionHint({ input: name, candidates, noun }),
      ...(onKey ? { onKey } : {}),
    });
  }

  private resolveRole(
    role: CharterInput['roles'][number],
    index: number,
    memberIds: readonly string[],
    tokenSymbols: readonly string[],
  ): Role {
    const path = ['roles', index];
    if ((RESERVED_PARTIES as readonly string[]).includes(role.id)) {
      this.error(
        [...path, 'id'],
        'charter/reserved-id',
        `'${role.id}' is a built-in electorate, not a role id`,
        {
          hint: `choose another id; '${role.id}' can be used in policies as it is`,
        },
      );
    }
    const members = (role.members ?? []).map((entry, memberIndex) => {
      const memberPath = [...path, 'members', memberIndex];
      const membership = typeof entry === 'string' ? { member: entry } : entry;
      const idPath = typeof entry === 'string' ? memberPath : [...memberPath, 'member'];
      if (!memberIds.includes(membership.member))
        this.unknown(idPath, 'member', membership.member, memberIds);
      const from = membership.from === undefined ? undefined : epochMs(membership.from);
      const until = membership.until === undefined ? undefined : epochMs(membership.until);
      if (from !== undefined && until !== undefined && until <= from) {
        this.error([...memberPath, 'until'], 'charter/empty-term', 'the term ends before it starts', {
          hint: "'until' must be later than 'from'",
        });
      }
      return {
        member: membership.member,
        ...(from === undefined ? {} : { from }),
        ...(until === undefined ? {} : { until }),
      };
    });
    const weight = toWeight(role.weight) ?? { kind: 'equal' as const };
    if (weight.kind === 'token' && !tokenSymbols.includes(weight.token)) {
      this.unknown([...path, 'weight', 'token'], 'token', weight.token, tokenSymbols);
    }
    return {
      id: role.id,
      name: role.name,
      ...(role.description === undefined ? {} : { description: role.description }),
      scope: role.scope ?? 'team',
      members,
      open: role.open ?? false,
      weight,
      ...(role.threshold === undefined ? {} : { threshold: ratio(role.threshold) }),
    };
  }

  /** Level position from a reference (id or number) on a given ladder; reports and returns undefined if invalid. */
  private levelIndex(
    ladder: LadderInput,
    ref: string | number,
    path: Path,
    onKey = false,
  ): number | undefined {
    const ids = ladder.levels.map((l) => l.id);
    if (typeof ref === 'number') {
      if (ref < ladder.levels.length) return ref;
      this.error(path, 'charter/level-out-of-range', `level ${ref} is outside ladder '${ladder.id}'`, {
        hint: `'${ladder.id}' has levels 0 to ${ladder.levels.length - 1} (${ids.join(', ')})`,
      });
      return undefined;
    }
    const index = ids.indexOf(ref);
    if (index >= 0) return index;
    this.error(path, 'charter/unknown-level', `ladder '${ladder.id}' has no level '${ref}'`, {
      hint: suggestionHint({ input: ref, candidates: ids, noun: 'level' }),
      ...(onKey ? { onKey } : {}),
    });
    return undefined;
  }

  private ladderOf(unitId: string): LadderInput | undefined {
    const entry = this.unitInputById.get(unitId);
    if (entry === undefined) return undefined;
    return this.ladderById.get(entry.unit.ladder ?? DEFAULT_LADDER.id)?.ladder;
  }

  private resolveUnit(
    unit: UnitInput,
    index: number,
    dimensionIds: readonly string[],
    tokenSymbols: readonly string[],
  ): Unit | undefined {
    const path: Path = ['units', index];
    const errorsBefore = this.errorCount();
    if (!dimensionIds.includes(unit.dimension))
      this.unknown([...path, 'dimension'], 'dimension', unit.dimension, dimensionIds);

    const roleIds = [...this.roleById.keys()];
    const checkRoles = (refs: readonly string[], refsPath: Path, what: string): string[] => {
      const out: string[] = [];
      refs.forEach((ref, i) => {
        if (ref.startsWith('$') || (RESERVED_PARTIES as readonly string[]).includes(ref)) {
          this.error(
            [...refsPath, i],
            'charter/not-a-role',
            `${what} must name declared roles, not '${ref}'`,
            {
              hint: ref.startsWith('$')
                ? 'slots are for ladder policies; name the role itself'
                : 'name a declared role',
            },
          );
        } else if (!this.roleById.has(ref)) {
          this.unknown([...refsPath, i], 'role', ref, roleIds);
        } else {
          out.push(ref);
        }
      });
      return out;
    };
    const owners = checkRoles(unit.owners, [...path, 'owners'], 'owners');

    const bindings: Partial<Record<BindableSlot, readonly string[]>> = {};
    const bindingPaths: Partial<Record<BindableSlot, Path>> = {};
    for (const slot of BINDABLE_SLOTS) {
      const own = unit.roles?.[slot];
      const inherited = this.input.defaults?.roles?.[slot];
      if (own !== undefined) {
        bindings[slot] = checkRoles(own, [...path, 'roles', slot], `slot $${slot}`);
        bindingPaths[slot] = [...path, 'roles', slot];
      } else if (inherited !== undefined) {
        bindings[slot] = inherited.filter((ref) => this.roleById.has(ref));
        bindingPaths[slot] = ['defaults', 'roles', slot];
      }
    }

    const ladderId = unit.ladder ?? DEFAULT_LADDER.id;
    const source = this.ladderById.get(ladderId);
    if (source === undefined) {
      this.unknown([...path, 'ladder'], 'ladder', ladderId, [...this.ladderById.keys()]);
      return undefined;
    }
    const { ladder } = source;
    // A bad level reference is reported; the rest of the unit is still checked, from level 0.
    const level = this.levelIndex(ladder, unit.level, [...path, 'level']) ?? 0;
    const target =
      unit.target === undefined
        ? level
        : (this.levelIndex(ladder, unit.target, [...path, 'target']) ?? level);
    if (target < level) {
      this.warn(
        [...path, 'target'],
        'charter/target-below-level',
        `the target is below the current level of '${unit.id}'`,
        {
          hint: 'moving a slider back toward centralization needs the consent of those who decide at the current level',
        },
      );
    }
    const reach = Math.max(level, target);

    for (const field of ['policies', 'readiness', 'requirements'] as const) {
      for (const key of Object.keys(unit[field] ?? {})) {
        this.levelIndex(ladder, /^\d+$/.test(key) ? Number(key) : key, [...path, field, key], true);
      }
    }

    // A missing binding is reported once per unit, at the lowest level that needs it, however
    // many fields of however many levels name the slot.
    const unboundReported = new Set<string>();
    const resolveParties = (
      refs: readonly string[] | undefined,
      refsPath: Path,
      levelIndex: number,
    ): Party[] => {
      const parties: Party[] = [];
      for (const [i, ref] of (refs ?? []).entries()) {
        if (ref === 'members' || ref === 'anyone') {
          parties.push({ kind: ref });
        } else if (ref.startsWith('$')) {
          const slot = ref.slice(1);
          if (slot === 'owner') {
            for (const role of owners) parties.push({ kind: 'role', role });
          } else if ((BINDABLE_SLOTS as readonly string[]).includes(slot)) {
            const bound = bindings[slot as BindableSlot];
            if (bound === undefined) {
              if (levelIndex <= reach && !unboundReported.has(slot)) {
                unboundReported.add(slot);
                this.error(
                  source.path === undefined ? [...path, 'ladder'] : [...path],
                  'charter/unbound-slot',
                  `unit '${unit.id}' has no role for slot ${ref}, used at level '${ladder.levels[levelIndex]!.id}'`,
                  { hint: `add 'roles: { ${slot}: [<role>] }' to the unit, or to 'defaults'` },
                );
              }
            } else {
              for (const role of bound) parties.push({ kind: 'role', role });
            }
          } else {
            this.error([...refsPath, i], 'charter/unknown-slot', `unknown slot '${ref}'`, {
              hint: suggestionHint({ input: slot, candidates: SLOTS, noun: 'slot' }).replace(
                /'(\w+)'/g,
                "'$$$1'",
              ),
            });
          }
        } else if (this.roleById.has(ref)) {
          parties.push({ kind: 'role', role: ref });
        } else {
          this.unknown([...refsPath, i], 'role', ref, [...roleIds, ...RESERVED_PARTIES]);
        }
      }
      // The same role reached through two slots counts once.
      return parties.filter(
        (p, i) =>
          parties.findIndex(
            (q) => q.kind === p.kind && (q.kind !== 'role' || p.kind !== 'role' || q.role === p.role),
          ) === i,
      );
    };

    const levels: UnitLevel[] = ladder.levels.map((ladderLevel, levelIndex) => {
      const overrideKey = keyFor(unit.policies, ladderLevel.id, levelIndex);
      const override = overrideKey === undefined ? undefined : unit.policies?.[overrideKey];
      const overridePath: Path = [...path, 'policies', overrideKey ?? ladderLevel.id];
      const basePath: Path =
        source.path === undefined ? [...path, 'ladder'] : [...source.path, 'levels', levelIndex, 'policy'];
      const merged = mergePolicy({ base: ladderLevel.policy, override });
      const fieldPath = (field: string): Path => {
        if (override !== undefined && Object.hasOwn(override, field)) return [...overridePath, field];
        return source.path === undefined ? basePath : [...basePath, field];
      };
      const partiesAt = (field: 'propose' | 'deciders') =>
        resolveParties(merged[field], fieldPath(field), levelIndex);
      const deciders = partiesAt('deciders');
      const propose = merged.propose === undefined ? deciders : partiesAt('propose');
      const weight = toWeight(merged.weight) ?? this.roleWeight(deciders);
      if (merged.weight !== undefined && weight.kind === 'token' && !tokenSymbols.includes(weight.token)) {
        this.unknown([...fieldPath('weight'), 'token'], 'token', weight.token, tokenSymbols);
      }
      if (override !== undefined) {
        this.reportPolicyProblems(merged, overridePath, override, weight.kind !== 'equal');
      } else if (merged.method === 'quadratic' && weight.kind === 'equal') {
        // The ladder's policy leaves the weight to the deciding role, which for this unit is unweighted.
        this.error(
          fieldPath('method'),
          'charter/policy-quadratic-needs-weight',
          `quadratic voting for '${unit.id}' needs a token or reputation weight`,
          {
            hint: "give the deciding role a 'weight:', or override the level's policy with one",
          },
        );
      }
      const consultation =
        merged.consultation === undefined
          ? undefined
          : {
              period: seconds(merged.consultation.period),
              with:
                merged.consultation.with === undefined
                  ? [{ kind: 'members' as const }]
                  : resolveParties(
                      merged.consultation.with,
                      [...fieldPath('consultation'), 'with'],
                      levelIndex,
                    ),
            };
      const veto =
        merged.veto === undefined
          ? undefined
          : {
              by: resolveParties(merged.veto.by, [...fieldPath('veto'), 'by'], levelIndex),
              window: seconds(merged.veto.window),
            };
      const policy: Policy = {
        propose,
        method: merged.method ?? 'single-owner',
        // Under the advice process and optimistic approval the proposer decides, unless told otherwise.
        deciders:
          (merged.method === 'advice' || merged.method === 'optimistic') && merged.deciders === undefined
            ? propose
            : deciders,
        weight,
        ...(merged.quorum === undefined ? {} : { quorum: ratio(merged.quorum) }),
        ...(merged.minVoters === undefined ? {} : { minVoters: merged.minVoters }),
        ...(merged.threshold === undefined ? {} : { threshold: ratio(merged.threshold) }),
        ...(merged.winners === undefined ? {} : { winners: merged.winners }),
        ...(merged.period === undefined ? {} : { period: seconds(merged.period) }),
        ...(consultation === undefined ? {} : { consultation }),
        ...(veto === undefined ? {} : { veto }),
        timelock: merged.timelock === undefined ? 0 : seconds(merged.timelock),
        ...(merged.lateQuorumExtension === undefined
          ? {}
          : { lateQuorumExtension: seconds(merged.lateQuorumExtension) }),
        rationale: merged.rationale ?? 'optional',
      };
      const context = { unit, path };
      const ladderPath = (field: string): Path =>
        source.path === undefined ? [...path, 'ladder'] : [...source.path, 'levels', levelIndex, field];
      // The ladder's criteria for a level and the unit's own hold together.
      const combined = (field: 'requirements' | 'readiness'): Criterion | undefined => {
        const fromLadder = ladderLevel[field];
        const own = unit[field];
        const ownKey = keyFor(own, ladderLevel.id, levelIndex);
        const parts = [
          fromLadder === undefined
            ? undefined
            : this.resolveCriterion(fromLadder, ladderPath(field), context),
          ownKey === undefined
            ? undefined
            : this.resolveCriterion(own![ownKey]!, [...path, field, ownKey], context),
        ].filter((c): c is Criterion => c !== undefined);
        return parts.length <= 1 ? parts[0] : { kind: 'all', of: parts };
      };
      const requirements = combined('requirements');
      const readiness = combined('readiness');
      return {
        index: levelIndex,
        id: ladderLevel.id,
        name: ladderLevel.name,
        ...(ladderLevel.summary === undefined ? {} : { summary: ladderLevel.summary }),
        policy,
        ...(requirements === undefined ? {} : { requirements }),
        ...(readiness === undefined ? {} : { readiness }),
      };
    });

    const dependsOn: Dependency[] = [];
    (unit.dependsOn ?? []).forEach((dependency, i) => {
      const depPath = [...path, 'dependsOn', i];
      if (dependency.unit === unit.id) {
        this.error([...depPath, 'unit'], 'charter/self-dependency', `unit '${unit.id}' depends on itself`, {
          hint: 'a dependency names another unit',
        });
        return;
      }
      const otherLadder = this.ladderOf(dependency.unit);
      if (!this.unitInputById.has(dependency.unit)) {
        this.unknown([...depPath, 'unit'], 'unit', dependency.unit, [...this.unitInputById.keys()]);
        return;
      }
      if (otherLadder === undefined) return; // its own unknown-ladder error is reported on that unit
      const otherLevel = this.levelIndex(otherLadder, dependency.level, [...depPath, 'level']);
      const from = this.levelIndex(ladder, dependency.for, [...depPath, 'for']);
      if (otherLevel === undefined || from === undefined) return;
      dependsOn.push({
        unit: dependency.unit,
        level: otherLevel,
        from,
        ...(dependency.reason === undefined ? {} : { reason: dependency.reason }),
      });
    });

    const commitments: Commitment[] = [];
    const commitmentIds = new Map<string, number>();
    (unit.commitments ?? []).forEach((commitment, i) => {
      const commitmentPath = [...path, 'commitments', i];
      const commitmentLevel = this.levelIndex(ladder, commitment.level, [...commitmentPath, 'level']);
      if (commitment.by === undefined && commitment.when === undefined) {
        this.error(
          commitmentPath,
          'charter/commitment-without-deadline',
          'a commitment needs a date or a trigger',
          {
            hint: "add 'by: 2027-06-30' or 'when: { … }'",
          },
        );
      }
      const when =
        commitment.when === undefined
          ? undefined
          : this.resolveCriterion(commitment.when, [...commitmentPath, 'when'], { unit, path });
      if (commitmentLevel === undefined) return;
      const id =
        commitment.id ?? `${unit.id}-${ladder.levels[commitmentLevel]!.id}${i === 0 ? '' : `-${i + 1}`}`;
      const earlier = commitmentIds.get(id);
      if (earlier !== undefined) {
        this.error(
          [...commitmentPath, commitment.id === undefined ? 'level' : 'id'],
          'charter/duplicate-id',
          `commitment '${id}' is declared twice`,
          {
            hint: 'give each commitment its own id',
            related: { path: [...path, 'commitments', earlier], message: 'first declared here' },
          },
        );
      }
      commitmentIds.set(id, i);
      commitments.push({
        id,
        level: commitmentLevel,
        ...(commitment.by === undefined ? {} : { by: epochMs(commitment.by) }),
        ...(when === undefined ? {} : { when }),
        ...(commitment.unless === undefined ? {} : { unless: commitment.unless }),
        ...(commitment.statement === undefined ? {} : { statement: commitment.statement }),
      });
    });

    if (this.errorCount() > errorsBefore) return undefined;

    const resolved: Unit = {
      id: unit.id,
      name: unit.name,
      dimension: unit.dimension,
      ...(unit.description === undefined ? {} : { description: unit.description }),
      owners,
      ladder: ladderId,
      bindings,
      levels,
      level,
      ...(unit.since === undefined ? {} : { since: epochMs(unit.since) }),
      target,
      dependsOn,
      commitments,
    };
    this.checkLevelState(resolved, path, bindingPaths);
    return resolved;
  }

  private errorCount(): number {
    return this.issues.filter((issue) => issue.severity === 'error').length;
  }

  private roleWeight(parties: readonly Party[]): Weight {
    for (const party of parties) {
      if (party.kind === 'role') {
        const weight = this.roleById.get(party.role)?.weight;
        if (weight !== undefined && weight.kind !== 'equal') return weight;
      }
    }
    return { kind: 'equal' };
  }

  /**
   * Reports a policy's composition problems. A declared ladder's policy is checked once, with
   * `weighted` unknown (undefined): without an explicit weight, whether quadratic voting has voice
   * credits depends on each unit's deciding role, and is judged per unit.
   */
  private reportPolicyProblems(
    policy: PolicyInput,
    policyPath: Path,
    override: PolicyOverrideInput | undefined,
    weighted: boolean | undefined,
  ): void {
    const isWeighted = weighted ?? (policy.weight === undefined || policy.weight !== 'equal');
    for (const problem of checkPolicyInput({ policy, weighted: isWeighted })) {
      const at =
        problem.field !== undefined && (override === undefined || Object.hasOwn(override, problem.field))
          ? [...policyPath, problem.field]
          : policyPath;
      this.error(at, `charter/${problem.code.replace('/', '-')}`, problem.message, { hint: problem.hint });
    }
  }

  private resolveCriterion(
    criterion: CriterionInput,
    path: Path,
    context: { unit: UnitInput; path: Path },
  ): Criterion | undefined {
    if ('all' in criterion || 'any' in criterion) {
      const kind = 'all' in criterion ? 'all' : 'any';
      const list = 'all' in criterion ? criterion.all : criterion.any;
      const of = list.map((c, i) => this.resolveCriterion(c, [...path, kind, i], context));
      return of.every((c) => c !== undefined) ? { kind, of: of as Criterion[] } : undefined;
    }
    if ('not' in criterion) {
      const of = this.resolveCriterion(criterion.not, [...path, 'not'], context);
      return of === undefined ? undefined : { kind: 'not', of };
    }
    if ('metric' in criterion) {
      const comparisons = (['atLeast', 'atMost', 'above', 'below'] as const).filter(
        (k) => criterion[k] !== undefined,
      );
      const unitId = criterion.unit ?? context.unit.id;
      let ok = true;
      if (!this.metricIds.has(criterion.metric)) {
        this.unknown([...path, 'metric'], 'metric', criterion.metric, [...this.metricIds]);
        ok = false;
      }
      if (criterion.unit !== undefined && !this.unitInputById.has(criterion.unit)) {
        this.unknown([...path, 'unit'], 'unit', criterion.unit, [...this.unitInputById.keys()]);
        ok = false;
      }
      if (comparisons.length !== 1) {
        this.error(
          path,
          'charter/metric-comparison',
          `a metric criterion needs exactly one comparison, found ${comparisons.length}`,
          {
            hint: 'use one of atLeast, atMost, above, below — or combine criteria with all',
          },
        );
        ok = false;
      }
      const key = comparisons[0];
      if (!ok || key === undefined) return undefined;
      const symbol: Record<typeof key, Comparison> = { atLeast: '>=', atMost: '<=', above: '>', below: '<' };
      return {
        kind: 'metric',
        metric: criterion.metric,
        unit: unitId,
        comparison: symbol[key],
        value: criterion[key]!,
        ...(criterion.window === undefined ? {} : { window: seconds(criterion.window) }),
        ...(criterion.source === undefined ? {} : { source: criterion.source }),
      };
    }
    if ('timeAtLevel' in criterion) return { kind: 'time-at-level', seconds: seconds(criterion.timeAtLevel) };
    if ('decisionsAtLevel' in criterion)
      return { kind: 'decisions-at-level', count: criterion.decisionsAtLevel };
    if ('checklist' in criterion) {
      return {
        kind: 'checklist',
        id: criterion.checklist,
        text: criterion.text,
        evidenceRequired: (criterion.evidence ?? 'required') === 'required',
      };
    }
    if ('unit' in criterion) {
      const ladder = this.ladderOf(criterion.unit);
      if (!this.unitInputById.has(criterion.unit)) {
        this.unknown([...path, 'unit'], 'unit', criterion.unit, [...this.unitInputById.keys()]);
        return undefined;
      }
      if (ladder === undefined) return undefined;
      const level = this.levelIndex(ladder, criterion.atLeast, [...path, 'atLeast']);
      return level === undefined ? undefined : { kind: 'unit-level', unit: criterion.unit, level };
    }
    if ('role' in criterion) {
      if (!this.roleById.has(criterion.role)) {
        this.unknown([...path, 'role'], 'role', criterion.role, [...this.roleById.keys()]);
        return undefined;
      }
      if (criterion.minMembers === undefined && criterion.minThreshold === undefined) {
        this.error(
          path,
          'charter/empty-role-criterion',
          'a role criterion needs minMembers or minThreshold',
          {
            hint: 'e.g. { role: security-council, minMembers: 8, minThreshold: 75% }',
          },
        );
        return undefined;
      }
      return {
        kind: 'role',
        role: criterion.role,
        ...(criterion.minMembers === undefined ? {} : { minMembers: criterion.minMembers }),
        ...(criterion.minThreshold === undefined ? {} : { minThreshold: ratio(criterion.minThreshold) }),
      };
    }
    return {
      kind: 'exit-window',
      seconds: seconds(criterion.exitWindow),
      withdrawalDelay: criterion.withdrawalDelay === undefined ? 0 : seconds(criterion.withdrawalDelay),
    };
  }

  /** Checks what the charter alone decides about a unit's current level and its ladder's order. */
  private checkLevelState(unit: Unit, path: Path, bindingPaths: Partial<Record<BindableSlot, Path>>): void {
    const current = unit.levels[unit.level]!;
    for (const party of current.policy.deciders) {
      if (party.kind !== 'role') continue;
      const role = this.roleById.get(party.role)!;
      if (!role.open && role.members.length === 0) {
        this.error(
          [...path, 'level'],
          'charter/empty-electorate',
          `no one can decide for '${unit.id}': role '${role.id}' has no members`,
          {
            hint: `list members under role '${role.id}', or mark it 'open: true' if membership comes from holdings`,
          },
        );
      }
    }
    const scores = unit.levels.map((level) =>
      decentralizationScore({ policy: level.policy, roles: this.roleById }),
    );
    for (let i = 1; i <= Math.max(unit.level, unit.target); i++) {
      if (scores[i]! < scores[i - 1]!) {
        const slot = BINDABLE_SLOTS.find((s) => bindingPaths[s] !== undefined);
        this.warn(
          [...path, 'ladder'],
          'charter/ladder-order',
          `level '${unit.levels[i]!.id}' of '${unit.id}' is more centralized than '${unit.levels[i - 1]!.id}' below it`,
          {
            hint:
              slot === undefined
                ? 'order the ladder from most centralized to most decentralized'
                : 'check which roles fill the slots: a council or community role should be wider than the team',
          },
        );
        break;
      }
    }
  }

  private checkCycles(units: readonly Unit[]): void {
    const cycle = findDependencyCycle({ units });
    if (cycle === undefined || cycle.length === 0) return;
    const at = (unitId: string, level: number) =>
      `${unitId}@${units.find((u) => u.id === unitId)!.levels[level]!.id}`;
    const first = cycle[0]!;
    const entry = this.unitInputById.get(first.unit)!;
    this.error(
      ['units', entry.index, 'dependsOn', first.dependency],
      'charter/dependency-cycle',
      `dependency cycle: ${cycle.map((e) => `${at(e.unit, e.from)} needs ${at(e.on.unit, e.on.level)}`).join('; ')}`,
      { hint: 'no order of moves can satisfy these dependencies; lower one of the required levels' },
    );
  }
}
