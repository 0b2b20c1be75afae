import type { OrgState } from '../core/state/OrgState.js';

/** An organization as `GET /api/orgs/{org}` shows it: who it is and where its log stands. */
export interface OrganizationView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description?: string;
  readonly website?: string;
  readonly seq: number;
  readonly head: string;
  readonly members: readonly { readonly id: string; readonly name: string; readonly key?: string }[];
  readonly roles: readonly {
    readonly id: string;
    readonly name: string;
    readonly scope: string;
    readonly open: boolean;
    readonly members: readonly string[];
  }[];
  readonly dimensions: readonly {
    readonly id: string;
    readonly name: string;
    readonly units: readonly string[];
  }[];
}

/**
 * The summary of an organization's projected state, in plain JSON (no bigints): members with
 * their registered keys, roles, and the units in each dimension.
 *
 * @example
 * organizationView({ state }).members // [{ id: 'mara', name: 'Mara Okafor', key: 'ed25519:…' }, …]
 */
export function organizationView(args: { state: OrgState }): OrganizationView {
  const { state } = args;
  const { organization } = state;
  // Built like unitView.ts's view, by design: each view copies the fields it shows and leaves absent ones
  // out.
  return {
    id: organization.id,
    name: organization.name,
    kind: organization.kind,
    ...(organization.description === undefined ? {} : { description: organization.description }),
    ...(organization.website === undefined ? {} : { website: organization.website }),
    seq: state.seq,
    head: state.head,
    members: organization.members.map((member) => {
      const key = state.keys[member.id];
      return { id: member.id, name: member.name, ...(key === undefined ? {} : { key }) };
    }),
    roles: organization.roles.map((role) => ({
      id: role.id,
      name: role.name,
      scope: role.scope,
      open: role.open,
      members: role.members.map((m) => m.member),
    })),
    dimensions: organization.dimensions.map((dimension) => ({
      id: dimension.id,
      name: dimension.name,
      units: organization.units.filter((unit) => unit.dimension === dimension.id).map((unit) => unit.id),
    })),
  };
}
