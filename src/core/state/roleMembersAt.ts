import type { Organization, Role } from '../model/Organization.js';

/** Whether a role membership's term covers the instant `at` (epoch ms): `from` inclusive, `until` exclusive. */
function inTerm(membership: Role['members'][number], at: number): boolean {
  return (
    (membership.from === undefined || membership.from <= at) &&
    (membership.until === undefined || at < membership.until)
  );
}

/**
 * The members who hold any of `roles` at the instant `at` (epoch ms): a term that ended in 2020 or
 * starts in 2099 gives no rights in 2026.
 *
 * @example
 * roleMembersAt({ organization, roles: unit.owners, at: Date.parse(event.recordedAt) }).has('mara')
 */
export function roleMembersAt(args: {
  organization: Organization;
  roles: readonly string[];
  at: number;
}): Set<string> {
  const members = new Set<string>();
  for (const role of args.organization.roles) {
    if (!args.roles.includes(role.id)) continue;
    for (const membership of role.members) if (inTerm(membership, args.at)) members.add(membership.member);
  }
  return members;
}
