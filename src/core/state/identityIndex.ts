import { sameIdentity } from '../log/sameIdentity.js';
import type { Member, Organization } from '../model/Organization.js';
import type { OrgState } from './OrgState.js';

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
 * Identity → members who may hold it in a key table. One index is shared by a table and every
 * table made from it by registrations (`withRegisteredKey`), so it may name members who hold the
 * identity only in a later or sibling table: every answer is checked against the state asked about.
 */
type HolderIndex = Map<string, Set<string>>;

const keyIndexes = new WeakMap<KeyTable, HolderIndex>();

function keyIndexOf(keys: KeyTable): HolderIndex {
  let index = keyIndexes.get(keys);
  if (index === undefined) {
    index = new Map();
    for (const [member, identity] of Object.entries(keys)) addHolder(index, member, identity);
    keyIndexes.set(keys, index);
  }
  return index;
}

function addHolder(index: HolderIndex, member: string, identity: string): void {
  const key = identityKey(identity);
  const holders = index.get(key);
  if (holders === undefined) index.set(key, new Set([member]));
  else holders.add(member);
}

/** One registration: `member`'s key became `identity`. */
interface Registration {
  readonly member: string;
  readonly identity: string;
}

/**
 * The key table of a state that registrations made: `base` with the first `length` registrations
 * of `shared` set on it in order. Successive states share `shared`, as proposals share their
 * ballots (`ballotLog`): a registration on the latest state appends to it in place, one on an
 * earlier state copies its prefix first, so no state ever sees a key registered after it, and a
 * run of n registrations costs O(n) instead of copying a table of n keys n times.
 */
interface KeyLog {
  readonly base: KeyTable;
  readonly shared: readonly Registration[];
  readonly length: number;
  readonly index: HolderIndex;
}

/** Arrays this module created and may therefore append to. */
const appendable = new WeakSet<readonly Registration[]>();
/** Per shared array: member → the positions of their registrations in it, ascending. */
const positions = new WeakMap<readonly Registration[], Map<string, number[]>>();
/** The key log behind a state whose `keys` this module defined. */
const keyLogs = new WeakMap<object, KeyLog>();
/** Tables already made from a state's key log, on the first read of its `keys`. */
const materialized = new WeakMap<object, KeyTable>();

/**
 * One accessor shared by every state this module makes, so they keep one shape: `keys` reads as
 * an ordinary table, made from the log on first read and then kept. Reading it costs O(n) once;
 * registrations in a row never read it (`registeredKey` and `keyHolder` read the log itself).
 */
const KEYS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object): KeyTable {
    let keys = materialized.get(this);
    if (keys === undefined) {
      const log = keyLogs.get(this)!;
      const table: Record<string, string> = { ...log.base };
      for (let i = 0; i < log.length; i++) {
        const { member, identity } = log.shared[i]!;
        table[member] = identity;
      }
      keyIndexes.set(table, log.index);
      materialized.set(this, table);
      keys = table;
    }
    return keys;
  },
};

/**
 * The identity `member` registered as of `state`, if any: `state.keys[member]`, without making
 * the table. Own entries only: a member with the id `constructor` has no key until they register one.
 */
export function registeredKey(state: OrgState, member: string): string | undefined {
  const log = keyLogs.get(state);
  if (log === undefined || materialized.has(state)) return ownKey(state.keys, member);
  const at = positions.get(log.shared)?.get(member);
  if (at !== undefined) {
    for (let i = at.length - 1; i >= 0; i--) if (at[i]! < log.length) return log.shared[at[i]!]!.identity;
  }
  return ownKey(log.base, member);
}

function ownKey(keys: KeyTable, member: string): string | undefined {
  return Object.hasOwn(keys, member) ? keys[member] : undefined;
}

/** The member other than `member` whose registered key in `state` is `identity`, if any. */
export function keyHolder(state: OrgState, identity: string, member: string): string | undefined {
  const log = keyLogs.get(state);
  const index = log === undefined ? keyIndexOf(state.keys) : log.index;
  for (const holder of index.get(identityKey(identity)) ?? []) {
    const registered = registeredKey(state, holder);
    if (holder !== member && registered !== undefined && sameIdentity(registered, identity)) return holder;
  }
  return undefined;
}

/**
 * `{ ...state, ...changes, keys: { ...state.keys, [member]: identity } }`, with the fields in
 * the same order, without copying the key table: the new state's `keys` reads from a key log
 * that `state`'s successors share (`KeyLog`). `state` itself is unchanged.
 */
export function withRegisteredKey(
  state: OrgState,
  member: string,
  identity: string,
  changes: Partial<OrgState>,
): OrgState {
  const log = keyLogs.get(state) ?? {
    base: state.keys,
    shared: [],
    length: 0,
    index: keyIndexOf(state.keys),
  };
  addHolder(log.index, member, identity);
  const out: Record<string, unknown> = {};
  const fields = state as unknown as Record<string, unknown>;
  const replaced = changes as Record<string, unknown>;
  for (const key of Object.keys(state)) {
    if (key === 'keys') Object.defineProperty(out, 'keys', KEYS);
    else out[key] = Object.hasOwn(replaced, key) ? replaced[key] : fields[key];
  }
  for (const key of Object.keys(replaced)) if (!Object.hasOwn(out, key)) out[key] = replaced[key];
  keyLogs.set(out, appendRegistration(log, { member, identity }));
  return out as unknown as OrgState;
}

function appendRegistration(log: KeyLog, registration: Registration): KeyLog {
  let shared = log.shared as Registration[];
  let at = positions.get(shared);
  if (!appendable.has(shared) || shared.length !== log.length || at === undefined) {
    shared = shared.slice(0, log.length);
    at = new Map();
    for (let i = 0; i < shared.length; i++) addPosition(at, shared[i]!.member, i);
    appendable.add(shared);
    positions.set(shared, at);
  }
  addPosition(at, registration.member, shared.length);
  shared.push(registration);
  return { base: log.base, shared, length: log.length + 1, index: log.index };
}

function addPosition(at: Map<string, number[]>, member: string, position: number): void {
  const list = at.get(member);
  if (list === undefined) at.set(member, [position]);
  else list.push(position);
}
