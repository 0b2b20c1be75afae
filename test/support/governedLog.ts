import type { Proposal } from '../../src/core/governance/lifecycle/Proposal.js';
import { proposalFromJson } from '../../src/core/governance/lifecycle/proposalJson.js';
import type { SigningKey } from '../../src/identity/signAction.js';
import { ReplayedLog } from './replayLog.js';
import { daoCharter, ed25519Key, type JsonObject, LogBuilder } from './signedLog.js';

/** A log builder whose clock can be moved on, for acts that wait for a phase (still a second per event). */
export class ClockedLog extends LogBuilder {
  private offset = 0;

  override now(): Date {
    return new Date(super.now().getTime() + this.offset);
  }

  /** Moves the clock on by `seconds`. */
  advance(seconds: number): void {
    this.offset += seconds * 1000;
  }
}

export const DAY = 86_400;

/** Every member of the dao template. */
export const LUMEN_MEMBERS = [
  'mara',
  'jonas',
  'priya',
  'tomas',
  'lin',
  'ade',
  'sofia',
  'kenji',
  'noor',
  'elena',
  'dmitri',
  'grace',
  'hugo',
] as const;

/**
 * A `proposal.create` payload for a decision on `unit`: what the tests propose most.
 *
 * @example
 * lumen.as('priya', 'proposal.create', decisionOn('treasury', 'p1', 'Fund the audit', 'Pay for the audit'));
 */
export function decisionOn(unit: string, id: string, title: string, outcome: string): JsonObject {
  return { id, unit, kind: 'decision', title, subject: { outcome } };
}

/** A `proposal.create` payload for a change of `unit`'s rules to those of `charter`. */
export function charterChangeOn(unit: string, id: string, title: string, charter: JsonObject): JsonObject {
  return { id, unit, kind: 'charter-change', title, subject: { charter } };
}

/**
 * The dao template (Lumen Protocol) as a running organization: mara creates it, then every member
 * registers their own key (`key.register`). `as(actor)` takes an action for them; `advance` moves
 * the store's clock on; `proposal(id)` reads a proposal back from the state.
 *
 * @example
 * const lumen = governedLumen({ org: 'lumen-votes' });
 * lumen.as('mara', 'proposal.create', { id: 'p1', unit: 'treasury', kind: 'decision', title: 'Fund', subject: { outcome: 'Fund it' } });
 */
export function governedLumen(args: { org: string; prepare?: (charter: JsonObject) => void }) {
  const keys: Record<string, SigningKey> = Object.fromEntries(LUMEN_MEMBERS.map((id) => [id, ed25519Key()]));
  const charter = daoCharter({ org: args.org, keys });
  args.prepare?.(charter);
  const log = new ClockedLog({ org: args.org });
  log.append({ key: keys['mara']!, actor: 'mara', kind: 'org.create', payload: { charter } });
  for (const member of LUMEN_MEMBERS)
    if (member !== 'mara') log.register({ key: keys[member]!, actor: member });
  const org = new ReplayedLog(log);
  const action = (actor: string, kind: string, payload: unknown) => ({
    key: keys[actor]!,
    actor,
    kind,
    payload,
  });
  return {
    org,
    log,
    keys,
    charter,
    action,
    as: (actor: string, kind: string, payload: unknown) => org.act(action(actor, kind, payload)),
    refusal: (actor: string, kind: string, payload: unknown) => org.refusal(action(actor, kind, payload)),
    error: (actor: string, kind: string, payload: unknown) => org.error(action(actor, kind, payload)),
    advance: (seconds: number) => log.advance(seconds),
    proposal: (id: string): Proposal => proposalFromJson(org.state!.proposals[id]),
    /** Every member of `voters` votes `choice` on `proposal`, with a reason. */
    vote: (proposal: string, voters: readonly string[], choice: 'for' | 'against' | 'abstain') => {
      for (const voter of voters)
        org.act(
          action(voter, 'vote.cast', { proposal, ballot: { choice }, reason: `${voter} votes ${choice}` }),
        );
    },
  };
}

/** The core team of the dao template, who decide the treasury at its transparent level. */
export const CORE_TEAM = ['mara', 'jonas', 'priya', 'tomas', 'lin'] as const;
/** The grants committee, the treasury's council once it is delegated. */
export const GRANTS_COMMITTEE = ['elena', 'dmitri', 'grace'] as const;

/** Evidence, as a slider-move payload carries it, attesting checklist items of the treasury. */
export function treasuryEvidence(checklists: readonly string[], observations: readonly JsonObject[] = []) {
  return {
    evidence: 1,
    attestations: checklists.map((checklist) => ({
      checklist,
      unit: 'treasury',
      by: 'mara',
      at: '2026-02-01',
      evidence: `https://lumen.example/${checklist}`,
    })),
    observations: [...observations],
  };
}
