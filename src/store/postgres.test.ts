import { afterAll, beforeAll, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import {
  createTestSchema,
  describeWithPostgres,
  type TestSchema,
} from '../../test/support/describeWithPostgres.js';
import { createPostgresStore } from './createPostgresStore.js';
import { type ContractSubject, describeEventStoreContract } from './EventStore.contract.js';
import { describeEvidenceStoreContract } from './evidenceStore.contract.js';

describeWithPostgres('PostgreSQL store', (url) => {
  const postgresSubject = async (): Promise<ContractSubject> => {
    const schema = await createTestSchema({ url });
    const store = await createPostgresStore({ connectionString: url, schema: schema.schema });
    return {
      store,
      execute: (sql, params) => schema.execute(sql, params),
      async teardown() {
        await store.close();
        await schema.drop();
      },
    };
  };
  describeEventStoreContract({
    name: 'PostgreSQL',
    setup: postgresSubject,
  });

  describeEvidenceStoreContract({
    name: 'PostgreSQL',
    setup: postgresSubject,
  });

  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema({ url });
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('migrates idempotently when several processes start on one database at once', async () => {
    // Three stores starting together race for the migrations: the advisory lock lets one apply them.
    const stores = await Promise.all(
      [1, 2, 3].map(() => createPostgresStore({ connectionString: schema.url, maxConnections: 2 })),
    );
    const dao = daoFixture({ org: 'lumen-shared' });
    const now = new Date();
    const [a, b, c] = stores as [(typeof stores)[0], (typeof stores)[0], (typeof stores)[0]];
    const { event } = await a.createOrganization({ signed: dao.create({ now }), now });
    // Another process sees it, and appends on top of it: the cached state of `a` is then stale.
    const second = await b.append({ signed: dao.amendBrand({ head: event.hash, description: 'by b' }), now });
    const third = await a.append({ signed: dao.amendBrand({ head: event.hash, description: 'by a' }), now });
    expect(third.event).toMatchObject({ seq: 2, prev: second.event.hash });
    expect(
      (await c.readState({ org: dao.org })).organization.units.find((u) => u.id === 'brand')?.description,
    ).toBe('by a');
    expect((await c.rebuild({})).identical).toBe(true);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('reports an unreachable database as store/unavailable', async () => {
    await expect(
      createPostgresStore({ connectionString: 'postgres://postgres:postgres@127.0.0.1:1/none' }),
    ).rejects.toMatchObject({ code: 'store/unavailable' });
  });
});
