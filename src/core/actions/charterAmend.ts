import type { CharterInput } from '../charter/charterSchema.js';
import { canonicalJson } from '../log/canonicalJson.js';
import { sameIdentity as sameKey } from '../log/sameIdentity.js';
import type { Organization, Unit } from '../model/Organization.js';
import { governanceFootprint } from '../state/governanceFootprint.js';
import type { OrgState } from '../state/OrgState.js';
import { roleMembersAt } from '../state/roleMembersAt.js';
import type { ActionRecord } from './ActionRecord.js';
import { type CharterPayload, charterPayloadSchema, readCharter } from './charterPayload.js';
import { refuse } from './refuse.js';

/**
 * Footprints already computed, per organization object. An organization is immutable once
 * resolved, and the one an amend produces is the `before` of the next amend, so each unit's
 * footprint is computed once per charter instead of twice per amend.
 */
const footprints = new WeakMap<Organization, Map<string, string>>();

export function footprintOf(organization: Organization, unit: Unit): string {
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
  // Counted rather than listed: every amend compares a whole charter, object by object.
  let defined = 0;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (value === undefined) continue;
    defined += 1;
    if (!Object.hasOwn(right, key) || !sameJson(value, right[key])) return false;
  }
  for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) defined -= 1;
  return defined === 0;
}

function ownsSomeUnit(organization: Organization, actor: string, at: number): boolean {
  return organization.units.some((unit) =>
    roleMembersAt({ organization, roles: unit.owners, at }).has(actor),
  );
}

/**
 * The result of checking an amend: the charter it carries and the emergency powers it used, or
 * nothing when it is the charter in force.
 */
type CheckedAmend =
  | { input: CharterInput; organization: Organization; powers: readonly { power: string; unit: string }[] }
  | undefined;

/**
 * The emergency power of the charter in force that lets `actor` change `unit` by amend at `at`,
 * if any: the actor holds one of its roles then, it reaches the unit, allows `charter.amend`, has
 * started and not lapsed, and has uses left (counting the ones this amend already takes).
 */
function emergencyPower(
  state: OrgState,
  actor: string,
  unit: string,
  at: number,
  taken: readonly { power: string }[],
): string | undefined {
  for (const power of state.organization.emergencyPowers ?? []) {
    if (!power.units.includes(unit) || !power.actions.includes('charter.amend')) continue;
    if ((power.from !== undefined && at < power.from) || at >= power.until) continue;
    const used = [...state.emergencyUses, ...taken].filter((use) => use.power === power.id).length;
    if (power.uses !== undefined && used >= power.uses) continue;
    const roles = power.who.flatMap((party) => (party.kind === 'role' ? [party.role] : []));
    if (roleMembersAt({ organization: state.organization, roles, at }).has(actor)) return power.id;
  }
  return undefined;
}

/**
 * Checks that no registered member's key is re-pinned by someone else, and that no key is pinned
 * for one member while registered to another. Pins never register anything (see `checkPin`).
 */
export function checkPins(state: OrgState, organization: Organization): void {
  for (const member of organization.members) {
    if (member.key === undefined) continue;
    const registered = state.keys[member.id];
    const previous = state.organization.members.find((m) => m.id === member.id)?.key;
    const unchangedPin = previous !== undefined && sameKey(previous, member.key);
    if (registered !== undefined && !sameKey(registered, member.key) && !unchangedPin) {
      throw refuse(
        'key-change',
        `'${member.id}' has registered a key; a charter cannot pin another for them`,
        { member: member.id },
        'a member changes their own key with key.rotate and key.register; pin their registered key or none',
      );
    }
    for (const [holder, key] of Object.entries(state.keys)) {
      if (holder !== member.id && sameKey(key, member.key) && !unchangedPin) {
        throw refuse('key-taken', `the key pinned for '${member.id}' is registered to '${holder}'`, {
          member: member.id,
          holder,
        });
      }
    }
  }
}

/**
 * `charter.amend` replaces the charter. The actor must own at least one unit at the moment of the
 * action (role terms honoured) and stay a member. It may not change any unit's level: levels move
 * only through executed slider moves, so an amend keeps each unit's declared level as it was, or
 * sets it to the unit's runtime level; a unit it adds starts at the founder-controlled level.
 * For every unit it removes or whose governance changes (`governanceFootprint`), the unit must be
 * at its founder-controlled level at runtime — else the change needs a proposal decided under the
 * unit's current policy (the ratchet) — and the actor must own it; unless an emergency power of the
 * charter in force lets the actor change that unit now, which is then logged as one use of it.
 * Units it adds must be owned by the actor. Charter keys are pins only: no amend registers or
 * changes anybody's key.
 */
export const charterAmend: ActionRecord<CharterPayload, CheckedAmend> = {
  // Declared like attestationRecord.ts and every action record, by design: one record per action kind holds
  // its rule.
  kind: 'charter.amend',
  summary: 'Replace the charter; governance of units above founder level needs a proposal instead.',
  payload: charterPayloadSchema,
  signer: 'member',
  authorize({ state, event, payload, at }) {
    const actor = event.action.actor;
    const before = state.organization;
    // The very charter in force changes nothing; checking it again (the costly part) is skipped.
    if (sameJson(state.charter, payload.charter)) {
      if (!ownsSomeUnit(before, actor, at)) {
        throw refuse('not-an-owner', `'${actor}' owns no unit, so cannot amend the charter`, { actor });
      }
      return undefined;
    }
    const { input, organization } = readCharter(payload.charter);
    if (organization.id !== state.id) {
      throw refuse(
        'wrong-organization',
        `the charter is for '${organization.id}', this log is '${state.id}'`,
      );
    }
    if (!organization.members.some((m) => m.id === actor)) {
      throw refuse('not-a-member', `the amended charter would remove '${actor}', who is amending it`, {
        actor,
      });
    }
    for (const unit of organization.units) {
      const previous = before.units.find((u) => u.id === unit.id);
      const runtime = state.levels[unit.id];
      const allowed = previous === undefined ? [0] : [previous.level, runtime ?? previous.level];
      if (!allowed.includes(unit.level)) {
        throw refuse(
          'level-change',
          `unit '${unit.id}' would be declared at level ${unit.level}: a charter amend cannot change a unit's level`,
          { unit: unit.id, level: unit.level, allowed: [...new Set(allowed)] },
          previous === undefined
            ? 'a new unit starts at its founder-controlled level; move it up with slider-move proposals'
            : 'levels change only through an executed slider-move proposal',
        );
      }
    }
    const powers: { power: string; unit: string }[] = [];
    for (const unit of before.units) {
      const after = organization.units.find((u) => u.id === unit.id);
      const changed = after === undefined || footprintOf(before, unit) !== footprintOf(organization, after);
      // A unit's name, description and declared `since` govern nothing, so its owners may reword
      // them at any level; but only its owners.
      const reworded =
        after !== undefined &&
        (after.name !== unit.name || after.description !== unit.description || after.since !== unit.since);
      if (!changed && !reworded) continue;
      const level = state.levels[unit.id] ?? unit.level;
      const power = changed && level > 0 ? emergencyPower(state, actor, unit.id, at, powers) : undefined;
      if (power !== undefined) {
        powers.push({ power, unit: unit.id });
        continue;
      }
      if (changed && level > 0) {
        const notch = unit.levels[level];
        throw refuse(
          'proposal-required',
          `unit '${unit.id}' is at level ${level} (${notch?.name ?? level}): changing how it is governed needs a proposal decided under its current policy`,
          { unit: unit.id, level, levelId: notch?.id ?? String(level) },
          'a charter change can only touch units at their founder-controlled level',
        );
      }
      if (!roleMembersAt({ organization: before, roles: unit.owners, at }).has(actor)) {
        throw refuse('not-an-owner', `'${actor}' does not own unit '${unit.id}'`, { unit: unit.id, actor });
      }
    }
    for (const unit of organization.units) {
      if (
        !before.units.some((u) => u.id === unit.id) &&
        !roleMembersAt({ organization, roles: unit.owners, at }).has(actor)
      ) {
        throw refuse('not-an-owner', `'${actor}' would not own the new unit '${unit.id}'`, {
          unit: unit.id,
          actor,
        });
      }
    }
    // A power holder acting under their power need own nothing else.
    if (powers.length === 0 && !ownsSomeUnit(before, actor, at)) {
      throw refuse('not-an-owner', `'${actor}' owns no unit, so cannot amend the charter`, { actor });
    }
    checkPins(state, organization);
    // A power cannot renew or widen itself, nor any other: the powers stay as they were.
    if (
      powers.length > 0 &&
      canonicalJson(before.emergencyPowers ?? []) !== canonicalJson(organization.emergencyPowers ?? [])
    ) {
      throw refuse(
        'proposal-required',
        'an amend made under an emergency power cannot change the emergency powers',
        { powers: powers.map((p) => p.power) },
        'change emergency powers by a proposal under the policy of each unit they reach',
      );
    }
    return { input, organization, powers };
  },
  apply({ state, event }, checked) {
    if (checked === undefined) return { ...state, seq: event.seq, head: event.hash };
    const { input, organization, powers } = checked;
    const uses = powers.map(({ power, unit }) => ({
      power,
      unit,
      actor: event.action.actor,
      kind: event.action.kind,
      seq: event.seq,
      at: event.recordedAt,
    }));
    const levels: Record<string, number> = {};
    const levelSince: Record<string, string> = {};
    for (const unit of organization.units) {
      levels[unit.id] = state.levels[unit.id] ?? 0;
      levelSince[unit.id] = state.levelSince[unit.id] ?? event.recordedAt;
    }
    return {
      ...state,
      seq: event.seq,
      head: event.hash,
      charter: input,
      organization,
      levels,
      levelSince,
      ...(uses.length === 0 ? {} : { emergencyUses: [...state.emergencyUses, ...uses] }),
    };
  },
};
