import type { Role, RoleMembership, Weight } from '../model/Organization.js';
import type { Path } from '../schema/Schema.js';
import type { CharterInput, PolicyInput } from './charterSchema.js';
import type { ResolveContext } from './ResolveContext.js';
import { instantAt, ratioAt } from './readMeasures.js';

/** Electorates every policy may name without declaring them; no role may take their ids. */
export const RESERVED_PARTIES: readonly string[] = ['members', 'anyone'];

/** A weight as written in a policy or a role, in the model's terms; undefined when none is written. */
export function toWeight(input: PolicyInput['weight']): Weight | undefined {
  if (input === undefined) return undefined;
  if (input === 'equal') return { kind: 'equal' };
  if ('token' in input) return { kind: 'token', token: input.token };
  return { kind: 'reputation', name: input.reputation };
}

/**
 * Resolves the declared roles: every member they list must be declared (each lookup is a set
 * lookup, so a role of ten thousand members costs ten thousand steps), terms must not end before
 * they start, and a token weight must name a declared token. Registers each role in the context
 * under its first declaration; duplicates are reported.
 *
 * @example
 * const roles = resolveRoles({ context }); // context.memberIds and context.tokenSymbols filled first
 */
export function resolveRoles(args: { context: ResolveContext }): Role[] {
  const { context } = args;
  const roles = context.input.roles.map((role, index) =>
    resolveRole({ context, role, path: ['roles', index] }),
  );
  context.unique({ ids: roles.map((r) => r.id), listPath: ['roles'], field: 'id', noun: 'role' });
  for (const role of roles) if (!context.roles.has(role.id)) context.roles.set(role.id, role);
  return roles;
}

function resolveRole(args: {
  context: ResolveContext;
  role: CharterInput['roles'][number];
  path: Path;
}): Role {
  const { context, role, path } = args;
  if (RESERVED_PARTIES.includes(role.id)) {
    context.error({
      path: [...path, 'id'],
      code: 'charter/reserved-id',
      message: `'${role.id}' is a built-in electorate, not a role id`,
      hint: `choose another id; '${role.id}' can be used in policies as it is`,
    });
  }
  const members = (role.members ?? []).map((entry, memberIndex) =>
    resolveMembership({ context, entry, path: [...path, 'members', memberIndex] }),
  );
  const weight = toWeight(role.weight) ?? { kind: 'equal' as const };
  if (weight.kind === 'token')
    context.declaresField({ path: [...path, 'weight'], noun: 'token', name: weight.token });
  const threshold =
    role.threshold === undefined
      ? undefined
      : ratioAt({ context, value: role.threshold, path: [...path, 'threshold'] });
  return {
    id: role.id,
    name: role.name,
    ...(role.description === undefined ? {} : { description: role.description }),
    scope: role.scope ?? 'team',
    members,
    open: role.open ?? false,
    weight,
    ...(threshold === undefined ? {} : { threshold }),
  };
}

type MembershipInput = NonNullable<CharterInput['roles'][number]['members']>[number];

function resolveMembership(args: {
  context: ResolveContext;
  entry: MembershipInput;
  path: Path;
}): RoleMembership {
  const { context, entry, path } = args;
  const membership = typeof entry === 'string' ? { member: entry } : entry;
  const idPath = typeof entry === 'string' ? path : [...path, 'member'];
  context.declares({ declared: context.memberIds, path: idPath, noun: 'member', name: membership.member });
  // Optional fields read like resolveCriterion.ts's, by design: each read names its own field, parser and
  // path.
  const from =
    membership.from === undefined
      ? undefined
      : instantAt({ context, text: membership.from, path: [...path, 'from'] });
  const until =
    membership.until === undefined
      ? undefined
      : instantAt({ context, text: membership.until, path: [...path, 'until'] });
  if (from !== undefined && until !== undefined && until <= from) {
    context.error({
      path: [...path, 'until'],
      code: 'charter/empty-term',
      message: 'the term ends before it starts',
      hint: "'until' must be later than 'from'",
    });
  }
  return {
    member: membership.member,
    ...(from === undefined ? {} : { from }),
    ...(until === undefined ? {} : { until }),
  };
}
