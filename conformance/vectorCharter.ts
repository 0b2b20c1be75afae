import { ed25519Key, ethereumKey, type VectorKey } from './logBuilder.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const ORG = 'conf-coop';

/**
 * The members of the vectors' organization and their keys. ivy holds an Ethereum account, pinned
 * in lower case; fay's key is not pinned (the first key she registers is hers); the others' are.
 */
export const KEYS: Readonly<Record<string, VectorKey>> = {
  ada: ed25519Key('ada'),
  ben: ed25519Key('ben'),
  cyd: ed25519Key('cyd'),
  dan: ed25519Key('dan'),
  eve: ed25519Key('eve'),
  fay: ed25519Key('fay'),
  ivy: ethereumKey('ivy'),
};

/** Keys no member of the charter holds: a rotation's next key, an outsider's. */
export const SPARE = {
  ada2: ed25519Key('ada-2'),
  ben2: ed25519Key('ben-2'),
  mallory: ed25519Key('mallory'),
  ivy2: ethereumKey('ivy-2'),
};

export const MEMBERS = ['ada', 'ben', 'cyd', 'dan', 'eve', 'fay', 'ivy'] as const;

export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The charter of the vectors: five units on the default ladder, one for each way of deciding —
 * handbook (founder: an owner decides alone), treasury (transparent: the team votes by majority),
 * grants (delegated: the council votes after consultation; the team may veto), brand (founder,
 * by consent) and blog (founder, by the advice process).
 */
export function vectorCharter(): JsonObject {
  return {
    devolve: 1,
    organization: { id: ORG, name: 'Conformance Cooperative', kind: 'company' },
    members: MEMBERS.map((id) => ({
      id,
      name: id.toUpperCase(),
      ...(id === 'fay' ? {} : { key: id === 'ivy' ? KEYS[id]!.identity.toLowerCase() : KEYS[id]!.identity }),
    })),
    roles: [
      { id: 'founders', name: 'Founders', scope: 'team', members: ['ada', 'ben'] },
      { id: 'team', name: 'Team', scope: 'team', members: ['ada', 'ben', 'cyd', 'ivy'] },
      { id: 'council', name: 'Council', scope: 'council', members: ['dan', 'eve'] },
      { id: 'everyone', name: 'Everyone', scope: 'community', members: [...MEMBERS] },
    ],
    defaults: {
      roles: { team: ['team'], council: ['council'], community: ['everyone'], guardian: ['council'] },
    },
    units: [
      unit('handbook', 'governance', 'founder'),
      unit('treasury', 'capital', 'transparent'),
      { ...unit('grants', 'capital', 'delegated'), owners: ['team'] },
      {
        ...unit('brand', 'community', 'founder'),
        policies: { founder: { method: 'consent', period: 'P2D' } },
      },
      {
        ...unit('blog', 'community', 'founder'),
        policies: { founder: { method: 'advice', consultation: { period: 'P2D', with: ['members'] } } },
      },
    ],
  };
}

function unit(id: string, dimension: string, level: string): JsonObject {
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    dimension,
    description: `The ${id}.`,
    owners: ['founders'],
    level,
  };
}

export function unitIn(charter: JsonObject, id: string): JsonObject {
  const found = (charter['units'] as JsonObject[]).find((u) => u['id'] === id);
  if (found === undefined) throw new Error(`no unit ${id}`);
  return found;
}
