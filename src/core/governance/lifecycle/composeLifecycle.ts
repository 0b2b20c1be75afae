import { DevolveError } from '../../errors/DevolveError.js';
import type { Policy } from '../../model/Organization.js';
import { METHOD_RULES } from '../../policy/methodRules.js';
import type { CountingModule } from '../counting/CountingModule.js';
import { baseLifecycle } from './baseLifecycle.js';
import type { Lifecycle } from './Lifecycle.js';
import { minVotersGate } from './minVotersGate.js';
import type { ProposalGate } from './ProposalGate.js';
import { quorumGate } from './quorumGate.js';
import { withLateQuorum } from './withLateQuorum.js';
import { withTimelock } from './withTimelock.js';
import { withVetoWindow } from './withVetoWindow.js';

/**
 * The lifecycle a policy describes: the base lifecycle of its method with its gates (quorum,
 * minimum voters — counted methods only), wrapped by late-quorum extension, then the veto window,
 * then the timelock, in that order: a proposal is vetoed before the timelock starts, and an
 * executed action never waits on a veto.
 *
 * The composition is checked once, here: a method that needs a period, a consultation or a veto
 * must have it, and the counting module given must be the policy's own.
 *
 * @example
 * composeLifecycle({ policy }).describe
 * // 'majority quorum=1/10 min-voters=3 late-quorum=86400s veto=604800s timelock=172800s'
 */
export function composeLifecycle(args: {
  readonly policy: Policy;
  readonly counting?: CountingModule;
}): Lifecycle {
  // A lifecycle is a pure function of its policy and module: composed once per pair, not per act.
  const { policy, counting } = args;
  // A two-level cache like applyDelegations.ts's, by design: the key kinds differ and the get-or-set is four
  // lines.
  let byModule = composed.get(policy);
  if (byModule === undefined) {
    byModule = new Map();
    composed.set(policy, byModule);
  }
  let lifecycle = byModule.get(counting);
  if (lifecycle === undefined) {
    lifecycle = composeAfresh(policy, counting);
    byModule.set(counting, lifecycle);
  }
  return lifecycle;
}

const composed = new WeakMap<Policy, Map<CountingModule | undefined, Lifecycle>>();

function composeAfresh(policy: Policy, counting: CountingModule | undefined): Lifecycle {
  const rule = METHOD_RULES[policy.method];
  const refuse = (reason: string): never => {
    throw new DevolveError({
      code: 'proposal/invalid-composition',
      message: `the ${policy.method} policy ${reason}`,
      details: { method: policy.method },
    });
  };
  if (rule.needsPeriod && !(policy.period !== undefined && policy.period > 0)) refuse('needs a period');
  if (rule.needsConsultation && (policy.consultation?.with.length ?? 0) === 0)
    refuse('needs someone to consult');
  if (rule.needsVeto && policy.veto === undefined) refuse('needs someone who can veto');
  if (counting !== undefined && counting.method !== policy.method)
    refuse(`cannot be counted by the ${counting.method} counting module`);

  const quorum = rule.counted && policy.quorum !== undefined ? quorumGate(policy.quorum) : undefined;
  const gates: ProposalGate[] = [];
  if (quorum !== undefined) gates.push(quorum);
  if (rule.counted && policy.minVoters !== undefined) gates.push(minVotersGate(policy.minVoters));

  let lifecycle = baseLifecycle({
    method: policy.method,
    counted: rule.counted,
    gates,
    ...(counting === undefined ? {} : { counting }),
  });
  if (quorum !== undefined && policy.lateQuorumExtension !== undefined && policy.lateQuorumExtension > 0)
    lifecycle = withLateQuorum(lifecycle, policy.lateQuorumExtension, quorum);
  if (policy.veto !== undefined) lifecycle = withVetoWindow(lifecycle, policy.veto.window);
  if (policy.timelock > 0) lifecycle = withTimelock(lifecycle, policy.timelock);
  return lifecycle;
}
