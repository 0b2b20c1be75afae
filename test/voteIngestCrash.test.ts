import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { type CrashWorkload, crashAndRecover } from './support/crashAndRecover.js';
import { createTestSchema, describeWithPostgres } from './support/describeWithPostgres.js';
import { votingLumen } from './support/votingLumen.js';

/**
 * Votes on one treasury proposal from 24 clients at once, by an electorate of 24 members: the
 * store groups concurrent appends into one transaction, so a kill lands while a group is being
 * sealed or committed, and no vote answered 201 may be missing after the restart.
 */
function voteLoad(): CrashWorkload {
  const lumen = votingLumen({ org: 'lumen-vote-crash', voters: 24 });
  return {
    org: lumen.org,
    async setUp({ post }) {
      const genesis = await post(lumen.create());
      for (const signed of lumen.registrations(genesis.hash)) await post(signed);
      await post(lumen.openProposal(genesis.hash));
    },
    // Each client votes as its own member, first against the proposal's event.
    sign: ({ head, client, index }) => lumen.vote({ head, index: client + index * lumen.voters.length }),
    clients: 24,
    actionsPerClient: 40,
    killAfter: 60,
  };
}

describe('crash: SIGKILL during vote ingest on PGlite', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-vote-crash-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps every acknowledged vote, records none twice, and the log verifies', async () => {
    await crashAndRecover(
      { storeArgs: ['--data', join(work, 'data')], databaseUrl: undefined },
      work,
      voteLoad(),
    );
  }, 300_000);
});

describeWithPostgres('crash: SIGKILL during vote ingest on PostgreSQL', (url) => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-vote-crash-pg-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps every acknowledged vote, records none twice, and the log verifies', async () => {
    const schema = await createTestSchema({ url });
    try {
      await crashAndRecover({ storeArgs: [], databaseUrl: schema.url }, work, voteLoad());
    } finally {
      await schema.drop();
    }
  }, 300_000);
});
