import { canonicalJson } from '../log/canonicalJson.js';
import type { Criterion, Organization, Party, Unit, Weight } from '../model/Organization.js';

function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

function rolesOf(parties: readonly Party[]): string[] {
  return parties.flatMap((party) => (party.kind === 'role' ? [party.role] : []));
}

/** Roles a criterion names (`role:` criteria, at any depth). */
function criterionRoles(criterion: Criterion | undefined, into: Set<string>): void {
  if (criterion === undefined) return;
  if (criterion.kind === 'all' || criterion.kind === 'any')
    for (const c of criterion.of) criterionRoles(c, into);
  else if (criterion.kind === 'not') criterionRoles(criterion.of, into);
  else if (criterion.kind === 'role') into.add(criterion.role);
}

function tokenOf(weight: Weight): string | undefined {
  return weight.kind === 'token' ? weight.token : undefined;
}

/**
 * Everything that governs a unit, as one canonical string: the unit itself (its ladder, levels and
 * their policies, slot bindings, target level, dependencies, readiness criteria and requirements,
 * commitments); every role its owners, policies or criteria name, with that role's members,
 * terms, weight and threshold; every token those roles or policies weigh votes by, with its
 * address, chain and decimals; when a policy lets every member decide or veto, the member list; and
 * the emergency powers that reach the unit, with their holders.
 * If two charters give a unit the same footprint, nothing about how it is governed changed.
 *
 * Left out: cosmetic fields (name, description, `since`); the declared level, which an amend may
 * not change at all (`charter.amend` checks it apart); and member keys, which are never the
 * charter's to give.
 *
 * @example
 * governanceFootprint({ organization: before, unit }) === governanceFootprint({ organization: after, unit: afterUnit })
 */
export function governanceFootprint(args: { organization: Organization; unit: Unit }): string {
  const { organization, unit } = args;
  const roleIds = new Set<string>(unit.owners);
  const tokenSymbols = new Set<string>();
  let everyMember = false;
  for (const level of unit.levels) {
    const { policy } = level;
    const parties = [
      ...policy.propose,
      ...policy.deciders,
      ...(policy.consultation?.with ?? []),
      ...(policy.veto?.by ?? []),
    ];
    for (const role of rolesOf(parties)) roleIds.add(role);
    // Every member deciding or vetoing makes the member list the electorate; members merely
    // proposing or consulted do not, or every hire would need a proposal for every unit.
    const electorate = [...policy.deciders, ...(policy.veto?.by ?? [])];
    if (electorate.some((party) => party.kind === 'members')) everyMember = true;
    const token = tokenOf(policy.weight);
    if (token !== undefined) tokenSymbols.add(token);
    criterionRoles(level.readiness, roleIds);
    criterionRoles(level.requirements, roleIds);
  }
  for (const commitment of unit.commitments) criterionRoles(commitment.when, roleIds);
  const powers = (organization.emergencyPowers ?? []).filter((power) => power.units.includes(unit.id));
  for (const power of powers) for (const role of rolesOf(power.who)) roleIds.add(role);
  const roles = organization.roles
    .filter((role) => roleIds.has(role.id))
    .map(({ name: _name, description: _description, ...rest }) => rest);
  for (const role of roles) {
    const token = tokenOf(role.weight);
    if (token !== undefined) tokenSymbols.add(token);
  }
  const tokens = organization.tokens
    .filter((token) => tokenSymbols.has(token.symbol))
    .map(({ name: _name, ...rest }) => rest);
  const members = everyMember ? organization.members.map((m) => m.id) : [];
  const { name: _name, description: _description, level: _level, since: _since, ...governed } = unit;
  const levels = governed.levels.map(({ name: _n, summary: _s, ...level }) => level);
  return canonicalJson(jsonSafe({ unit: { ...governed, levels }, roles, tokens, members, powers }));
}
