import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { type CrashWorkload, crashAndRecover } from './support/crashAndRecover.js';
import { daoFixture } from './support/daoFixture.js';
import { createTestSchema, describeWithPostgres } from './support/describeWithPostgres.js';

/** Founders rewording the brand unit from 20 clients at once. */
function amendLoad(): CrashWorkload {
  const dao = daoFixture({ org: 'lumen-crash' });
  return {
    org: dao.org,
    async setUp({ post }) {
      const genesis = await post(dao.create());
      // jonas registers the key the charter pins for him before he acts.
      await post(dao.register({ head: genesis.hash, actor: 'jonas' }));
    },
    sign: ({ head, client, index }) =>
      dao.amendBrand({
        head,
        description: `client ${client}, action ${index}`,
        actor: client % 2 === 0 ? 'mara' : 'jonas',
      }),
    clients: 20,
    actionsPerClient: 40,
    killAfter: 40,
  };
}

describe('crash: SIGKILL during load on PGlite', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-crash-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('loses no acknowledged action, records none twice, and the log verifies', async () => {
    await crashAndRecover(
      { storeArgs: ['--data', join(work, 'data')], databaseUrl: undefined },
      work,
      amendLoad(),
    );
  }, 180_000);
});

describeWithPostgres('crash: SIGKILL during load on PostgreSQL', (url) => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-crash-pg-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('loses no acknowledged action, records none twice, and the log verifies', async () => {
    const schema = await createTestSchema({ url });
    try {
      await crashAndRecover({ storeArgs: [], databaseUrl: schema.url }, work, amendLoad());
    } finally {
      await schema.drop();
    }
  }, 180_000);
});
