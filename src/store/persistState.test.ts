import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import { ed25519Key } from '../../test/support/signedLog.js';
import { verifyLog } from '../core/log/verifyLog.js';
import { logCrypto } from '../identity/logCrypto.js';
import { publicIdentityOf, signAction } from '../identity/signAction.js';
import { createPgliteStore } from './createPgliteStore.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devolve-persist-state-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the runtime state survives a restart', () => {
  it('readState after reopening the store equals the state replayed from its log', async () => {
    const dataDir = join(dir, 'data');
    const dao = daoFixture({ org: 'lumen-persist' });
    const now = () => new Date(Date.now() + 3_600_000);
    const first = await createPgliteStore({ dataDir });
    const { event: genesis } = await first.createOrganization({ signed: dao.create(), now: now() });
    const { event: registered } = await first.append({
      signed: dao.register({ head: genesis.hash, actor: 'jonas' }),
      now: now(),
    });
    // A rotation announced and not yet proven: pending state that lives only in the runtime column.
    const next = publicIdentityOf(ed25519Key());
    await first.append({
      signed: signAction({
        key: dao.keys.jonas,
        org: dao.org,
        kind: 'key.rotate',
        actor: 'jonas',
        payload: { key: next },
        head: registered.hash,
        now: new Date(),
      }),
      now: now(),
    });
    const lines: string[] = [];
    for await (const line of first.exportLog({ org: dao.org })) lines.push(line);
    await first.close();

    const reopened = await createPgliteStore({ dataDir });
    try {
      const stored = await reopened.readState({ org: dao.org });
      const replayed = await verifyLog({ lines, crypto: logCrypto });
      if (!replayed.ok) throw new Error(replayed.firstBad.reason);
      expect(stored).toEqual(replayed.state);
      expect(stored.pendingKeys).toEqual({ jonas: next });
      expect(stored.levels).toMatchObject({ treasury: 1, brand: 0 });
      expect((await reopened.rebuild({ org: dao.org })).identical).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('rebuild names a damaged runtime column, and a store refuses to read one that is not JSON', async () => {
    const pglite = await PGlite.create();
    const store = await createPgliteStore({ pglite });
    try {
      const dao = daoFixture({ org: 'lumen-runtime-damage' });
      await store.createOrganization({ signed: dao.create(), now: new Date(Date.now() + 3_600_000) });
      await pglite.query('UPDATE organizations SET runtime = $1 WHERE id = $2', [
        '{"pendingKeys":{"mara":"ed25519:forged"}}',
        dao.org,
      ]);
      const report = await store.rebuild({ org: dao.org });
      expect(report.identical).toBe(false);
      expect(report.organizations[0]!.differences).toHaveLength(1);
      expect(report.organizations[0]!.differences[0]).toMatch(/^organization\.runtime: stored /);

      await pglite.query("UPDATE organizations SET runtime = '[]', seq = seq WHERE id = $1", [dao.org]);
      const fresh = await createPgliteStore({ pglite });
      await expect(fresh.readState({ org: dao.org })).rejects.toMatchObject({ code: 'store/corrupt' });
    } finally {
      await store.close();
    }
  });
});
