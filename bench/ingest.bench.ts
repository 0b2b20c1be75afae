import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionSigningText, type SignedAction } from '../src/core/log/Action.js';
import { startServer } from '../src/server/startServer.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import { createPostgresStore } from '../src/store/createPostgresStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { createTestSchema } from '../test/support/describeWithPostgres.js';
import { votingLumen } from '../test/support/votingLumen.js';
import type { Benchmark } from './Benchmark.js';

/** `INGEST_BENCH_VOTES` shortens a trial run. */
const VOTES = Number(process.env['INGEST_BENCH_VOTES'] ?? 2000);
const WARMUP = 100;
const CLIENTS = 32;
/** The treasury's electorate: the core team grown to this many members, each with their own key. */
const VOTERS = 200;
const GOAL = 0.25;

/**
 * Posts pre-signed votes with `clients` concurrent clients; returns votes per second. Every vote
 * must be acknowledged with 201.
 */
async function post(url: string, org: string, votes: readonly SignedAction[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < votes.length) {
        const signed = votes[next++]!;
        const response = await fetch(`${url}/api/orgs/${org}/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(signed),
        });
        if (response.status !== 201)
          throw new Error(`vote refused: ${response.status} ${await response.text()}`);
      }
    }),
  );
  return votes.length / ((performance.now() - started) / 1000);
}

/** An organization with its electorate registered and the treasury proposal open; its votes. */
async function prepare(
  store: EventStore,
  org: string,
): Promise<{ warmup: SignedAction[]; votes: SignedAction[] }> {
  const lumen = votingLumen({ org, voters: VOTERS });
  const { event: genesis } = await store.createOrganization({ signed: lumen.create(), now: new Date() });
  for (const signed of lumen.registrations(genesis.hash)) await store.append({ signed, now: new Date() });
  const { event: opened } = await store.append({
    signed: lumen.openProposal(genesis.hash),
    now: new Date(),
  });
  // Signed before the clock starts, each against a head in the log (the proposal's event).
  const all = Array.from({ length: WARMUP + VOTES }, (_, index) => lumen.vote({ head: opened.hash, index }));
  return { warmup: all.slice(0, WARMUP), votes: all.slice(WARMUP) };
}

/** Votes per second over HTTP on loopback into `store`, and the signed votes it took. */
async function measure(store: EventStore, org: string): Promise<{ rate: number; votes: SignedAction[] }> {
  const { warmup, votes } = await prepare(store, org);
  const server = await startServer({ store, port: 0, host: '127.0.0.1' });
  try {
    await post(server.url, org, warmup);
    return { rate: await post(server.url, org, votes), votes };
  } finally {
    await server.close();
  }
}

/**
 * The floor: raw Ed25519 verifications per second of the very messages posted (their signing
 * text, signature and key), with node's crypto.verify — what any ingest must pay at least.
 */
function verificationsPerSecond(votes: readonly SignedAction[]): number {
  const inputs = votes.map((signed) => ({
    text: Buffer.from(actionSigningText(signed.action), 'utf8'),
    signature: Buffer.from(signed.signature, 'base64url'),
    key: createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: signed.action.key.slice('ed25519:'.length) },
      format: 'jwk',
    }),
  }));
  const started = performance.now();
  for (const { text, signature, key } of inputs) {
    if (!verify(null, text, key, signature)) throw new Error('the floor found a bad signature');
  }
  return inputs.length / ((performance.now() - started) / 1000);
}

interface Figures {
  readonly rate: number;
  readonly floor: number;
}

async function onPglite(): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'devolve-ingest-'));
  try {
    const store = await createPgliteStore({ dataDir: join(dir, 'data') });
    try {
      const { rate, votes } = await measure(store, 'ingest-pglite');
      return { rate, floor: verificationsPerSecond(votes) };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<Figures> {
  const schema = await createTestSchema({ url });
  try {
    const store = await createPostgresStore({ connectionString: url, schema: schema.schema });
    try {
      const { rate, votes } = await measure(store, 'ingest-postgres');
      return { rate, floor: verificationsPerSecond(votes) };
    } finally {
      await store.close();
    }
  } finally {
    await schema.drop();
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

const benchmark: Benchmark = {
  name: 'ingest',
  description: `signed vote.cast actions per second over HTTP on loopback (${VOTES} votes from ${CLIENTS} clients, ${VOTERS} voters), PGlite on disk and PostgreSQL, ÷ raw Ed25519 verifications per second of the same votes`,
  async run(log) {
    const pglite = await onPglite();
    const pgliteRatio = pglite.rate / pglite.floor;
    log(
      `PGlite (data directory)  ${pglite.rate.toFixed(1)} votes/s over HTTP · floor ${pglite.floor.toFixed(0)} Ed25519 verifications/s · ratio ${pgliteRatio.toFixed(3)}`,
    );
    const url = process.env['DATABASE_URL'];
    let postgres: Figures | undefined;
    if (url !== undefined && url !== '') {
      postgres = await onPostgres(url);
      log(
        `PostgreSQL               ${postgres.rate.toFixed(1)} votes/s over HTTP · floor ${postgres.floor.toFixed(0)} Ed25519 verifications/s · ratio ${(postgres.rate / postgres.floor).toFixed(3)}`,
      );
    } else {
      log('PostgreSQL               skipped (DATABASE_URL is not set)');
    }
    const postgresRatio = postgres === undefined ? undefined : postgres.rate / postgres.floor;
    // The worse of the two stores is the one reported.
    const ratio = postgresRatio === undefined ? pgliteRatio : Math.min(pgliteRatio, postgresRatio);
    const which = postgresRatio === undefined || pgliteRatio <= postgresRatio ? 'PGlite' : 'PostgreSQL';
    log(
      `ratio = ${which} (the worse store) votes/s over HTTP ÷ raw Ed25519 verifications/s = ${ratio.toFixed(3)}`,
    );
    return {
      name: 'ingest',
      ratio,
      goal: `>=${GOAL}`,
      figures: {
        ratioIs:
          'the worse store’s signed votes per second over HTTP ÷ raw Ed25519 verifications per second of the same votes',
        reportedStore: which,
        votes: VOTES,
        clients: CLIENTS,
        voters: VOTERS,
        pgliteVotesPerSecond: Math.round(pglite.rate * 10) / 10,
        pgliteFloorPerSecond: Math.round(pglite.floor),
        pgliteRatio: round(pgliteRatio),
        postgresVotesPerSecond:
          postgres === undefined ? 'skipped: DATABASE_URL not set' : Math.round(postgres.rate * 10) / 10,
        postgresFloorPerSecond: postgres === undefined ? 'skipped' : Math.round(postgres.floor),
        postgresRatio: postgresRatio === undefined ? 'skipped' : round(postgresRatio),
      },
    };
  },
};

export default benchmark;
