import type { Unit } from '../model/Organization.js';
import { type Address, type ControlFact, controlPaths, keysOf } from './ControlFact.js';
import { type ControlRequirementResult, evaluateControlRequirements } from './evaluateControlRequirements.js';
import type { RuleVerdict, TeamShare } from './ObservedRule.js';
import { OBSERVED_RULES } from './observedRules.js';

/** A level as shown: its position on the ladder and its id. */
export interface LevelRef {
  readonly index: number;
  readonly id: string;
}

/** A declared level the evidence does not support, with that evidence. */
export interface ObservedFinding {
  readonly code: 'observed/declared-above-evidence';
  readonly unit: string;
  readonly declared: LevelRef;
  readonly observed: LevelRef;
  /** The rule verdicts and requirements not met (unmet or unknown) that hold the unit below what it declares. */
  readonly evidence: readonly (RuleVerdict | ControlRequirementResult)[];
}

/**
 * Declared beside observed for one unit, and everything behind the observed level. Its `readonly`
 * fields share only record syntax with ControlFact.ts and lifecycle/Proposal.ts, on purpose.
 */
export interface UnitObservation {
  readonly unit: string;
  readonly declared: LevelRef;
  readonly observed: LevelRef;
  readonly control: ControlFact;
  /** The team's share of the unit's decisions, when there were decisions to share. */
  readonly teamShare?: TeamShare;
  /** The plain keys at the end of every path of control. */
  readonly keys: readonly Address[];
  readonly rules: readonly RuleVerdict[];
  /** Control requirements of every level above the first, lowest level first. */
  readonly requirements: readonly ControlRequirementResult[];
  readonly findings: readonly ObservedFinding[];
}

function ref(unit: Unit, index: number): LevelRef {
  return { index, id: unit.levels[index]?.id ?? String(index) };
}

/**
 * The highest level a unit can honestly claim from the control facts of its contract: the lowest
 * ceiling of the rules in `OBSERVED_RULES`, and below the first level whose control requirements
 * (`evaluateControlRequirements`) are not all met: an unknown one blocks too, since a level
 * cannot honestly be claimed on evidence that could not be read.
 * Evidence not read here (checklists, metrics) is judged by readiness, not by this function, so
 * the observed level is a ceiling: a unit may be lower, never honestly higher.
 *
 * @example
 * // An Ownable owned by one key, declared at stage-1:
 * observeUnit({ unit, control }).observed // { index: 0, id: 'stage-0' }, with one finding
 */
export function observeUnit(args: {
  unit: Unit;
  control: ControlFact;
  teamShare?: TeamShare;
}): UnitObservation {
  return { ...observeEvidence(args), control: args.control, keys: keysOf(args.control) };
}

/**
 * `observeUnit` where the control fact may be missing: then no control rule applies and no
 * control requirement is judged (the observed level is a ceiling from what evidence there is).
 */
export function observeEvidence(args: {
  unit: Unit;
  control?: ControlFact;
  teamShare?: TeamShare;
}): Omit<UnitObservation, 'control' | 'keys'> {
  const { unit, control, teamShare } = args;
  const paths = control === undefined ? [] : controlPaths(control);
  const rules = OBSERVED_RULES.map((rule) => rule.judge({ unit, control, paths, teamShare }));
  const top = unit.levels.length - 1;
  let observed = rules.reduce((level, v) => Math.min(level, v.ceiling ?? top), top);
  const requirements: ControlRequirementResult[] = [];
  let blocked = false;
  for (const level of control === undefined ? [] : unit.levels.slice(1)) {
    const results = evaluateControlRequirements({
      level: level.index,
      requirements: level.requirements,
      paths,
    });
    requirements.push(...results);
    if (!blocked && results.some((r) => r.status !== 'met')) {
      blocked = true;
      observed = Math.min(observed, level.index - 1);
    }
  }
  const declared = ref(unit, unit.level);
  const findings: ObservedFinding[] =
    unit.level > observed
      ? [
          {
            code: 'observed/declared-above-evidence',
            unit: unit.id,
            declared,
            observed: ref(unit, observed),
            evidence: [
              ...rules.filter((v) => v.ceiling !== undefined && v.ceiling < unit.level),
              ...requirements.filter((r) => r.status !== 'met' && r.level <= unit.level),
            ],
          },
        ]
      : [];
  return {
    unit: unit.id,
    declared,
    observed: ref(unit, observed),
    ...(teamShare === undefined ? {} : { teamShare }),
    rules,
    requirements,
    findings,
  };
}
