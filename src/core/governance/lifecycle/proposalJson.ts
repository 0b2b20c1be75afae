import { DevolveError } from '../../errors/DevolveError.js';
import type { Policy } from '../../model/Organization.js';
import type { Ratio } from '../../ratio/Ratio.js';
import { ballotLogOf, withBallotLog } from './ballotLog.js';
import type { Delegation, Electorate, JsonObject, JsonValue, Proposal, ProposalJson } from './Proposal.js';

/**
 * Writes a proposal as plain JSON: every `bigint` (weights, the total, the policy's ratios,
 * delegation shares) becomes a decimal string and the weight map an object with voters sorted, so
 * the same proposal always writes the same text. `proposalFromJson` reads it back exactly.
 *
 * @example
 * proposalFromJson(JSON.parse(JSON.stringify(proposalToJson(p)))) // deep-equals p
 */
export function proposalToJson(proposal: Proposal): ProposalJson {
  // The ballots are shared with the proposal, not copied (`withBallotLog`), and the parts each
  // act leaves as they were are written once: a vote costs the same however many came before.
  return withBallotLog(proposal, ballotLogOf(proposal), {
    policy: cached(policiesJson, proposal.policy, policyToJson),
    electorate: cached(electoratesJson, proposal.electorate, electorateToJson),
    delegations: cached(delegationsJson, proposal.delegations, (list) => list.map(delegationToJson)),
  }) as unknown as ProposalJson;
}

const policiesJson = new WeakMap<Policy, JsonObject>();
const electoratesJson = new WeakMap<Electorate, JsonObject>();
const delegationsJson = new WeakMap<readonly Delegation[], JsonValue>();

/** `write(part)`, remembered per part: parts are immutable, so their JSON never changes. */
function cached<K extends object, V>(memo: WeakMap<K, V>, part: K, write: (part: K) => V): V {
  let json = memo.get(part);
  if (json === undefined) {
    json = write(part);
    memo.set(part, json);
  }
  return json;
}

/** Reads what `proposalToJson` wrote; a value of the wrong shape is refused with `proposal/invalid-json`. */
export function proposalFromJson(json: unknown): Proposal {
  try {
    const value = object(json);
    const electorate = object(value.electorate);
    return {
      ...(value as unknown as Proposal),
      policy: policyFromJson(object(value.policy)),
      electorate: {
        ...(electorate as unknown as Electorate),
        weights: new Map(
          Object.entries(object(electorate.weights)).map(([voter, weight]) => [voter, decimal(weight)]),
        ),
        total: decimal(electorate.total),
      },
      delegations: array(value.delegations).map((entry) => {
        const delegation = object(entry);
        return {
          ...(delegation as unknown as Delegation),
          parts: array(delegation.parts).map((part) => {
            const p = object(part);
            return { to: String(p.to), share: ratio(p.share) };
          }),
        };
      }),
    };
  } catch (cause) {
    throw new DevolveError({
      code: 'proposal/invalid-json',
      message: `not a stored proposal: ${(cause as Error).message}`,
      cause,
    });
  }
}

function ratioToJson(value: Ratio): JsonObject {
  return { num: value.num.toString(), den: value.den.toString() };
}

function policyToJson(policy: Policy): JsonObject {
  return stripUndefined({
    ...policy,
    quorum: policy.quorum === undefined ? undefined : ratioToJson(policy.quorum),
    threshold: policy.threshold === undefined ? undefined : ratioToJson(policy.threshold),
  } as unknown as Record<string, unknown>);
}

function policyFromJson(json: Record<string, unknown>): Policy {
  const policy = { ...json } as Record<string, unknown>;
  if (json.quorum !== undefined) policy.quorum = ratio(json.quorum);
  if (json.threshold !== undefined) policy.threshold = ratio(json.threshold);
  return policy as unknown as Policy;
}

function electorateToJson(electorate: Electorate): JsonObject {
  const weights: Record<string, string> = {};
  for (const voter of [...electorate.weights.keys()].sort())
    weights[voter] = electorate.weights.get(voter)!.toString();
  return { ...(electorate as unknown as JsonObject), weights, total: electorate.total.toString() };
}

function delegationToJson(delegation: Delegation): JsonObject {
  return {
    ...(delegation as unknown as JsonObject),
    parts: delegation.parts.map((part) => ({ to: part.to, share: ratioToJson(part.share) })),
  };
}

function stripUndefined(value: Record<string, unknown>): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry as JsonValue;
  return out;
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected an object');
  return value as Record<string, unknown>;
}

function array(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('expected a list');
  return value;
}

function decimal(value: unknown): bigint {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value))
    throw new Error(`expected a decimal string, got ${String(value)}`);
  return BigInt(value);
}

function ratio(value: unknown): Ratio {
  const r = object(value);
  return { num: decimal(r.num), den: decimal(r.den) };
}
