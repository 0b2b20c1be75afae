import type { CharterInput } from '../charter/charterSchema.js';
import { checkCharterValue } from '../charter/checkCharterValue.js';
import { formatPath } from '../charter/formatPath.js';
import { DevolveError } from '../errors/DevolveError.js';
import type { LogEvent } from '../log/LogEvent.js';
import type { Organization, Unit } from '../model/Organization.js';
import { governanceFootprint } from './governanceFootprint.js';
import type { OrgState } from './OrgState.js';

/** The action kinds the log knows today. */
export const ACTION_KINDS = ['org.create', 'charter.amend'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Payload of `org.create` and `charter.amend`: the whole charter, as JSON. */
export interface CharterPayload {
  readonly charter: CharterInput;
}

function refuse(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  hint?: string,
): DevolveError {
  return new DevolveError({
    code: `action/${code}`,
    message,
    details,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** Member ids in any role that owns `unit`. */
function ownersOf(organization: Organization, unit: Unit): Set<string> {
  const members = new Set<string>();
  for (const role of organization.roles) {
    if (unit.owners.includes(role.id)) for (const m of role.members) members.add(m.member);
  }
  return members;
}

function readCharter(payload: unknown): { input: CharterInput; organization: Organization } {
  const charter =
    typeof payload === 'object' && payload !== null ? (payload as { charter?: unknown }).charter : undefined;
  const checked = checkCharterValue({ value: charter });
  const errors = checked.issues.filter((issue) => issue.severity === 'error');
  if (checked.valid === undefined || errors.length > 0) {
    const first = errors[0];
    throw refuse(
      'invalid-charter',
      `the charter in the action is not valid${first === undefined ? '' : `: ${formatPath(first.path)}: ${first.message}`}`,
      { errors: errors.map((e) => ({ path: formatPath(e.path), code: e.code, message: e.message })) },
    );
  }
  return checked.valid;
}

function keysOf(organization: Organization): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const member of organization.members) if (member.key !== undefined) keys[member.id] = member.key;
  return keys;
}

/**
 * Applies one event to an organization's state, after checking that its actor had the right to
 * take it: the pure heart of both the store's projection and offline verification. The caller
 * has already checked the event's hash, chain link and signature; this checks what they mean.
 *
 * - `org.create` starts a log: the actor must be a member of the charter, and if the charter
 *   gives them a key it must be the key that signed. Their key is registered.
 * - `charter.amend` replaces the charter. The actor must be a registered member acting with their
 *   registered key. Nothing that governs a unit above its founder-controlled level may change —
 *   that needs a proposal under the unit's current policy — and every unit that does change (or
 *   is added or removed) must be owned by the actor. A member's registered key can be changed by
 *   that member only.
 *
 * Returns the new state, or throws a `DevolveError` with an `action/…` code saying why not.
 *
 * @example
 * let state: OrgState | undefined;
 * for (const event of events) state = applyEvent({ state, event });
 */
export function applyEvent(args: { state: OrgState | undefined; event: LogEvent }): OrgState {
  const { state, event } = args;
  const { action } = event;
  if (state === undefined) {
    if (action.kind !== 'org.create') {
      throw refuse(
        'no-organization',
        `the log of '${action.org}' must start with org.create, not ${action.kind}`,
      );
    }
    const { input, organization } = readCharter(action.payload);
    if (organization.id !== action.org) {
      throw refuse(
        'wrong-organization',
        `the charter is for '${organization.id}', the action for '${action.org}'`,
      );
    }
    const member = organization.members.find((m) => m.id === action.actor);
    if (member === undefined) {
      throw refuse('not-a-member', `'${action.actor}' is not a member of ${organization.name}`, {
        actor: action.actor,
      });
    }
    if (member.key !== undefined && member.key !== action.key) {
      throw refuse('wrong-key', `'${action.actor}' signed with a key that is not theirs in the charter`, {
        actor: action.actor,
      });
    }
    return {
      id: organization.id,
      seq: event.seq,
      head: event.hash,
      charter: input,
      organization,
      keys: { ...keysOf(organization), [action.actor]: action.key },
      levelSince: Object.fromEntries(
        organization.units.map((u) => [
          u.id,
          u.since === undefined ? event.recordedAt : new Date(u.since).toISOString(),
        ]),
      ),
    };
  }

  if (action.org !== state.id) {
    throw refuse('wrong-organization', `the action is for '${action.org}', this log is '${state.id}'`);
  }
  if (state.keys[action.actor] === undefined) {
    throw refuse('unknown-actor', `'${action.actor}' is not a member with a registered key`, {
      actor: action.actor,
    });
  }
  if (state.keys[action.actor] !== action.key) {
    throw refuse(
      'wrong-key',
      `the action claims to be from '${action.actor}' but is signed with another key`,
      {
        actor: action.actor,
      },
    );
  }
  switch (action.kind) {
    case 'charter.amend':
      return amend(state, event);
    default:
      throw refuse('unknown-kind', `unknown action kind '${action.kind}'`, { kind: action.kind });
  }
}

/**
 * Footprints already computed, per organization object. An organization is immutable once
 * resolved, and the one an amend produces is the `before` of the next amend, so each unit's
 * footprint is computed once per charter instead of twice per amend.
 */
const footprints = new WeakMap<Organization, Map<string, string>>();

function footprintOf(organization: Organization, unit: Unit): string {
  let known = footprints.get(organization);
  if (known === undefined) {
    known = new Map();
    footprints.set(organization, known);
  }
  let footprint = known.get(unit.id);
  if (footprint === undefined) {
    footprint = governanceFootprint({ organization, unit });
    known.set(unit.id, footprint);
  }
  return footprint;
}

/**
 * True when the amend carries the very charter already in force (equal as JSON values, so equal
 * in canonical JSON). Such an amend changes nothing — no unit, member, role or key — and checking
 * the charter again (the costly part of an amend) would only rebuild the state it started from;
 * so that is skipped, and only what depends on the action itself is checked: that the actor, a
 * registered member, owns a unit.
 */
function unchanged(state: OrgState, payload: unknown): boolean {
  const charter =
    typeof payload === 'object' && payload !== null ? (payload as { charter?: unknown }).charter : undefined;
  return typeof charter === 'object' && charter !== null && sameJson(state.charter, charter);
}

/** Structural equality of JSON values; object keys in any order, as canonical JSON sees them. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameJson(left[key], right[key])) return false;
  return true;
}

function amend(state: OrgState, event: LogEvent): OrgState {
  const { action } = event;
  if (unchanged(state, action.payload)) {
    const before = state.organization;
    if (!before.units.some((unit) => ownersOf(before, unit).has(action.actor))) {
      throw refuse('not-an-owner', `'${action.actor}' owns no unit, so cannot amend the charter`, {
        actor: action.actor,
      });
    }
    return { ...state, seq: event.seq, head: event.hash };
  }
  const { input, organization } = readCharter(action.payload);
  if (organization.id !== state.id) {
    throw refuse('wrong-organization', `the charter is for '${organization.id}', this log is '${state.id}'`);
  }
  const before = state.organization;
  const actor = action.actor;
  if (!organization.members.some((m) => m.id === actor)) {
    throw refuse('not-a-member', `the amended charter would remove '${actor}', who is amending it`, {
      actor,
    });
  }
  for (const unit of before.units) {
    const after = organization.units.find((u) => u.id === unit.id);
    const changed = after === undefined || footprintOf(before, unit) !== footprintOf(organization, after);
    // A unit's name and description govern nothing, so its owners may reword them at any level;
    // but only its owners.
    const reworded =
      after !== undefined && (after.name !== unit.name || after.description !== unit.description);
    if (!changed && !reworded) continue;
    if (changed && unit.level > 0) {
      const level = unit.levels[unit.level]!;
      throw refuse(
        'proposal-required',
        `unit '${unit.id}' is at level ${unit.level} (${level.name}): changing how it is governed needs a proposal decided under its current policy`,
        { unit: unit.id, level: unit.level, levelId: level.id },
        'a charter change can only touch units at their founder-controlled level',
      );
    }
    if (!ownersOf(before, unit).has(actor)) {
      throw refuse('not-an-owner', `'${actor}' does not own unit '${unit.id}'`, { unit: unit.id, actor });
    }
  }
  for (const unit of organization.units) {
    if (!before.units.some((u) => u.id === unit.id) && !ownersOf(organization, unit).has(actor)) {
      throw refuse('not-an-owner', `'${actor}' would not own the new unit '${unit.id}'`, {
        unit: unit.id,
        actor,
      });
    }
  }
  if (!before.units.some((unit) => ownersOf(before, unit).has(actor))) {
    throw refuse('not-an-owner', `'${actor}' owns no unit, so cannot amend the charter`, { actor });
  }
  const keys: Record<string, string> = {};
  for (const member of organization.members) {
    const registered = state.keys[member.id];
    if (
      member.key !== undefined &&
      registered !== undefined &&
      member.key !== registered &&
      member.id !== actor
    ) {
      throw refuse('key-change', `only '${member.id}' may change their own registered key`, {
        member: member.id,
      });
    }
    const key = member.key ?? registered;
    if (key !== undefined) keys[member.id] = key;
  }
  const levelSince: Record<string, string> = {};
  for (const unit of organization.units) {
    const previous = before.units.find((u) => u.id === unit.id);
    const kept =
      previous !== undefined && previous.level === unit.level ? state.levelSince[unit.id] : undefined;
    levelSince[unit.id] =
      kept ?? (unit.since === undefined ? event.recordedAt : new Date(unit.since).toISOString());
  }
  return { id: state.id, seq: event.seq, head: event.hash, charter: input, organization, keys, levelSince };
}
