import type { Criterion } from '../model/Organization.js';
import type { Ratio } from '../ratio/Ratio.js';
import type { ControlPath } from './ControlFact.js';

/** A level requirement that control facts can decide, with its result and the numbers behind it. */
export interface ControlRequirementResult {
  readonly level: number;
  readonly criterion: Extract<Criterion, { kind: 'role' | 'exit-window' }>;
  readonly status: 'met' | 'unmet' | 'unknown';
  readonly reason: string;
  /** The paths that fail it (unmet) or cannot be judged (unknown). */
  readonly evidence: readonly ControlPath[];
}

type RoleCriterion = Extract<Criterion, { kind: 'role' }>;
type ExitWindowCriterion = Extract<Criterion, { kind: 'exit-window' }>;

/** Leaves of the criterion reached through `all` only: those a failing one makes the level fail. */
function requiredLeaves(criterion: Criterion | undefined): Criterion[] {
  if (criterion === undefined) return [];
  return criterion.kind === 'all' ? criterion.of.flatMap(requiredLeaves) : [criterion];
}

/** Paths along which someone can act (nobody, and a loop back, cannot). */
function actingPaths(paths: readonly ControlPath[]): ControlPath[] {
  return paths.filter((p) => p.leaf.kind !== 'nobody' && p.leaf.kind !== 'cycle');
}

/** Whether a multisig meets a council criterion: owners ≥ minMembers and threshold/owners ≥ minThreshold. */
function isCouncil(m: { owners: number; threshold: number }, c: RoleCriterion): boolean {
  const members = c.minMembers ?? 0;
  const min: Ratio = c.minThreshold ?? { num: 0n, den: 1n };
  // threshold / owners ≥ num / den ⇔ threshold · den ≥ num · owners (owners > 0): 6/8 vs 3/4 → 24 ≥ 24.
  return m.owners >= members && BigInt(m.threshold) * min.den >= min.num * BigInt(m.owners);
}

function passesCouncil(path: ControlPath, c: RoleCriterion): boolean {
  return path.multisigs.some((m) => isCouncil(m, c));
}

/**
 * The shared judgement: among paths along which someone can act, those failing `passes` make the
 * criterion unmet, unless they all end at a contract of unknown kind (then unknown).
 */
function judgePaths(args: {
  level: number;
  criterion: ControlRequirementResult['criterion'];
  paths: readonly ControlPath[];
  passes: (path: ControlPath) => boolean;
  unmet: (failing: readonly ControlPath[]) => string;
  met: string;
}): ControlRequirementResult {
  const { level, criterion } = args;
  const notPassing = actingPaths(args.paths).filter((p) => !args.passes(p));
  const failing = notPassing.filter((p) => p.leaf.kind !== 'contract');
  const unknown = notPassing.filter((p) => p.leaf.kind === 'contract');
  if (failing.length > 0)
    return { level, criterion, status: 'unmet', reason: args.unmet(failing), evidence: failing };
  if (unknown.length > 0)
    return {
      level,
      criterion,
      status: 'unknown',
      reason: `${unknown.length} path(s) end at a contract of unknown kind`,
      evidence: unknown,
    };
  return { level, criterion, status: 'met', reason: args.met, evidence: [] };
}

function judgeRole(level: number, c: RoleCriterion, paths: readonly ControlPath[]): ControlRequirementResult {
  const threshold =
    c.minThreshold === undefined ? 'any threshold' : `≥ ${c.minThreshold.num}/${c.minThreshold.den}`;
  const want = `a multisig of at least ${c.minMembers ?? 0} at ${threshold}`;
  return judgePaths({
    level,
    criterion: c,
    paths,
    passes: (p) => passesCouncil(p, c),
    unmet: (failing) => `${failing.length} path(s) of control pass through no ${want}`,
    met: `every path of control passes through ${want}`,
  });
}

function judgeExitWindow(
  level: number,
  c: ExitWindowCriterion,
  paths: readonly ControlPath[],
): ControlRequirementResult {
  // Every actor, the council included, must wait out a delay that leaves users `seconds` to exit
  // after the withdrawal delay: stricter than L2BEAT, which lets a council act at once, because
  // control facts cannot tell an emergency action from an upgrade.
  const days = (s: number) => `${s / 86_400} days`;
  return judgePaths({
    level,
    criterion: c,
    paths,
    passes: (p) => p.delay - c.withdrawalDelay >= c.seconds,
    unmet: (failing) => {
      const shortest = Math.min(...failing.map((p) => p.delay - c.withdrawalDelay));
      return `an exit window of ${days(Math.max(0, shortest))} is below ${days(c.seconds)}`;
    },
    met: `every upgrade path leaves at least ${days(c.seconds)} to exit`,
  });
}

/**
 * Evaluates the level requirements that control facts decide — a council (`role` with
 * `minMembers` / `minThreshold`) and an `exitWindow` — for one level, from the paths of control
 * over the unit's contract. Only requirements joined by `all` are taken; others (checklists,
 * metrics) are for the readiness evaluator and are not judged here.
 *
 * - role: met when every path along which someone can act passes through a multisig of at least
 *   `minMembers` owners whose threshold/owners ≥ `minThreshold` (6 of 8 = 75% meets 75%).
 * - exitWindow: met when every such path waits a timelock delay d with d − withdrawalDelay ≥
 *   seconds (7 days behind a 7-day timelock with no withdrawal delay: 7 − 0 ≥ 7).
 * A path ending at a contract no reader recognised makes a requirement unknown, never met.
 */
export function evaluateControlRequirements(args: {
  level: number;
  requirements: Criterion | undefined;
  paths: readonly ControlPath[];
}): ControlRequirementResult[] {
  return requiredLeaves(args.requirements).flatMap((c) => {
    if (c.kind === 'role') return [judgeRole(args.level, c, args.paths)];
    if (c.kind === 'exit-window') return [judgeExitWindow(args.level, c, args.paths)];
    return [];
  });
}
