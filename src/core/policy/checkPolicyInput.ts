import type { PolicyInput } from '../charter/charterSchema.js';
import type { CodeIn } from '../errors/ErrorCode.js';
import { compareRatio, makeRatio, parseRatio } from '../ratio/Ratio.js';
import { METHOD_RULES } from './methodRules.js';

export interface PolicyProblem {
  /** The field the problem is about; undefined when it is about the policy as a whole. */
  readonly field: keyof PolicyInput | undefined;
  readonly code: CodeIn<'policy'>;
  readonly message: string;
  readonly hint: string;
}

const HALF = makeRatio(1n, 2n);

/**
 * Checks that the modules of a complete policy fit its method (see `METHOD_RULES`). The policy is
 * the ladder's policy with any unit override applied; every field has already passed the schema.
 * `weighted` tells whether the effective weight (the policy's, else the deciding role's) is a
 * token or reputation weight.
 *
 * @example
 * checkPolicyInput({ policy: { method: 'supermajority', deciders: ['council'], period: 'P5D' }, weighted: false })
 * // [{ field: 'method', code: 'policy/missing-threshold', … }]
 */
export function checkPolicyInput(args: { policy: PolicyInput; weighted: boolean }): PolicyProblem[] {
  const { policy } = args;
  const problems: PolicyProblem[] = [];
  const { method } = policy;
  if (method === undefined) {
    return [
      {
        field: undefined,
        code: 'policy/missing-method',
        message: 'the policy does not say how decisions are made',
        hint: "add 'method:' (single-owner, majority, supermajority, consent, advice, optimistic …)",
      },
    ];
  }
  const rule = METHOD_RULES[method];
  if (policy.deciders === undefined && method !== 'advice' && method !== 'optimistic') {
    problems.push({
      field: undefined,
      code: 'policy/missing-deciders',
      message: `the policy does not say who decides by ${method}`,
      hint: "add 'deciders:' with the roles that decide, e.g. [$team]",
    });
  }
  if (rule.needsPeriod && policy.period === undefined) {
    problems.push({
      field: 'method',
      code: 'policy/missing-period',
      message: `method '${method}' needs a period during which the decision is open`,
      hint: "add 'period:', e.g. period: P5D",
    });
  }
  if (!rule.needsPeriod && policy.period !== undefined && method !== 'advice' && method !== 'optimistic') {
    problems.push({
      field: 'period',
      code: 'policy/unused-field',
      message: `method '${method}' has no decision period`,
      hint: "remove 'period:'",
    });
  }
  if (rule.threshold === 'required') {
    const threshold = policy.threshold === undefined ? undefined : parseRatio(policy.threshold);
    if (threshold === undefined) {
      problems.push({
        field: 'method',
        code: 'policy/missing-threshold',
        message: `method '${method}' needs a threshold`,
        hint: "add 'threshold:', e.g. threshold: 2/3",
      });
    } else if (threshold.ok && compareRatio(threshold.ratio, HALF) <= 0) {
      problems.push({
        field: 'threshold',
        code: 'policy/threshold-too-low',
        message: `a supermajority threshold must be more than 50%, not ${policy.threshold}`,
        hint: "use method 'majority' for a simple majority, or raise the threshold (e.g. 2/3)",
      });
    }
  } else if (rule.threshold === 'forbidden' && policy.threshold !== undefined) {
    problems.push({
      field: 'threshold',
      code: 'policy/unused-field',
      message: `method '${method}' takes no threshold`,
      hint: method === 'majority' ? "use method 'supermajority' for a higher bar" : "remove 'threshold:'",
    });
  }
  if (!rule.counted) {
    for (const field of ['quorum', 'minVoters', 'lateQuorumExtension'] as const) {
      if (policy[field] !== undefined) {
        problems.push({
          field,
          code: 'policy/unused-field',
          message: `method '${method}' counts no votes, so '${field}' has no meaning`,
          hint: `remove '${field}:' or use a voting method such as majority`,
        });
      }
    }
  } else if (
    policy.lateQuorumExtension !== undefined &&
    policy.quorum === undefined &&
    policy.minVoters === undefined
  ) {
    problems.push({
      field: 'lateQuorumExtension',
      code: 'policy/unused-field',
      message: 'a late-quorum extension needs a quorum to react to',
      hint: "add 'quorum:' or remove 'lateQuorumExtension:'",
    });
  }
  if (!rule.winners && policy.winners !== undefined) {
    problems.push({
      field: 'winners',
      code: 'policy/unused-field',
      message: `method '${method}' elects a single outcome`,
      hint: "'winners:' applies to approval voting only",
    });
  }
  if (rule.needsConsultation && policy.consultation === undefined) {
    problems.push({
      field: 'method',
      code: 'policy/missing-consultation',
      message: 'the advice process needs a consultation: whose advice is sought, and for how long',
      hint: "add 'consultation: { period: P7D, with: [$community] }'",
    });
  }
  if (rule.needsVeto && policy.veto === undefined) {
    problems.push({
      field: 'method',
      code: 'policy/missing-veto',
      message: 'an optimistic decision passes unless vetoed, so someone must hold a veto',
      hint: "add 'veto: { by: [$council], window: P3D }'",
    });
  }
  if (rule.needsWeightedElectorate && !args.weighted) {
    problems.push({
      field: policy.weight === undefined ? 'method' : 'weight',
      code: 'policy/quadratic-needs-weight',
      message: 'quadratic voting needs voice credits: a token or reputation weight',
      hint: "add 'weight: { token: SYMBOL }' or 'weight: { reputation: name }'",
    });
  }
  return problems;
}
