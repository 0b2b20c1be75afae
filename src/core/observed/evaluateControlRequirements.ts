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

function judgeRole(level: number, c: RoleCriterion, paths: readonly ControlPath[]): ControlRequirementResult {
  const acting = actingPaths(paths);
  const failing = acting.filter((p) => !passesCouncil(p, c) && p.leaf.kind !== 'contract');
  const unknown = acting.filter((p) => !passesCouncil(p, c) && p.leaf.kind === 'contract');
  const want = `a multisig of at least ${c.minMembers ?? 0} at ${c.minThreshold === undefined ? 'any threshold' : `≥ ${c.minThreshold.num}/${c.minThreshold.den}`}`;
  if (failing.length > 0)
    return {
      level,
      criterion: c,
      status: 'unmet',
      reason: `${failing.length} path(s) of control pass through no ${want}`,
      evidence: failing,
    };
  if (unknown.length > 0)
    return {
      level,
      criterion: c,
      status: 'unknown',
      reason: `${unknown.length} path(s) end at a contract of unknown kind`,
      evidence: unknown,
    };
  return {
    level,
    criterion: c,
    status: 'met',
    reason: `every path of control passes through ${want}`,
    evidence: [],
  };
}

function judgeExitWindow(
  level: number,
  c: ExitWindowCriterion,
  paths: readonly ControlPath[],
): ControlRequirementResult {
  // Every actor, the council included, must wait out a delay that leaves users `seconds` to exit
  // after the withdrawal delay: stricter than L2BEAT, which lets a council act at once, because
  // control facts cannot tell an emergency action from an upgrade.
  const enough = (p: ControlPath) => p.delay - c.withdrawalDelay >= c.seconds;
  const acting = actingPaths(paths);
  const failing = acting.filter((p) => !enough(p) && p.leaf.kind !== 'contract');
  const unknown = acting.filter((p) => !enough(p) && p.leaf.kind === 'contract');
  const days = (s: number) => `${s / 86_400} days`;
  if (failing.length > 0) {
    const shortest = Math.min(...failing.map((p) => p.delay - c.withdrawalDelay));
    return {
      level,
      criterion: c,
      status: 'unmet',
      reason: `an exit window of ${days(Math.max(0, shortest))} is below ${days(c.seconds)}`,
      evidence: failing,
    };
  }
  if (unknown.length > 0)
    return {
      level,
      criterion: c,
      status: 'unknown',
      reason: `${unknown.length} path(s) end at a contract of unknown kind`,
      evidence: unknown,
    };
  return {
    level,
    criterion: c,
    status: 'met',
    reason: `every upgrade path leaves at least ${days(c.seconds)} to exit`,
    evidence: [],
  };
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
