import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedAction } from '../src/core/log/Action.js';
import { generateEd25519 } from '../src/identity/ed25519.js';
import { publicIdentityOf, signAction } from '../src/identity/signAction.js';
import { createApp } from '../src/server/createApp.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { runCliWithEnv, scratchDirs } from './support/builtCli.js';
import { callApi } from './support/callApi.js';
import { daoFixture, unitOf } from './support/daoFixture.js';

/**
 * No one registers or changes another member's key, on the paths the core tests do not reach:
 * the HTTP API (a problem object with the code, nothing recorded) and the command line (exit 1,
 * one line, nothing recorded). The core refusals themselves are tested beside `charterAmend`
 * and `keyRegister`; here the same attacks are sent as a user or a client would send them.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Members = { [key: string]: Json }[];

describe('impersonation over the HTTP API', () => {
  const dao = daoFixture({ org: 'lumen-impersonation' });
  /** A key mara holds and would like to pass off as another member's. */
  const held = { type: 'ed25519', secret: generateEd25519().secret } as const;
  let store: EventStore;
  let app: ReturnType<typeof createApp>;
  let head: string;

  const post = (signed: SignedAction) => callApi(app, 'POST', `/api/orgs/${dao.org}/actions`, signed);
  const members = (charter: { [key: string]: Json }) => charter['members'] as Members;

  beforeAll(async () => {
    store = await createPgliteStore();
    app = createApp({ store, clock: () => new Date(Date.now() + 60_000) });
    expect((await callApi(app, 'POST', '/api/orgs', dao.create())).status).toBe(201);
    const headNow = async () =>
      (await callApi(app, 'GET', `/api/orgs/${dao.org}/head`)).json['head'] as string;
    expect((await post(dao.register({ head: await headNow(), actor: 'jonas' }))).status).toBe(201);
    head = await headNow();
  });
  afterAll(async () => {
    await store.close();
  });

  it.each([
    [
      're-pinning a registered member’s key',
      (c: { [key: string]: Json }) => {
        members(c).find((m) => m['id'] === 'jonas')!['key'] = publicIdentityOf(held);
      },
      'action/key-change',
    ],
    [
      'removing a registered member and re-adding them with another key',
      (c: { [key: string]: Json }) => {
        const jonas = members(c).find((m) => m['id'] === 'jonas')!;
        c['members'] = [...members(c).filter((m) => m !== jonas), { ...jonas, key: publicIdentityOf(held) }];
      },
      'action/key-change',
    ],
    [
      'pinning on another member a key already registered to mara',
      (c: { [key: string]: Json }) => {
        members(c).find((m) => m['id'] === 'priya')!['key'] = publicIdentityOf(dao.keys.mara);
      },
      'action/key-taken',
    ],
  ])('refuses %s in a charter.amend, and records nothing', async (_, edit, code) => {
    const answer = await post(dao.amend({ head, edit }));
    expect({ status: answer.status, code: answer.json['code'] }).toEqual({ status: 403, code });
    expect((await callApi(app, 'GET', `/api/orgs/${dao.org}/head`)).json['head']).toBe(head);
  });

  it('refuses an action claiming to be jonas’s but signed with mara’s key, and a registration for him by another key', async () => {
    const asJonas = (kind: string, payload: unknown, key: typeof held | typeof dao.keys.mara) =>
      signAction({ key, org: dao.org, kind, actor: 'jonas', payload, head, now: new Date() });
    const amended = JSON.parse(JSON.stringify(dao.charter)) as { [key: string]: Json };
    unitOf(amended, 'brand')['description'] = 'Signed by someone else';
    const forged = await post(asJonas('charter.amend', { charter: amended }, dao.keys.mara));
    expect(forged.json['code']).toBe('action/wrong-key');
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    const stolen = await post(asJonas('key.register', {}, held));
    expect(stolen.json['code']).toBe('action/key-registered');
    expect((await callApi(app, 'GET', `/api/orgs/${dao.org}/head`)).json['head']).toBe(head);
  });
});

describe('impersonation from the command line', () => {
  const scratch = scratchDirs('devolve-impersonation-');
  let work: string;
  const devolve = (...args: string[]) =>
    runCliWithEnv({ DATABASE_URL: undefined, DEVOLVE_SERVER: undefined }, work, ...args);
  /** The log head, as `status` reports the log it read. */
  const head = () => {
    const run = devolve('status', '--json');
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { source: { head: string } }).source.head;
  };
  let maraIdentity: string;

  beforeAll(() => {
    work = scratch.fresh();
    expect(devolve('init', '--template', 'dao').code).toBe(0);
    const made = devolve('keys', 'new', '--keys', 'mara.json', '--json');
    expect(made.code, made.stderr).toBe(0);
    maraIdentity = (JSON.parse(made.stdout) as { key: { publicKey: string } }).key.publicKey;
    expect(devolve('keys', 'new', '--keys', 'jonas.json').code).toBe(0);
    const created = devolve('apply', '--as', 'mara', '--keys', 'mara.json', '--json');
    expect(created.code, created.stderr).toBe(0);
    const registered = devolve('keys', 'register', '--as', 'jonas', '--keys', 'jonas.json');
    expect(registered.code, registered.stderr).toBe(0);
  }, 120_000);
  afterAll(() => scratch.cleanUp());

  it('refuses applying a charter that pins another key on a registered member', () => {
    const charter = join(work, 'devolve.yaml');
    const text = readFileSync(charter, 'utf8');
    const before = head();
    writeFileSync(
      charter,
      text.replace(
        '  - { id: jonas, name: Jonas Weil }',
        `  - { id: jonas, name: Jonas Weil, key: "${maraIdentity}" }`,
      ),
    );
    try {
      const applied = devolve('apply', '--as', 'mara', '--keys', 'mara.json');
      expect(applied.code).toBe(1);
      expect(applied.stderr.trim().split('\n')).toHaveLength(1);
      expect(applied.stderr).toContain("'jonas' has registered a key; a charter cannot pin another for them");
      expect(head()).toBe(before);
    } finally {
      writeFileSync(charter, text);
    }
  });

  it('refuses signing as jonas with mara’s key', () => {
    const charter = join(work, 'devolve.yaml');
    const text = readFileSync(charter, 'utf8');
    const before = head();
    writeFileSync(charter, text.replace('The Lumen name, logo and trademark registrations.', 'Rebranded.'));
    try {
      const applied = devolve('apply', '--as', 'jonas', '--keys', 'mara.json');
      expect(applied.code).not.toBe(0);
      expect(applied.stderr.trim().split('\n')).toHaveLength(1);
      expect(head()).toBe(before);
    } finally {
      writeFileSync(charter, text);
    }
  });
});
