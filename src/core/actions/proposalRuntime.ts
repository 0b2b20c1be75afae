import type { CountingModule } from '../governance/counting/CountingModule.js';
import { COUNTING_MODULE_BY_METHOD } from '../governance/counting/countingModules.js';
import type { Delegation, Proposal } from '../governance/lifecycle/Proposal.js';
import { proposalFromJson, proposalToJson } from '../governance/lifecycle/proposalJson.js';
import { hiddenSlot } from '../lang/hiddenSlot.js';
import type { LogEvent } from '../log/LogEvent.js';
import type { Unit } from '../model/Organization.js';
import { parseRatio } from '../ratio/Ratio.js';
import type { JsonRecord, OrgState } from '../state/OrgState.js';
import { refuse } from './refuse.js';

/**
 * Proposals already read back from their JSON form, per stored record: a record is immutable and
 * each act stores a new one, so a proposal is parsed at most once however many ballots it takes.
 * A hidden slot, not a `WeakMap`: every vote stores a new record (see `hiddenSlot`).
 */
const parsed = hiddenSlot<Proposal>();

/** The proposal `id` of the organization, or an `action/unknown-proposal` refusal. */
export function proposalOf(state: OrgState, id: string): Proposal {
  const json = state.proposals[id];
  if (json === undefined)
    throw refuse('unknown-proposal', `there is no proposal '${id}' in ${state.organization.name}`, {
      proposal: id,
    });
  let proposal = parsed.get(json);
  if (proposal === undefined) {
    proposal = proposalFromJson(json);
    parsed.set(json, proposal);
  }
  return proposal;
}

/** The state after `event` with `proposal` stored (as JSON) under its id. */
export function withProposal(state: OrgState, event: LogEvent, proposal: Proposal): OrgState {
  const json = proposalToJson(proposal);
  parsed.set(json, proposal);
  return {
    ...state,
    seq: event.seq,
    head: event.hash,
    proposals: { ...state.proposals, [proposal.id]: json },
  };
}

/** The counting module of the method a proposal is decided by. */
export function countingOf(proposal: Proposal): CountingModule {
  return COUNTING_MODULE_BY_METHOD[proposal.policy.method];
}

/** The unit `id` of the charter in force, or an `action/unknown-unit` refusal. */
export function unitOf(state: OrgState, id: string): Unit {
  const unit = state.organization.units.find((u) => u.id === id);
  if (unit === undefined)
    throw refuse('unknown-unit', `there is no unit '${id}' in ${state.organization.name}`, { unit: id });
  return unit;
}

/** A unit's runtime level: the log's, which only executed slider moves change. */
export function runtimeLevel(state: OrgState, unit: Unit): number {
  return state.levels[unit.id] ?? unit.level;
}

/** The ladder position a level reference (id or position) names on `unit`, if any. */
export function levelIndex(unit: Unit, ref: string | number): number | undefined {
  return unit.levels.find((level) => (typeof ref === 'number' ? level.index === ref : level.id === ref))
    ?.index;
}

/** A delegation as the state holds it: shares as `{ num, den }` decimal strings. */
export function delegationToRecord(delegation: Delegation): JsonRecord {
  return {
    from: delegation.from,
    scope: delegation.scope,
    parts: delegation.parts.map((part) => ({
      to: part.to,
      share: { num: part.share.num.toString(), den: part.share.den.toString() },
    })),
  };
}

/** The delegations in force, read back from the state. */
export function delegationsOf(state: OrgState): Delegation[] {
  return state.delegations.map((record) => {
    const parts = record['parts'] as { to: string; share: { num: string; den: string } }[];
    return {
      from: String(record['from']),
      scope: record['scope'] as Delegation['scope'],
      parts: parts.map((part) => ({
        to: part.to,
        share: { num: BigInt(part.share.num), den: BigInt(part.share.den) },
      })),
    };
  });
}

/** A share as a payload writes it (0.5, '50%', '1/2'), exactly. */
export function shareOf(value: number | string): { num: bigint; den: bigint } {
  const result = parseRatio(value);
  if (!result.ok)
    throw refuse('invalid-share', `'${value}' is not a share: ${result.reason}`, { share: value });
  return result.ratio;
}
