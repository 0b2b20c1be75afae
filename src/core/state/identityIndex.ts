import { sameIdentity } from '../log/sameIdentity.js';
import type { Member, Organization } from '../model/Organization.js';

/**
 * Look-ups by member id and by public identity, so that registering thousands of keys, or
 * checking the actor of every event, costs constant time per event instead of a scan of every
 * member. Indexes are built once per charter (`Organization`) or key table and kept beside it;
 * both are immutable, so an index never goes stale.
 */

/** One spelling per identity: an Ethereum address is one account in any letter case (`sameIdentity`). */
export function identityKey(identity: string): string {
  return identity.startsWith('0x') ? identity.toLowerCase() : identity;
}

interface MemberIndex {
  readonly byId: ReadonlyMap<string, Member>;
  /** Identity → the members the charter pins it for, in charter order. */
  readonly byPin: ReadonlyMap<string, readonly Member[]>;
}

const memberIndexes = new WeakMap<Organization, MemberIndex>();

function memberIndexOf(organization: Organization): MemberIndex {
  let index = memberIndexes.get(organization);
  if (index === undefined) {
    const byId = new Map<string, Member>();
    const byPin = new Map<string, Member[]>();
    for (const member of organization.members) {
      if (!byId.has(member.id)) byId.set(member.id, member);
      if (member.key === undefined) continue;
      const key = identityKey(member.key);
      byPin.set(key, [...(byPin.get(key) ?? []), member]);
    }
    index = { byId, byPin };
    memberIndexes.set(organization, index);
  }
  return index;
}

/** The member of the charter with id `id`, if any (the first, as `members.find` would). */
export function memberOf(organization: Organization, id: string): Member | undefined {
  return memberIndexOf(organization).byId.get(id);
}

/** The first member of the charter other than `member` whose pinned key is `identity`. */
export function pinnedForOther(
  organization: Organization,
  identity: string,
  member: string,
): Member | undefined {
  const pinned = memberIndexOf(organization).byPin.get(identityKey(identity)) ?? [];
  return pinned.find((m) => m.id !== member && m.key !== undefined && sameIdentity(m.key, identity));
}

type KeyTable = Readonly<Record<string, string>>;

/**
 * Identity → members who may hold it in a key table. One index is shared by a table and the
 * tables made from it by adding a key (`withKey`), so it may name members who hold the identity
 * only in a later or sibling table: every answer is checked against the table asked about.
 */
const keyIndexes = new WeakMap<KeyTable, Map<string, Set<string>>>();

function keyIndexOf(keys: KeyTable): Map<string, Set<string>> {
  let index = keyIndexes.get(keys);
  if (index === undefined) {
    index = new Map();
    for (const [member, identity] of Object.entries(keys)) addHolder(index, member, identity);
    keyIndexes.set(keys, index);
  }
  return index;
}

function addHolder(index: Map<string, Set<string>>, member: string, identity: string): void {
  const key = identityKey(identity);
  const holders = index.get(key);
  if (holders === undefined) index.set(key, new Set([member]));
  else holders.add(member);
}

/** The member other than `member` whose registered key in `keys` is `identity`, if any. */
export function keyHolder(keys: KeyTable, identity: string, member: string): string | undefined {
  for (const holder of keyIndexOf(keys).get(identityKey(identity)) ?? []) {
    const registered = keys[holder];
    if (holder !== member && registered !== undefined && sameIdentity(registered, identity)) return holder;
  }
  return undefined;
}

/** `keys` with `member`'s key set to `identity`; the new table shares `keys`'s index. */
export function withKey(keys: KeyTable, member: string, identity: string): KeyTable {
  const next = { ...keys, [member]: identity };
  const index = keyIndexOf(keys);
  addHolder(index, member, identity);
  keyIndexes.set(next, index);
  return next;
}
