import type { Attestation, Evidence } from '../evidence/Evidence.js';
import type { Organization } from '../model/Organization.js';
import { assessMove } from '../readiness/assessMove.js';
import type { CriterionResult } from '../readiness/evaluateCriterion.js';

/**
 * One value of L2BEAT's stage checklist, as its project configs write it
 * (`packages/config/src/projects/<project>/<project>.ts`, `stage: getStage({ stage0: {…}, … })`):
 * true, false, `'UnderReview'`, null (not applicable: the item is left out), or an object with
 * `satisfied` and a message.
 */
export type L2beatValue =
  | boolean
  | 'UnderReview'
  | null
  | { readonly satisfied: boolean | 'UnderReview'; readonly message?: string };

/** A project's checklist: items under the stage they belong to (`stage0`, `stage1`, `stage2`). */
export type L2beatChecklist = Readonly<
  Record<'stage0' | 'stage1' | 'stage2', Readonly<Record<string, L2beatValue>>>
>;

/**
 * Each L2BEAT item and the `rollup` template's checklist item that says the same thing. Items
 * without one (`checklist` undefined) are requirements the template leaves to the units' readiness
 * or to the charter (its exit windows are the levels' own timelocks): they are not attested, but
 * they still cap the stage, so the mapping never claims more than L2BEAT does.
 */
export const L2BEAT_ITEMS: Readonly<Record<string, { readonly checklist?: string; readonly text: string }>> =
  {
    callsItselfRollup: { text: 'The project calls itself a rollup' },
    stateRootsPostedToL1: { checklist: 'state-roots-on-l1', text: 'State roots are posted to Ethereum L1' },
    dataAvailabilityOnL1: {
      checklist: 'data-on-l1',
      text: 'Inputs for the state transition function are posted to Ethereum L1',
    },
    rollupNodeSourceAvailable: {
      checklist: 'node-source-available',
      text: 'A source-available node can recreate the state from L1 data',
    },
    stateVerificationOnL1: {
      checklist: 'proof-system-deployed',
      text: 'A complete and functional proof system is deployed',
    },
    fraudProofSystemAtLeast5Outsiders: { text: 'At least 5 external actors can submit fraud proofs' },
    principle: {
      text: 'Compromising ≥75% of the Security Council is the only way (other than bugs) to block or forge an L2→L1 message',
    },
    usersHave7DaysToExit: {
      text: 'Upgrades by actors more centralized than a Security Council leave users at least 7 days to exit',
    },
    usersCanExitWithoutCooperation: { text: 'Users can exit without the help of the permissioned operators' },
    securityCouncilProperlySetUp: {
      checklist: 'council-properly-set-up',
      text: 'The Security Council is properly set up',
    },
    proofSystemOverriddenOnlyInCaseOfABug: {
      checklist: 'council-onchain-bugs-only',
      text: 'The Security Council is limited to acting on onchain provable bugs',
    },
    fraudProofSystemIsPermissionless: { text: 'Fraud proof submission is open to everyone' },
    delayWith30DExitWindow: {
      text: 'Upgrades unrelated to onchain provable bugs provide at least 30 days to exit',
    },
  };

const STAGES = ['stage0', 'stage1', 'stage2'] as const;

/** L2BEAT's reading of a value: met, not met (false or under review), or left out (null). */
function satisfied(value: L2beatValue): boolean | null {
  if (value === null) return null;
  if (typeof value === 'object') return value.satisfied === true;
  return value === true;
}

/** An item the template does not name, and whether it holds: it caps the stage at the one below. */
export interface UncoveredItem {
  readonly item: string;
  /** 0, 1 or 2: the stage the item belongs to. */
  readonly stage: number;
  readonly met: boolean;
  readonly text: string;
}

/**
 * Turns a project's L2BEAT checklist into Devolve evidence for the `rollup` template: one
 * attestation per item that holds or is left out (null: "not applicable", which L2BEAT does not
 * count against a stage), linked to `source` and dated `at`; items the template does not name
 * come back as `uncovered`. An item missing from `L2BEAT_ITEMS` (a requirement L2BEAT added later)
 * is listed in `unknown` and treated as uncovered, so it is noticed and still caps the stage.
 *
 * @example
 * l2beatEvidence({ checklist, at, source: 'https://l2beat.com/scaling/projects/base' }).attestations
 * // [{ checklist: 'state-roots-on-l1', at, evidence: 'https://l2beat.com/…', note: 'L2BEAT stage0.stateRootsPostedToL1: true' }, …]
 */
export function l2beatEvidence(args: { checklist: L2beatChecklist; at: number; source: string }): {
  attestations: Attestation[];
  uncovered: UncoveredItem[];
  unknown: string[];
} {
  const attestations: Attestation[] = [];
  const uncovered: UncoveredItem[] = [];
  const unknown: string[] = [];
  STAGES.forEach((stage, index) => {
    for (const [item, value] of Object.entries(args.checklist[stage])) {
      const known = L2BEAT_ITEMS[item];
      const met = satisfied(value);
      if (known === undefined) unknown.push(`${stage}.${item}`);
      if (known?.checklist === undefined) {
        uncovered.push({ item, stage: index, met: met !== false, text: known?.text ?? item });
        continue;
      }
      if (met === false) continue;
      attestations.push({
        checklist: known.checklist,
        at: args.at,
        evidence: args.source,
        note: `L2BEAT ${stage}.${item}: ${met === null ? 'not applicable' : 'met'}`,
      });
    }
  });
  return { attestations, uncovered, unknown };
}

/** The stage a rollup template unit reaches on L2BEAT's checklist, and why. */
export interface L2beatStageResult {
  /** 0, 1 or 2; −1 when even Stage 0's requirements are not met. */
  readonly stage: number;
  /** The highest stage whose template requirements (and those below) hold on the attestations. */
  readonly byTemplate: number;
  /** Items the template does not name that do not hold, each capping the stage below its own. */
  readonly capping: readonly UncoveredItem[];
  /** Each stage's requirements as evaluated: index = stage. */
  readonly requirements: readonly (CriterionResult | undefined)[];
  readonly unknown: readonly string[];
}

/**
 * Evaluates a `stages` unit of the rollup template on a project's L2BEAT checklist: the highest
 * stage whose requirements (with those of the stages below) are met by the attestations
 * `l2beatEvidence` makes, capped below the lowest stage with an uncovered item not met. Stage 0's
 * requirements not met gives −1, where L2BEAT still prints Stage 0 with a warning.
 *
 * @example
 * l2beatStage({ organization, unit: 'upgrades', checklist, at, source, now }).stage // 1
 */
export function l2beatStage(args: {
  organization: Organization;
  unit: string;
  checklist: L2beatChecklist;
  at: number;
  source: string;
  now: number;
}): L2beatStageResult {
  const { attestations, uncovered, unknown } = l2beatEvidence(args);
  const evidence: Evidence = { observations: [], attestations, units: {} };
  const requirements = [0, 1, 2].map(
    (to) =>
      assessMove({ organization: args.organization, unit: args.unit, to, evidence, now: args.now })
        .requirements,
  );
  let byTemplate = -1;
  for (const [to, result] of requirements.entries()) {
    if (result !== undefined && result.status !== 'met') break;
    byTemplate = to;
  }
  const capping = uncovered.filter((u) => !u.met);
  const cap = Math.min(3, ...capping.map((u) => u.stage)) - 1;
  return { stage: Math.min(byTemplate, cap), byTemplate, capping, requirements, unknown };
}
