import type { Organization, Party } from '../../model/Organization.js';

/** The stable label of a party: `role:<id>`, `members` or `anyone`. */
export function partyLabel(party: Party): string {
  return party.kind === 'role' ? `role:${party.role}` : party.kind;
}

/**
 * The members a party names at instant `at` (epoch ms), sorted. A role's member counts while their
 * term holds: from `from` inclusive until `until` exclusive, so a term ending at noon no longer
 * counts at noon. `members` and `anyone` are every member of the organization (someone outside
 * the charter who signs has no member id, so cannot be listed here; token electorates add holders).
 *
 * @example
 * partyMembers({ organization, party: { kind: 'role', role: 'council' }, at: Date.UTC(2026, 0, 1) })
 */
export function partyMembers(args: { organization: Organization; party: Party; at: number }): string[] {
  const { organization, party, at } = args;
  if (party.kind !== 'role') return organization.members.map((member) => member.id).sort();
  const role = organization.roles.find((candidate) => candidate.id === party.role);
  if (role === undefined) return [];
  const members = new Set<string>();
  for (const term of role.members)
    if ((term.from === undefined || term.from <= at) && (term.until === undefined || at < term.until))
      members.add(term.member);
  return [...members].sort();
}
