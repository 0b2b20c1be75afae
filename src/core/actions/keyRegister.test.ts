import { describe, expect, it } from 'vitest';
import { ReplayedLog } from '../../../test/support/replayLog.js';
import {
  copy,
  daoCharter,
  ed25519Key,
  type JsonObject,
  LogBuilder,
} from '../../../test/support/signedLog.js';
import { publicIdentityOf } from '../../identity/signAction.js';
import { REGISTER_HINT } from '../state/applyEvent.js';

const ORG = 'lumen-keys';

/**
 * The dao template, mara creating it with jonas's key pinned and nobody else's, and one more member,
 * zoe, in no role (so removing her changes no unit's governance).
 */
function lumen() {
  const keys = { mara: ed25519Key(), jonas: ed25519Key() };
  const charter = daoCharter({ org: ORG, keys });
  members(charter).push({ id: 'zoe', name: 'Zoe Adams' });
  const log = new LogBuilder({ org: ORG });
  log.append({ key: keys.mara, actor: 'mara', kind: 'org.create', payload: { charter } });
  return { keys, charter, org: new ReplayedLog(log) };
}

function members(charter: JsonObject): JsonObject[] {
  return charter['members'] as JsonObject[];
}

describe('key.register: a key is registered only by its holder, for a member the charter admits', () => {
  it('org.create registers the founder’s key alone; a pinned key is not a registration', () => {
    const { org, keys } = lumen();
    expect(org.state?.keys).toEqual({ mara: publicIdentityOf(keys.mara) });
  });

  it('a member acting before registering is refused with a hint saying how to register', () => {
    const { org, keys, charter } = lumen();
    const error = org.error({ key: keys.jonas, actor: 'jonas', kind: 'charter.amend', payload: { charter } });
    expect(error.code).toBe('action/key-not-registered');
    expect(error.hint).toBe(REGISTER_HINT);
    expect(error.hint).toContain('devolve keys register');
  });

  it('registers the key that signed, when it matches the pin', () => {
    const { org, keys, charter } = lumen();
    org.act({ key: keys.jonas, actor: 'jonas', kind: 'key.register', payload: {} });
    expect(org.state?.keys['jonas']).toBe(publicIdentityOf(keys.jonas));
    // and now jonas may act
    org.act({ key: keys.jonas, actor: 'jonas', kind: 'charter.amend', payload: { charter } });
  });

  it('refuses a key other than the pinned one, a key someone else holds, a stranger, and a second key', () => {
    const { org, keys } = lumen();
    const other = ed25519Key();
    expect(org.refusal({ key: other, actor: 'jonas', kind: 'key.register', payload: {} })).toBe(
      'action/wrong-key',
    );
    // mara's own registered key, for priya (no pin): one key, one member.
    expect(org.refusal({ key: keys.mara, actor: 'priya', kind: 'key.register', payload: {} })).toBe(
      'action/key-taken',
    );
    // jonas's pinned key for priya: pinned for someone else.
    expect(org.refusal({ key: keys.jonas, actor: 'priya', kind: 'key.register', payload: {} })).toBe(
      'action/key-taken',
    );
    expect(org.refusal({ key: other, actor: 'mallory', kind: 'key.register', payload: {} })).toBe(
      'action/unknown-actor',
    );
    org.act({ key: other, actor: 'priya', kind: 'key.register', payload: {} });
    expect(org.refusal({ key: ed25519Key(), actor: 'priya', kind: 'key.register', payload: {} })).toBe(
      'action/key-registered',
    );
    expect(org.state?.keys['priya']).toBe(publicIdentityOf(other));
  });

  it('has exactly the fields its schema names: none', () => {
    const { org, keys } = lumen();
    expect(
      org.refusal({ key: keys.jonas, actor: 'jonas', kind: 'key.register', payload: { member: 'jonas' } }),
    ).toBe('action/invalid-payload');
  });

  it('no charter amend registers or changes anybody’s key', () => {
    const { org, keys, charter } = lumen();
    const priyas = ed25519Key();
    const zoes = ed25519Key();
    org.act({ key: priyas, actor: 'priya', kind: 'key.register', payload: {} });
    org.act({ key: zoes, actor: 'zoe', kind: 'key.register', payload: {} });
    const held = ed25519Key();

    // The founder pins a key she holds on priya, who has registered: refused.
    const repinned = copy(charter);
    members(repinned).find((m) => m['id'] === 'priya')!['key'] = publicIdentityOf(held);
    expect(
      org.refusal({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter: repinned } }),
    ).toBe('action/key-change');

    // Removing zoe and re-adding her with that key: refused at the re-add.
    const removed = copy(charter);
    removed['members'] = members(removed).filter((m) => m['id'] !== 'zoe');
    org.act({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter: removed } });
    expect(org.state?.keys['zoe']).toBe(publicIdentityOf(zoes));
    // Gone from the charter, her key no longer acts.
    expect(
      org.refusal({ key: zoes, actor: 'zoe', kind: 'key.rotate', payload: { key: publicIdentityOf(held) } }),
    ).toBe('action/unknown-actor');
    const readded = copy(removed);
    members(readded).push({ id: 'zoe', name: 'Zoe Adams', key: publicIdentityOf(held) });
    expect(
      org.refusal({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter: readded } }),
    ).toBe('action/key-change');
    // Re-added without a pin, zoe keeps her own key: the held one cannot sign for her.
    org.act({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter } });
    expect(org.state?.keys['zoe']).toBe(publicIdentityOf(zoes));
    expect(org.refusal({ key: held, actor: 'zoe', kind: 'key.register', payload: {} })).toBe(
      'action/key-registered',
    );
    // A pin of a key registered to someone else is refused too.
    const stolen = copy(charter);
    members(stolen).find((m) => m['id'] === 'hugo')!['key'] = publicIdentityOf(priyas);
    expect(
      org.refusal({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter: stolen } }),
    ).toBe('action/key-taken');
  });
});

describe('key.rotate then key.register: only a member changes their key, with both keys', () => {
  it('rotates when the old key announces and the new key proves', () => {
    const { org, keys, charter } = lumen();
    org.act({ key: keys.jonas, actor: 'jonas', kind: 'key.register', payload: {} });
    const next = ed25519Key();
    org.act({
      key: keys.jonas,
      actor: 'jonas',
      kind: 'key.rotate',
      payload: { key: publicIdentityOf(next) },
    });
    // Announced but not yet proven: the old key still acts.
    expect(org.state?.keys['jonas']).toBe(publicIdentityOf(keys.jonas));
    org.act({ key: next, actor: 'jonas', kind: 'key.register', payload: {} });
    expect(org.state?.keys['jonas']).toBe(publicIdentityOf(next));
    expect(org.state?.pendingKeys).toEqual({});
    expect(
      org.refusal({ key: keys.jonas, actor: 'jonas', kind: 'charter.amend', payload: { charter } }),
    ).toBe('action/wrong-key');
    org.act({ key: next, actor: 'jonas', kind: 'charter.amend', payload: { charter } });
  });

  it('refuses a rotation signed by anyone but the member, and a proof by another key', () => {
    const { org, keys } = lumen();
    org.act({ key: keys.jonas, actor: 'jonas', kind: 'key.register', payload: {} });
    const held = ed25519Key();
    expect(
      org.refusal({
        key: keys.mara,
        actor: 'jonas',
        kind: 'key.rotate',
        payload: { key: publicIdentityOf(held) },
      }),
    ).toBe('action/wrong-key');
    org.act({
      key: keys.jonas,
      actor: 'jonas',
      kind: 'key.rotate',
      payload: { key: publicIdentityOf(held) },
    });
    expect(org.refusal({ key: ed25519Key(), actor: 'jonas', kind: 'key.register', payload: {} })).toBe(
      'action/key-registered',
    );
    expect(
      org.refusal({
        key: keys.jonas,
        actor: 'jonas',
        kind: 'key.rotate',
        payload: { key: publicIdentityOf(keys.mara) },
      }),
    ).toBe('action/key-taken');
    expect(
      org.refusal({ key: keys.jonas, actor: 'jonas', kind: 'key.rotate', payload: { key: 'ed25519:short' } }),
    ).toBe('action/invalid-payload');
  });
});
