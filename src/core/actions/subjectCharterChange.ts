import type { JsonObject } from '../governance/lifecycle/Proposal.js';
import { policyForChange } from '../governance/lifecycle/policyForChange.js';
import type { RatchetChoice } from '../governance/lifecycle/policyForMove.js';
import type { Organization, Policy, Unit } from '../model/Organization.js';
import type { OrgState } from '../state/OrgState.js';
import { footprintOf } from './charterAmend.js';
import type { ProposalSubjectKind } from './ProposalSubjectKind.js';
import { runtimeLevel } from './proposalRuntime.js';
import { checkProposedCharter, replaceCharter, requireDecidedHighEnough } from './replaceCharter.js';

const policyText = (policy: Policy | undefined) =>
  JSON.stringify(policy, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

/**
 * The policy a change of `before` into `after` is decided under: for each level whose policy
 * changes, `policyForChange` (a loosening of a level above the current one needs that level's
 * policy; a tightening the current one); any other change the current level's; the highest wins.
 */
export function changeChoice(
  state: OrgState,
  before: Unit,
  after: Unit,
  organization: Organization,
): RatchetChoice {
  const current = runtimeLevel(state, before);
  const roles = new Map(state.organization.roles.map((role) => [role.id, role]));
  let choice: RatchetChoice | undefined;
  for (const level of before.levels) {
    const next = after.levels.find((l) => l.index === level.index);
    if (policyText(level.policy) === policyText(next?.policy)) continue;
    const candidate = policyForChange({
      unit: before,
      current,
      level: level.index,
      before: level.policy,
      ...(next === undefined ? {} : { after: next.policy }),
      roles,
    });
    const higher =
      choice === undefined ||
      candidate.level > choice.level ||
      (candidate.level === choice.level && candidate.direction === 'loosen');
    if (higher) choice = candidate;
  }
  if (choice !== undefined) return choice;
  // No level's policy changed: owners, bindings or criteria did, which no rule ranks — the
  // current level decides, as for any change it cannot tell is a tightening.
  const unranked = footprintOf(state.organization, before) !== footprintOf(organization, after);
  return unranked
    ? policyForChange({ unit: before, current, roles })
    : { policy: before.levels[current]!.policy, level: current, direction: 'tighten' };
}

/**
 * A charter change: the whole new charter, changing how one unit is governed, decided under the
 * unit's current policy — or, for a loosening of a level above it, that level's (the ratchet).
 * Executing it replaces the charter, checked again against the state then; the charter.amend
 * ratchet does not apply, since the change was decided under policy.
 */
export const subjectCharterChange: ProposalSubjectKind<{ readonly charter: JsonObject }> = {
  kind: 'charter-change',
  key: 'charter',
  open({ state, unit, subject }) {
    const { organization } = checkProposedCharter(state, unit.id, subject.charter);
    const after = organization.units.find((u) => u.id === unit.id)!;
    const choice = changeChoice(state, unit, after, organization);
    return {
      policy: choice.policy,
      level: choice.level,
      subject: { charter: subject.charter, direction: choice.direction },
    };
  },
  execute({ state, event, proposal }) {
    const replacement = checkProposedCharter(state, proposal.unit, proposal.subject['charter']);
    const unit = state.organization.units.find((u) => u.id === proposal.unit)!;
    const after = replacement.organization.units.find((u) => u.id === proposal.unit)!;
    requireDecidedHighEnough(proposal, changeChoice(state, unit, after, replacement.organization).level);
    return replaceCharter(state, event, replacement);
  },
};
