import fc from 'fast-check';
// The lifecycle tests name the same shared fixtures (test/support/lifecycleFixtures.ts), by design.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  openDecision,
  organizationOf,
  policyOf,
  T0,
  yesNoModule,
} from '../../../../test/support/lifecycleFixtures.js';
import { DevolveError } from '../../errors/DevolveError.js';
import type { Policy } from '../../model/Organization.js';
import { METHODS, type MethodName } from '../../policy/MethodName.js';
import { METHOD_RULES } from '../../policy/methodRules.js';
import { advise } from './advise.js';
import { castVote } from './castVote.js';
import { decide } from './decide.js';
import { execute } from './execute.js';
import { expire } from './expire.js';
import { object } from './object.js';
import type { Proposal } from './Proposal.js';
import type { ProposalAct } from './ProposalAct.js';
import { veto } from './veto.js';

/*
 * The authorization property: thousands of generated acts by random people at random moments of
 * proposals under random policies, each checked against a plain statement of the rules written
 * here from the fixture alone (who is on which role at the opening instant is spelled out by hand,
 * and the timeline is walked step by step), not through the lifecycle's own code. Zero forbidden
 * acts accepted, zero allowed acts refused.
 */

const organization = organizationOf({
  members: ['ana', 'ben', 'gus', 'cy', 'dee', 'eve', 'fay', 'zed'],
  roles: {
    council: ['ana', 'ben', 'gus', { member: 'cy', from: T0 + DAY_MS }, { member: 'dee', until: T0 }],
    guardians: ['eve', 'fay', 'dee'],
    advisers: ['fay', 'zed'],
  },
  roleOptions: { guardians: { threshold: { num: 2n, den: 3n } } },
});
const PEOPLE = ['ana', 'ben', 'gus', 'cy', 'dee', 'eve', 'fay', 'zed', 'stranger'];
/** Who acts: anyone, but those who hold some right more often, so that allowed acts are common too. */
const person = fc.constantFrom(...PEOPLE, 'ana', 'ben', 'gus', 'eve', 'fay', 'zed');

// The rules' people, by hand: council at T0 (cy starts a day later, dee's term ended at T0).
const COUNCIL_AT_T0 = new Set(['ana', 'ben', 'gus']);
const GUARDIANS = new Set(['eve', 'fay', 'dee']);
const GUARDIAN_VETOES_NEEDED = 2; // ⌈3 × 2/3⌉
const ADVISERS = new Set(['fay', 'zed']);
const GRACE = 14 * DAY_MS;
// Which methods count ballots is the charter's method table, not the lifecycle's code.
const COUNTED: ReadonlySet<MethodName> = new Set(METHODS.filter((method) => METHOD_RULES[method].counted));

const policyArbitrary: fc.Arbitrary<Policy> = fc
  .record({
    method: fc.constantFrom(...METHODS),
    period: fc.integer({ min: 1, max: 5 * 24 }).map((hours) => hours * 3600),
    consult: fc.option(
      fc.integer({ min: 1, max: 48 }).map((hours) => hours * 3600),
      { nil: undefined },
    ),
    vetoWindow: fc.option(
      fc.integer({ min: 1, max: 72 }).map((hours) => hours * 3600),
      { nil: undefined },
    ),
    timelock: fc.constantFrom(0, 3600, 86_400),
    quorum: fc.option(fc.constantFrom([1n, 3n], [1n, 2n], [2n, 3n]), { nil: undefined }),
    minVoters: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    rationale: fc.constantFrom('required', 'optional'),
  })
  .map((g) => {
    const consult = g.consult ?? (g.method === 'advice' ? 3600 : undefined);
    const vetoWindow = g.vetoWindow ?? (g.method === 'optimistic' ? 3600 : undefined);
    return policyOf({
      method: g.method,
      period: g.period,
      timelock: g.timelock,
      rationale: g.rationale as Policy['rationale'],
      ...(consult === undefined
        ? {}
        : { consultation: { period: consult, with: [{ kind: 'role', role: 'advisers' }] } }),
      ...(vetoWindow === undefined
        ? {}
        : { veto: { by: [{ kind: 'role', role: 'guardians' }], window: vetoWindow } }),
      ...(g.quorum === undefined ? {} : { quorum: { num: g.quorum[0], den: g.quorum[1] } }),
      ...(g.minVoters === undefined ? {} : { minVoters: g.minVoters }),
    });
  });

const text = fc.constantFrom<string | undefined>(
  undefined,
  '',
  '  ',
  'because',
  'because',
  'because',
  'because',
);
const actArbitrary: fc.Arbitrary<ProposalAct> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('vote' as const),
      by: person,
      ballot: fc.constantFrom('for', 'for', 'for', 'against', 'against', 'abstain', 'maybe', 42),
      reason: text,
    }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('object' as const), by: person, reason: text }),
  fc.record({
    kind: fc.constant('advise' as const),
    by: person,
    text,
    party: fc.constantFrom(undefined, undefined, 'role:advisers', 'role:council'),
  }),
  fc.record({
    kind: fc.constant('decide' as const),
    by: person,
    outcome: fc.constantFrom('passed' as const, 'rejected' as const),
    reason: text,
  }),
  fc.record({ kind: fc.constant('veto' as const), by: person, reason: text }),
  fc.record({ kind: fc.constant('execute' as const), by: person }),
  fc.record({ kind: fc.constant('expire' as const), by: person }),
) as fc.Arbitrary<ProposalAct>;

/**
 * A moment, placed on the policy's own timeline so that every phase is visited: a stage (before
 * opening, consultation, voting, veto window, timelock, the grace period and after), a point
 * within it, and sometimes a millisecond either side of it.
 */
const momentArbitrary = fc.record({
  stage: fc.integer({ min: 0, max: 6 }),
  within: fc.double({ min: 0, max: 1, noNaN: true }),
  jitter: fc.constantFrom(0, 0, 0, -1, 1),
});

/** The acts that belong to each stage, so that half the generated acts are the plausible ones. */
const PLAUSIBLE: readonly (readonly ProposalAct['kind'][])[] = [
  ['vote', 'advise'],
  ['advise', 'decide'],
  ['vote', 'object', 'decide', 'advise'],
  ['veto', 'decide'],
  ['execute', 'veto'],
  ['execute', 'expire'],
  ['expire', 'execute'],
];

/** An act and its moment: a random act, or one of the kind that belongs to the moment's stage. */
const timedActArbitrary = fc
  .tuple(momentArbitrary, fc.boolean())
  .chain(([moment, plausible]) =>
    (plausible
      ? actArbitrary.filter((act) => PLAUSIBLE[moment.stage]!.includes(act.kind))
      : actArbitrary
    ).map((act) => [act, moment] as const),
  );

function momentOn(policy: Policy, moment: { stage: number; within: number; jitter: number }): number {
  const consulted = T0 + (policy.consultation?.period ?? 0) * 1000;
  const closed =
    consulted + (COUNTED.has(policy.method) || policy.method === 'consent' ? (policy.period ?? 0) * 1000 : 0);
  const vetoed = closed + (policy.veto?.window ?? 0) * 1000;
  const locked = vetoed + policy.timelock * 1000;
  const bounds = [T0 - HOUR_MS, T0, consulted, closed, vetoed, locked, locked + GRACE, locked + 2 * GRACE];
  const from = bounds[moment.stage]!;
  const to = bounds[moment.stage + 1]!;
  return Math.floor(from + moment.within * (to - from)) + moment.jitter;
}

type Phase = string;

/** The timeline, walked by hand. */
function expectedPhase(p: Proposal, now: number): Phase {
  const policy = p.policy;
  if (now < p.openedAt) return 'draft';
  const votingStart = p.openedAt + (policy.consultation?.period ?? 0) * 1000;
  let passedAt: number;
  if (policy.method === 'advice' || policy.method === 'single-owner') {
    if (policy.method === 'single-owner' && now < votingStart) return 'consultation';
    const d = p.decision;
    if (d !== undefined && d.at <= now) {
      if (d.outcome === 'rejected') return 'rejected';
      passedAt = d.at;
    } else if (now >= votingStart + GRACE) return 'expired';
    else if (policy.method === 'advice' && !p.advice.some((a) => a.party === 'role:advisers' && a.at <= now))
      return 'consultation';
    else return 'deciding';
  } else if (now < votingStart) return 'consultation';
  else if (policy.method === 'optimistic') passedAt = votingStart;
  else {
    const end = votingStart + (policy.period ?? 0) * 1000;
    if (policy.method === 'consent') {
      if (p.objections.some((o) => o.at >= votingStart && o.at < end && o.at <= now)) return 'rejected';
      if (now < end) return 'voting';
    } else {
      if (now < end) return 'voting';
      const latest = new Map<string, string>();
      for (const b of p.ballots) if (b.at < end) latest.set(b.voter, String(b.ballot));
      const votes = [...latest.values()];
      const total = COUNCIL_AT_T0.size;
      if (
        policy.quorum !== undefined &&
        BigInt(votes.length) * policy.quorum.den < policy.quorum.num * BigInt(total)
      )
        return 'rejected';
      if (policy.minVoters !== undefined && votes.length < policy.minVoters) return 'rejected';
      const yes = votes.filter((v) => v === 'for').length;
      const no = votes.filter((v) => v === 'against').length;
      if (!(yes > no)) return 'rejected';
    }
    passedAt = end;
  }
  let ready = passedAt;
  if (policy.veto !== undefined) {
    const windowEnd = ready + policy.veto.window * 1000;
    const vetoers = new Set<string>();
    for (const v of p.vetoes)
      if (v.at >= ready && v.at < windowEnd && v.at <= now) {
        vetoers.add(v.by);
        if (vetoers.size >= GUARDIAN_VETOES_NEEDED) return 'vetoed';
      }
    if (now < windowEnd) return 'veto-window';
    ready = windowEnd;
  }
  if (policy.timelock > 0) {
    if (now < ready + policy.timelock * 1000) return 'timelock';
    ready += policy.timelock * 1000;
  }
  if (p.executedAt !== undefined) return 'executed';
  if (now >= ready + GRACE) return 'expired';
  return 'passed';
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** The rules, stated plainly. */
function allowed(p: Proposal, act: ProposalAct, now: number): boolean {
  const method = p.policy.method;
  const phase = expectedPhase(p, now);
  const reasoned = (reason: string | undefined) => p.policy.rationale === 'optional' || !blank(reason);
  switch (act.kind) {
    case 'vote':
      return (
        COUNTED.has(method) &&
        phase === 'voting' &&
        COUNCIL_AT_T0.has(act.by) &&
        ['for', 'against', 'abstain'].includes(act.ballot as string) &&
        reasoned(act.reason)
      );
    case 'object':
      return method === 'consent' && phase === 'voting' && COUNCIL_AT_T0.has(act.by) && !blank(act.reason);
    case 'advise':
      return (
        (phase === 'consultation' || (method === 'advice' && phase === 'deciding')) &&
        ADVISERS.has(act.by) &&
        (act.party === undefined || act.party === 'role:advisers') &&
        !blank(act.text)
      );
    case 'decide':
      return (
        phase === 'deciding' &&
        ((method === 'single-owner' && COUNCIL_AT_T0.has(act.by)) ||
          (method === 'advice' && act.by === p.proposer)) &&
        reasoned(act.reason)
      );
    case 'veto':
      return (
        phase === 'veto-window' &&
        GUARDIANS.has(act.by) &&
        !p.vetoes.some((v) => v.by === act.by) &&
        reasoned(act.reason)
      );
    case 'execute':
      return phase === 'passed';
    case 'expire':
      return phase === 'expired' && p.expiredAt === undefined;
  }
}

/** Tries the act through the public act functions: the new proposal, or the refusal's code. */
function attempt(p: Proposal, act: ProposalAct, now: number): Proposal | string {
  const counting = COUNTED.has(p.policy.method) ? yesNoModule(p.policy.method) : undefined;
  const withCounting = counting === undefined ? {} : { counting };
  const opt = <K extends string>(key: K, value: string | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
  try {
    switch (act.kind) {
      case 'vote':
        return castVote({
          proposal: p,
          voter: act.by,
          ballot: act.ballot,
          now,
          counting: counting ?? yesNoModule(p.policy.method),
          ...opt('reason', act.reason),
        });
      case 'object':
        return object({ proposal: p, by: act.by, reason: act.reason, now });
      case 'advise':
        return advise({
          proposal: p,
          by: act.by,
          text: act.text,
          now,
          ...withCounting,
          ...opt('party', act.party),
        });
      case 'decide':
        return decide({ proposal: p, by: act.by, outcome: act.outcome, now, ...opt('reason', act.reason) });
      case 'veto':
        return veto({ proposal: p, by: act.by, now, ...withCounting, ...opt('reason', act.reason) });
      case 'execute':
        return execute({ proposal: p, by: act.by, now, ...withCounting });
      case 'expire':
        return expire({ proposal: p, by: act.by, now, ...withCounting });
    }
  } catch (error) {
    if (error instanceof DevolveError && error.code.startsWith('proposal/')) return error.code;
    throw error;
  }
}

describe('proposal acts: authorization property', () => {
  it('accepts exactly the allowed acts, over more than 25,000 generated acts', () => {
    let checked = 0;
    let accepted = 0;
    const acceptedKinds = new Set<string>();
    fc.assert(
      fc.property(
        policyArbitrary,
        fc.constantFrom('ana', 'ben', 'gus', 'cy', 'eve'),
        fc.array(timedActArbitrary, { minLength: 12, maxLength: 24 }),
        (policy, proposer, acts) => {
          const opened = (() => {
            try {
              return openDecision({ organization, policy, proposer });
            } catch (error) {
              return (error as DevolveError).code;
            }
          })();
          checked += 1;
          // proposing is the council's, at the instant of proposing
          expect(typeof opened === 'string' ? opened : 'accepted').toBe(
            COUNCIL_AT_T0.has(proposer) ? 'accepted' : 'proposal/not-a-proposer',
          );
          if (typeof opened === 'string') return;
          let proposal = opened;
          const timed = acts.map(([act, moment]) => [act, momentOn(policy, moment)] as const);
          for (const [act, now] of timed.sort((a, b) => a[1] - b[1])) {
            const expected = allowed(proposal, act, now);
            const result = attempt(proposal, act, now);
            checked += 1;
            if (expected) {
              expect(
                typeof result,
                `${act.kind} by ${act.by} at ${now - T0} ms refused: ${String(result)}`,
              ).toBe('object');
              proposal = result as Proposal;
              accepted += 1;
              acceptedKinds.add(act.kind);
            } else {
              expect(result, `${act.kind} by ${act.by} at ${now - T0} ms accepted`).toBeTypeOf('string');
            }
          }
        },
      ),
      { numRuns: 2500, seed: 20_260_301 },
    );
    expect(checked).toBeGreaterThanOrEqual(25_000);
    // the generator reaches acts that are allowed, not only refusals
    expect(accepted).toBeGreaterThan(600);
    expect([...acceptedKinds].sort()).toEqual([
      'advise',
      'decide',
      'execute',
      'expire',
      'object',
      'veto',
      'vote',
    ]);
  });
});
