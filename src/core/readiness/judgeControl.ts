import type { Evidence } from '../evidence/Evidence.js';
import { latestControl } from '../evidence/EvidenceRecord.js';
import type { Criterion, Organization } from '../model/Organization.js';
import { type ControlPath, controlPaths } from '../observed/ControlFact.js';
import type { ControlFacts, ControlPathFacts, CriterionStatus } from './CriterionFacts.js';

type ControlCriterion = Extract<Criterion, { kind: 'control' }>;

/** Whether a path passes every condition the criterion gives. */
function passes(path: ControlPath, c: ControlCriterion): boolean {
  if (c.noSingleKey === true && path.leaf.kind === 'key' && path.multisigs.length === 0) return false;
  if (c.minOwners !== undefined || c.minThreshold !== undefined) {
    const council = path.multisigs.some(
      (m) =>
        m.owners >= (c.minOwners ?? 0) &&
        // threshold / owners ≥ num / den ⇔ threshold · den ≥ num · owners: 6 of 8 vs 3/4 → 24 ≥ 24.
        (c.minThreshold === undefined ||
          BigInt(m.threshold) * c.minThreshold.den >= c.minThreshold.num * BigInt(m.owners)),
    );
    if (!council) return false;
  }
  return c.minDelay === undefined || path.delay >= c.minDelay;
}

function pathFacts(path: ControlPath): ControlPathFacts {
  const largest = [...path.multisigs].sort((a, b) => b.owners - a.owners)[0];
  return {
    leaf: path.leaf.address,
    leafKind: path.leaf.kind,
    ...(largest === undefined ? {} : { multisig: largest }),
    delay: path.delay,
  };
}

/**
 * Judges a control criterion against the latest control fact recorded for the unit's power at
 * `now`. Every path along which someone can act (not `nobody`, not a loop) must pass every
 * condition given: no plain key alone (a multisig on the path), a multisig of at least
 * `minOwners` at a threshold of at least `minThreshold`, a timelock of at least `minDelay`.
 * A failing path makes it unmet; a path ending at a contract no reader recognised makes it
 * unknown, never met; no fact makes it unknown.
 *
 * @example
 * // The proxy's admin is one plain key, the criterion asks for a Safe of 8 at 75%:
 * judgeControl({ criterion, evidence, organization, now }).status // 'unmet', failing: [{ leafKind: 'key', delay: 0 }]
 */
export function judgeControl(args: {
  criterion: ControlCriterion;
  evidence: Evidence;
  organization: Organization;
  now: number;
}): { status: CriterionStatus; facts: ControlFacts } {
  const { criterion: c } = args;
  const unitName = args.organization.units.find((u) => u.id === c.unit)?.name;
  const base: ControlFacts = {
    kind: 'control',
    power: c.power,
    unit: c.unit,
    ...(unitName === undefined ? {} : { unitName }),
    ...(c.noSingleKey === undefined ? {} : { noSingleKey: c.noSingleKey }),
    ...(c.minOwners === undefined ? {} : { minOwners: c.minOwners }),
    ...(c.minThreshold === undefined ? {} : { minThreshold: c.minThreshold }),
    ...(c.minDelay === undefined ? {} : { minDelay: c.minDelay }),
  };
  const fact = latestControl({ evidence: args.evidence, unit: c.unit, power: c.power, now: args.now });
  if (fact === undefined) return { status: 'unknown', facts: base };
  const acting = controlPaths(fact.holder).filter((p) => p.leaf.kind !== 'nobody' && p.leaf.kind !== 'cycle');
  const notPassing = acting.filter((p) => !passes(p, c));
  const failing = notPassing.filter((p) => p.leaf.kind !== 'contract').map(pathFacts);
  const unjudged = notPassing.filter((p) => p.leaf.kind === 'contract').map(pathFacts);
  const facts: ControlFacts = {
    ...base,
    observed: {
      subject: fact.subject,
      observedAt: fact.observedAt,
      ...(fact.source === undefined ? {} : { source: fact.source }),
      paths: acting.length,
    },
    ...(failing.length === 0 ? {} : { failing }),
    ...(unjudged.length === 0 ? {} : { unjudged }),
  };
  const status: CriterionStatus = failing.length > 0 ? 'unmet' : unjudged.length > 0 ? 'unknown' : 'met';
  return { status, facts };
}
