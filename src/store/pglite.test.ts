import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import { createPgliteStore } from './createPgliteStore.js';
import { describeEventStoreContract } from './EventStore.contract.js';
import { describeEvidenceStoreContract } from './evidenceStore.contract.js';

const pgliteSubject = async () => {
  const pglite = await PGlite.create();
  const store = await createPgliteStore({ pglite });
  return {
    store,
    async execute(sql: string, params: unknown[] = []) {
      await pglite.query(sql, params);
    },
    teardown: () => store.close(),
  };
};

describeEvidenceStoreContract({ name: 'PGlite (in memory)', setup: pgliteSubject });

describeEventStoreContract({ name: 'PGlite (in memory)', setup: pgliteSubject });

describe('PGlite store on a data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'devolve-pglite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the log across restarts, migrates idempotently, and lets one process at a time in', async () => {
    const dataDir = join(root, 'data');
    const dao = daoFixture({ org: 'lumen-disk' });
    const now = new Date();

    const first = await createPgliteStore({ dataDir });
    const { event } = await first.createOrganization({ signed: dao.create({ now }), now });
    // A second store on the same directory would corrupt it: refused while the first is open.
    await expect(createPgliteStore({ dataDir })).rejects.toMatchObject({ code: 'store/data-dir-in-use' });
    await first.close();

    const second = await createPgliteStore({ dataDir });
    expect(await second.readHead({ org: dao.org })).toMatchObject({ seq: 0, head: event.hash });
    const next = await second.append({
      signed: dao.amendBrand({ head: event.hash, description: 'again' }),
      now,
    });
    expect(next.event.seq).toBe(1);
    expect((await second.rebuild({})).identical).toBe(true);
    await second.close();
  });
});
