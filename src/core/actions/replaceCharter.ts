import type { CharterInput } from '../charter/charterSchema.js';
import type { Proposal } from '../governance/lifecycle/Proposal.js';
import type { LogEvent } from '../log/LogEvent.js';
import type { Organization } from '../model/Organization.js';
import type { OrgState } from '../state/OrgState.js';
import { checkPins, footprintOf } from './charterAmend.js';
import { readCharter } from './charterPayload.js';
import { refuse } from './refuse.js';

/**
 * Checks a charter that a proposal on `unit` would put in force, against the state now: valid,
 * for this organization, declaring every unit at its declared or runtime level (levels move only
 * by slider moves), keeping every other unit and how it is governed (one proposal changes one
 * unit, decided under that unit's policy), and pinning no one else's registered key.
 */
export function checkProposedCharter(
  state: OrgState,
  unit: string,
  charter: unknown,
): { input: CharterInput; organization: Organization } {
  const { input, organization } = readCharter(charter);
  if (organization.id !== state.id)
    throw refuse('wrong-organization', `the charter is for '${organization.id}', this log is '${state.id}'`);
  const before = state.organization;
  if (!organization.units.some((u) => u.id === unit))
    throw refuse('unit-removed', `the charter would remove unit '${unit}', which the proposal is about`, {
      unit,
    });
  for (const after of organization.units) {
    const previous = before.units.find((u) => u.id === after.id);
    if (previous === undefined)
      throw refuse(
        'other-unit-changed',
        `the charter would add unit '${after.id}'; a proposal on '${unit}' changes only '${unit}'`,
        {
          unit: after.id,
        },
      );
    const allowed = [previous.level, state.levels[after.id] ?? previous.level];
    if (!allowed.includes(after.level))
      throw refuse(
        'level-change',
        `unit '${after.id}' would be declared at level ${after.level}: a charter change cannot change a unit's level`,
        {
          unit: after.id,
          level: after.level,
          allowed: [...new Set(allowed)],
        },
        'levels change only through an executed slider-move proposal',
      );
    if (after.id !== unit && footprintOf(before, previous) !== footprintOf(organization, after))
      throw refuse(
        'other-unit-changed',
        `the charter would change how unit '${after.id}' is governed; a proposal on '${unit}' changes only '${unit}'`,
        {
          unit: after.id,
        },
      );
  }
  for (const previous of before.units)
    if (!organization.units.some((u) => u.id === previous.id))
      throw refuse('other-unit-changed', `the charter would remove unit '${previous.id}'`, {
        unit: previous.id,
      });
  checkPins(state, organization);
  return { input, organization };
}

/** The state with `input` as its charter: runtime levels and their dates kept as they are. */
export function replaceCharter(
  state: OrgState,
  event: LogEvent,
  replacement: { input: CharterInput; organization: Organization },
): OrgState {
  return {
    ...state,
    seq: event.seq,
    head: event.hash,
    charter: replacement.input,
    organization: replacement.organization,
  };
}

/**
 * Refuses to execute a change decided under a lower level than the one it needs now: the unit moved
 * up since the proposal opened, so the change must be proposed again under the policy in force.
 */
export function requireDecidedHighEnough(proposal: Proposal, needed: number): void {
  const decided = proposal.subject['level'] as number;
  if (needed > decided)
    throw refuse(
      'stale-change',
      `proposal '${proposal.id}' was decided under level ${decided}; the change now needs level ${needed}'s policy`,
      { proposal: proposal.id, decided, needed },
      'propose it again: it will be decided under the policy in force now',
    );
}
