import { canonicalJson } from '../log/canonicalJson.js';
import type { Organization, Party, Unit } from '../model/Organization.js';

function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

function rolesOf(parties: readonly Party[]): string[] {
  return parties.flatMap((party) => (party.kind === 'role' ? [party.role] : []));
}

/**
 * Everything that governs a unit, as one canonical string: the unit itself (its ladder, levels and
 * their policies, slot bindings, current and target level, dependencies, readiness criteria,
 * commitments) and every role its policies name, with that role's members, terms, weight and
 * threshold. If two charters give a unit the same footprint, nothing about how it is governed
 * changed. Cosmetic fields (name, description) are left out; so are member keys, which only their
 * owners may rotate.
 *
 * @example
 * governanceFootprint({ organization: before, unit }) === governanceFootprint({ organization: after, unit: afterUnit })
 */
export function governanceFootprint(args: { organization: Organization; unit: Unit }): string {
  const { organization, unit } = args;
  const roleIds = new Set<string>(unit.owners);
  for (const level of unit.levels) {
    const { policy } = level;
    for (const role of [
      ...rolesOf(policy.propose),
      ...rolesOf(policy.deciders),
      ...rolesOf(policy.consultation?.with ?? []),
      ...rolesOf(policy.veto?.by ?? []),
    ]) {
      roleIds.add(role);
    }
  }
  const roles = organization.roles
    .filter((role) => roleIds.has(role.id))
    .map(({ name: _name, description: _description, ...rest }) => rest);
  const { name: _name, description: _description, ...governed } = unit;
  const levels = governed.levels.map(({ name: _n, summary: _s, ...level }) => level);
  return canonicalJson(jsonSafe({ unit: { ...governed, levels }, roles }));
}
