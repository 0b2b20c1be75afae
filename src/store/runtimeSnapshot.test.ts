import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { votingLumen } from '../../test/support/votingLumen.js';
import { createPgliteStore } from './createPgliteStore.js';
import { SNAPSHOT_EVERY, snapshotInterval } from './runtimeSnapshot.js';

const NOW = new Date(Date.now() + 3_600_000);

describe('runtime snapshots: appends write their events, not the whole runtime state', () => {
  it('reads the same state cold (snapshot and replayed tail) as warm, and rebuilds it identical', async () => {
    const pglite = await PGlite.create();
    const store = await createPgliteStore({ pglite });
    try {
      const lumen = votingLumen({ org: 'lumen-snapshots', voters: 8 });
      const { event: genesis } = await store.createOrganization({ signed: lumen.create(), now: NOW });
      const registrations = lumen.registrations(genesis.hash);
      // hugo, who does not vote, registers only after the votes.
      const hugo = registrations.find((signed) => signed.action.actor === 'hugo')!;
      for (const signed of registrations.filter((s) => s !== hugo)) await store.append({ signed, now: NOW });
      const { event: opened } = await store.append({ signed: lumen.openProposal(genesis.hash), now: NOW });
      const votes = Array.from({ length: SNAPSHOT_EVERY + 60 }, (_, index) =>
        lumen.vote({ head: opened.hash, index }),
      );
      // In two waves, however each is grouped: the first crosses SNAPSHOT_EVERY, the second cannot.
      const append = (signed: (typeof votes)[number]) => store.append({ signed, now: NOW });
      await Promise.all(votes.slice(0, SNAPSHOT_EVERY).map(append));
      await Promise.all(votes.slice(SNAPSHOT_EVERY).map(append));

      const position = async () =>
        (
          await pglite.query<{ seq: number; runtime_seq: number }>(
            'SELECT seq, runtime_seq FROM organizations WHERE id = $1',
            [lumen.org],
          )
        ).rows[0]!;
      const { seq, runtime_seq: snapshotAt } = await position();
      expect(seq).toBe(opened.seq + votes.length);
      // A snapshot was written on the way, and the latest votes are only in the log.
      expect(snapshotAt).toBeGreaterThan(opened.seq);
      expect(snapshotAt).toBeLessThan(seq);

      const warm = await store.readState({ org: lumen.org });
      const cold = await createPgliteStore({ pglite });
      expect(await cold.readState({ org: lumen.org })).toEqual(warm);
      expect(await store.rebuild({ org: lumen.org })).toMatchObject({ identical: true });

      // A change of keys writes the snapshot: no tail is ever replayed over other keys than its own.
      await store.append({ signed: hugo, now: NOW });
      expect(await position()).toEqual({ seq: seq + 1, runtime_seq: seq + 1 });
      const again = await createPgliteStore({ pglite });
      expect(await again.readState({ org: lumen.org })).toEqual(await store.readState({ org: lumen.org }));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('spaces snapshots by the length of the last one, and reads a long tail back cold as warm', async () => {
    const pglite = await PGlite.create();
    const store = await createPgliteStore({ pglite });
    try {
      const lumen = votingLumen({ org: 'lumen-snapshot-spacing', voters: 8 });
      const { event: genesis } = await store.createOrganization({ signed: lumen.create(), now: NOW });
      for (const signed of lumen.registrations(genesis.hash)) await store.append({ signed, now: NOW });
      const { event: opened } = await store.append({ signed: lumen.openProposal(genesis.hash), now: NOW });
      const row = async () =>
        (
          await pglite.query<{ seq: number; runtime_seq: number; chars: number }>(
            'SELECT seq, runtime_seq, length(runtime) AS chars FROM organizations WHERE id = $1',
            [lumen.org],
          )
        ).rows[0]!;
      const WAVE = 40;
      // Every ballot stays in the runtime (the ballot log), so it grows past 256 × 256 characters.
      const votes = Array.from({ length: 1_600 }, (_, index) => lumen.vote({ head: opened.hash, index }));
      const gaps: { from: number; to: number; chars: number }[] = [];
      let last = await row();
      for (let start = 0; start < votes.length; start += WAVE) {
        await Promise.all(
          votes.slice(start, start + WAVE).map((signed) => store.append({ signed, now: NOW })),
        );
        const now = await row();
        if (now.runtime_seq !== last.runtime_seq)
          gaps.push({ from: last.runtime_seq, to: now.runtime_seq, chars: last.chars });
        // A snapshot that is due is written with the group that made it due.
        expect(now.seq - now.runtime_seq).toBeLessThan(snapshotInterval(now.chars) + WAVE);
        last = now;
      }
      // No snapshot came before its interval, and the larger ones came further apart.
      for (const gap of gaps) expect(gap.to - gap.from).toBeGreaterThanOrEqual(snapshotInterval(gap.chars));
      expect(Math.max(...gaps.map((gap) => gap.to - gap.from))).toBeGreaterThan(SNAPSHOT_EVERY + WAVE);

      const warm = await store.readState({ org: lumen.org });
      const cold = await createPgliteStore({ pglite });
      expect(await cold.readState({ org: lumen.org })).toEqual(warm);
      expect(await store.rebuild({ org: lumen.org })).toMatchObject({ identical: true });
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses to read an organization whose snapshot points past its head', async () => {
    const pglite = await PGlite.create();
    const store = await createPgliteStore({ pglite });
    try {
      const lumen = votingLumen({ org: 'lumen-snapshot-damage', voters: 5 });
      await store.createOrganization({ signed: lumen.create(), now: NOW });
      await pglite.query('UPDATE organizations SET runtime_seq = 7 WHERE id = $1', [lumen.org]);
      const fresh = await createPgliteStore({ pglite });
      await expect(fresh.readState({ org: lumen.org })).rejects.toMatchObject({ code: 'store/corrupt' });
    } finally {
      await store.close();
    }
  });
});
