import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCharter } from '../../src/core/charter/loadCharter.js';
import type { SignedAction } from '../../src/core/log/Action.js';
import { generateEd25519 } from '../../src/identity/ed25519.js';
import { publicIdentityOf, signAction } from '../../src/identity/signAction.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DAO_TEMPLATE = fileURLToPath(new URL('../../templates/dao.yaml', import.meta.url));

/** The founders of the dao template: they own `brand`, the one unit at founder level. */
export type Founder = 'mara' | 'jonas';

export type Ed25519Key = { readonly type: 'ed25519'; readonly secret: string };

export interface DaoFixture {
  readonly org: string;
  /** The charter as signed: templates/dao.yaml with its id set and keys for mara and jonas. */
  readonly charter: JsonObject;
  readonly keys: Readonly<Record<Founder, Ed25519Key>>;
  /** mara's `org.create` of the organization. */
  create(args?: { now?: Date }): SignedAction;
  /**
   * A `charter.amend` that only rewords the brand unit's description — cosmetic, and brand is at
   * founder level, so a founder may always make it. Every call yields a distinct action.
   */
  amendBrand(args: { head: string; description: string; actor?: Founder; now?: Date }): SignedAction;
  /** `key.register` by a founder, signed with the key the charter pins for them. */
  register(args: { head: string; actor: Founder; now?: Date }): SignedAction;
  /** A `charter.amend` that changes the charter with `edit` (on a copy). */
  amend(args: {
    head: string;
    edit: (charter: JsonObject) => void;
    actor?: Founder;
    now?: Date;
  }): SignedAction;
}

let template: JsonObject | undefined;

function daoTemplate(): JsonObject {
  if (template === undefined) {
    const load = loadCharter({ text: readFileSync(DAO_TEMPLATE, 'utf8'), file: 'dao.yaml' });
    if (!load.ok) throw new Error('templates/dao.yaml does not load');
    template = JSON.parse(JSON.stringify(load.input)) as JsonObject;
  }
  return template;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function unitOf(charter: JsonObject, id: string): JsonObject {
  const unit = (charter['units'] as JsonObject[]).find((u) => u['id'] === id);
  if (unit === undefined) throw new Error(`no unit ${id}`);
  return unit;
}

/**
 * A realistic organization for log, store and API tests: the dao template (Lumen Protocol) under
 * its own id, with fresh Ed25519 keys for the founders pinned in the charter. mara registers hers
 * by creating the organization; jonas must `register` his before he acts. Tests that share one
 * store use distinct ids.
 *
 * @example
 * const dao = daoFixture({ org: 'lumen-a' });
 * const { event } = await store.createOrganization({ signed: dao.create(), now: new Date() });
 * await store.append({ signed: dao.amendBrand({ head: event.hash, description: 'v2' }), now: new Date() });
 */
export function daoFixture(args: { org: string; keys?: Readonly<Record<Founder, Ed25519Key>> }): DaoFixture {
  const keys: Readonly<Record<Founder, Ed25519Key>> = args.keys ?? {
    mara: { type: 'ed25519', secret: generateEd25519().secret },
    jonas: { type: 'ed25519', secret: generateEd25519().secret },
  };
  const charter = copy(daoTemplate());
  (charter['organization'] as JsonObject)['id'] = args.org;
  for (const member of charter['members'] as JsonObject[]) {
    const key = keys[member['id'] as Founder];
    if (key !== undefined) member['key'] = publicIdentityOf(key);
  }
  const amend: DaoFixture['amend'] = ({ head, edit, actor = 'mara', now = new Date() }) => {
    const next = copy(charter);
    edit(next);
    return signAction({
      key: keys[actor],
      org: args.org,
      kind: 'charter.amend',
      actor,
      payload: { charter: next },
      head,
      now,
    });
  };
  return {
    org: args.org,
    charter,
    keys,
    create: ({ now = new Date() } = {}) =>
      signAction({
        key: keys.mara,
        org: args.org,
        kind: 'org.create',
        actor: 'mara',
        payload: { charter },
        head: null,
        now,
      }),
    register: ({ head, actor, now = new Date() }) =>
      signAction({ key: keys[actor], org: args.org, kind: 'key.register', actor, payload: {}, head, now }),
    amendBrand: ({ head, description, actor, now }) =>
      amend({
        head,
        edit: (c) => {
          unitOf(c, 'brand')['description'] = description;
        },
        ...(actor === undefined ? {} : { actor }),
        ...(now === undefined ? {} : { now }),
      }),
    amend,
  };
}
