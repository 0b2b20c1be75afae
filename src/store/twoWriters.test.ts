import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createTestSchema, describeWithPostgres } from '../../test/support/describeWithPostgres.js';
import { votingLumen } from '../../test/support/votingLumen.js';
import { actionSigningText, type SignedAction } from '../core/log/Action.js';
import { signEd25519 } from '../identity/ed25519.js';
import { createPgliteStore } from './createPgliteStore.js';
import { createPostgresStore } from './createPostgresStore.js';
import type { EventStore } from './EventStore.js';

const NOW = new Date(Date.now() + 3_600_000);

/** Two stores over one database, each with its own cache of states and heads: two processes. */
interface TwoWriters {
  readonly a: EventStore;
  readonly b: EventStore;
  close(): Promise<void>;
}

/**
 * A store appends a run of votes on the state it cached, in one statement that commits only if
 * the organization still stands at that head. These are the cases where what it cached is not
 * the truth any more: another writer moved the head, an action is repeated or its nonce reused,
 * an action names a head only the other writer has seen. Each must end as if the cache did not
 * exist: one linear log, every acknowledged action in it once, a state equal to a full replay.
 */
function describeTwoWriters(name: string, open: () => Promise<TwoWriters>): void {
  describe(`two writers on one database: ${name}`, () => {
    /** Runs `test` on two fresh writers, closing them after. */
    async function withStores(test: (stores: TwoWriters) => Promise<void>): Promise<void> {
      const stores = await open();
      try {
        await test(stores);
      } finally {
        await stores.close();
      }
    }

    async function votingOrganization(org: string, stores: TwoWriters) {
      const lumen = votingLumen({ org, voters: 12 });
      const { event: genesis } = await stores.a.createOrganization({ signed: lumen.create(), now: NOW });
      for (const signed of lumen.registrations(genesis.hash)) await stores.a.append({ signed, now: NOW });
      const { event: opened } = await stores.a.append({ signed: lumen.openProposal(genesis.hash), now: NOW });
      return { lumen, opened };
    }

    async function expectOneChain(store: EventStore, org: string): Promise<number[]> {
      const { events } = await store.readEvents({ org, limit: 1000 });
      events.forEach((event, index) => {
        expect(event.seq).toBe(index);
        if (index > 0) expect(event.prev).toBe(events[index - 1]!.hash);
      });
      expect((await store.rebuild({ org })).identical).toBe(true);
      return events.map((event) => event.seq);
    }

    it('each writer appends after the other’s appends, alternately and all at once', async () => {
      await withStores(async (stores) => {
        const org = 'lumen-two-writers';
        const { lumen, opened } = await votingOrganization(org, stores);
        const vote = (index: number) => lumen.vote({ head: opened.hash, index });
        // Alternately: each append finds the head moved by the other since it last wrote.
        const alternate: number[] = [];
        for (let index = 0; index < 8; index++) {
          const store = index % 2 === 0 ? stores.a : stores.b;
          alternate.push((await store.append({ signed: vote(index), now: NOW })).event.seq);
        }
        expect(alternate).toEqual(Array.from({ length: 8 }, (_, i) => opened.seq + 1 + i));
        // All at once from both: every one acknowledged, once.
        const burst = Array.from({ length: 60 }, (_, i) => vote(8 + i));
        const results = await Promise.all(
          burst.map((signed, i) => (i % 2 === 0 ? stores.a : stores.b).append({ signed, now: NOW })),
        );
        expect(results.every((result) => result.created)).toBe(true);
        const seqs = results.map((result) => result.event.seq);
        expect(new Set(seqs).size).toBe(burst.length);
        const chain = await expectOneChain(stores.a, org);
        expect(chain).toHaveLength(opened.seq + 1 + 8 + burst.length);
        expect(await stores.a.readState({ org })).toEqual(await stores.b.readState({ org }));
      });
    });

    it('a repeated action gives back its event and a reused nonce is refused, on either writer', async () => {
      await withStores(async (stores) => {
        const org = 'lumen-two-writers-repeat';
        const { lumen, opened } = await votingOrganization(org, stores);
        const first = lumen.vote({ head: opened.hash, index: 0 });
        const recorded = await stores.a.append({ signed: first, now: NOW });
        await stores.a.append({ signed: lumen.vote({ head: opened.hash, index: 1 }), now: NOW });
        // The same action again, on the writer whose cache holds it and on the one whose does not.
        for (const store of [stores.a, stores.b, stores.a]) {
          const again = await store.append({ signed: first, now: NOW });
          expect(again).toEqual({ event: recorded.event, created: false });
        }
        // Its nonce under another action, signed by the same voter, with others in its group.
        const other = lumen.vote({ head: opened.hash, index: 12 });
        const action = { ...other.action, nonce: first.action.nonce };
        const key = lumen.keys[action.actor]!;
        if (key.type !== 'ed25519') throw new Error('votingLumen keys are Ed25519');
        const reused: SignedAction = {
          action,
          signature: signEd25519({ secret: key.secret, text: actionSigningText(action) }),
        };
        const outcomes = await Promise.allSettled([
          stores.a.append({ signed: lumen.vote({ head: opened.hash, index: 2 }), now: NOW }),
          stores.a.append({ signed: reused, now: NOW }),
          stores.a.append({ signed: lumen.vote({ head: opened.hash, index: 3 }), now: NOW }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'action/nonce-reused' });
        const chain = await expectOneChain(stores.b, org);
        expect(chain).toHaveLength(opened.seq + 1 + 4);
      });
    });

    it('an action made against a head only the other writer has seen is accepted', async () => {
      await withStores(async (stores) => {
        const org = 'lumen-two-writers-heads';
        const { lumen, opened } = await votingOrganization(org, stores);
        await stores.a.append({ signed: lumen.vote({ head: opened.hash, index: 0 }), now: NOW });
        const byB = await stores.b.append({ signed: lumen.vote({ head: opened.hash, index: 1 }), now: NOW });
        const onB = await stores.a.append({
          signed: lumen.vote({ head: byB.event.hash, index: 2 }),
          now: NOW,
        });
        expect(onB.event).toMatchObject({ seq: byB.event.seq + 1, prev: byB.event.hash });
        // A head in no log at all is still refused.
        await expect(
          stores.a.append({ signed: lumen.vote({ head: 'f'.repeat(64), index: 3 }), now: NOW }),
        ).rejects.toMatchObject({ code: 'action/unknown-head' });
        await expectOneChain(stores.a, org);
      });
    });
  });
}

describeTwoWriters('PGlite', async () => {
  const pglite = await PGlite.create();
  const a = await createPgliteStore({ pglite });
  const b = await createPgliteStore({ pglite });
  // Both own the one PGlite; closing `a` closes it.
  return { a, b, close: () => a.close() };
});

describeWithPostgres('PostgreSQL', (url) => {
  describeTwoWriters('PostgreSQL', async () => {
    const schema = await createTestSchema({ url });
    const a = await createPostgresStore({ connectionString: url, schema: schema.schema });
    const b = await createPostgresStore({ connectionString: url, schema: schema.schema });
    return {
      a,
      b,
      async close() {
        await a.close();
        await b.close();
        await schema.drop();
      },
    };
  });
});
