import { execFileSync, spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionSigningText, type SignedAction } from '../src/core/log/Action.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import { createPostgresStore } from '../src/store/createPostgresStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { createTestSchema } from '../test/support/describeWithPostgres.js';
import { votingLumen } from '../test/support/votingLumen.js';
import type { Benchmark } from './Benchmark.js';

/** `INGEST_BENCH_VOTES` shortens a trial run. */
const VOTES = Number(process.env['INGEST_BENCH_VOTES'] ?? 5000);
/**
 * Votes posted before the clock starts: a server is measured as it runs, not as it starts. A
 * fresh process spends its first few thousand votes compiling PGlite's WebAssembly and Devolve's
 * hot paths to their optimized tiers, on V8's background threads: measured from the 100th vote,
 * those threads took a third of the server's CPU over the next 6,000 votes and a fifth over the
 * next 20,000 (what stays is garbage collection). 100 votes of warm-up measured mostly that.
 */
const WARMUP = Number(process.env['INGEST_BENCH_WARMUP'] ?? 3000);
const CLIENTS = 32;
/** The treasury's electorate: the core team grown to this many members, each with their own key. */
const VOTERS = 200;
const GOAL = 0.25;
const FLOOR_PASSES = 5;

/**
 * Posts pre-signed votes with `CLIENTS` concurrent keep-alive connections (node:http, the
 * lightest client at hand, so the clients take as little of the machine as they can); returns
 * votes per second. Every vote must be acknowledged with 201.
 */
async function post(url: string, org: string, votes: readonly SignedAction[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const target = new URL(`/api/orgs/${org}/actions`, url);
  const send = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const request = httpRequest(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode === 201) resolve();
            else
              reject(new Error(`vote refused: ${response.statusCode} ${Buffer.concat(chunks).toString()}`));
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const bodies = votes.map((signed) => JSON.stringify(signed));
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < bodies.length) await send(bodies[next++]!);
      }),
    );
  } finally {
    agent.destroy();
  }
  return votes.length / ((performance.now() - started) / 1000);
}

/**
 * Runs `bench/ingestServer.ts` on the store `spec` names in a child process; resolves with its
 * URL and a function that stops it. `INGEST_BENCH_PROFILE=<dir>` writes its CPU profile there.
 */
async function serveInChild(spec: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const profile = process.env['INGEST_BENCH_PROFILE'];
  const child = spawn(
    process.execPath,
    [
      ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]),
      '--import',
      'tsx',
      fileURLToPath(new URL('./ingestServer.ts', import.meta.url)),
      spec,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+)\n/.exec(out);
      if (found !== null) resolve(found[1]!);
    });
    void exited.then((code) => reject(new Error(`the ingest server exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
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

/** CPU seconds each thread of process `pid` has used, by thread id (Linux's /proc); undefined elsewhere. */
function threadSeconds(pid: number): Map<number, number> | undefined {
  try {
    const seconds = new Map<number, number>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // After the command name in parentheses: state is field 3, utime and stime fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    }
    return seconds;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Where the CPU went while the timed votes were taken, in microseconds a vote: the server's
 * main thread, its other threads that worked (in the order they started: V8's helpers, then
 * the store's and the signature checks' threads as the server made them), and the clients.
 */
interface CpuShares {
  readonly main: number;
  readonly others: readonly number[];
  readonly client: number;
}

function cpuShares(
  pid: number,
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
  client: NodeJS.CpuUsage,
  votes: number,
): CpuShares | undefined {
  if (before === undefined || after === undefined) return undefined;
  const perVote = (seconds: number) => Math.round((seconds * 1e6) / votes);
  const used = [...after]
    .sort(([a], [b]) => a - b)
    .map(([tid, seconds]) => ({ tid, share: perVote(seconds - (before.get(tid) ?? 0)) }));
  return {
    main: used.find((thread) => thread.tid === pid)?.share ?? 0,
    others: used.filter((thread) => thread.tid !== pid && thread.share > 0).map((thread) => thread.share),
    client: perVote((client.user + client.system) / 1e6),
  };
}

/**
 * Votes per second over HTTP on loopback into the store `open` opens: prepared in this process,
 * then served by a child process (`spec` tells it which store) while this one posts.
 */
async function measure(
  open: () => Promise<EventStore>,
  spec: string,
  org: string,
): Promise<{ rate: number; votes: SignedAction[]; cpu: CpuShares | undefined }> {
  const store = await open();
  let prepared: { warmup: SignedAction[]; votes: SignedAction[] };
  try {
    prepared = await prepare(store, org);
  } finally {
    await store.close();
  }
  const { warmup, votes } = prepared;
  const server = await serveInChild(spec);
  try {
    await post(server.url, org, warmup);
    const before = threadSeconds(server.pid);
    const client = process.cpuUsage();
    const rate = await post(server.url, org, votes);
    const cpu = cpuShares(
      server.pid,
      before,
      threadSeconds(server.pid),
      process.cpuUsage(client),
      votes.length,
    );
    return { rate, votes, cpu };
  } finally {
    await server.stop();
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
  // One pass takes a fraction of a second, which a busy machine skews either way: the median of
  // FLOOR_PASSES passes is the floor.
  const rates = Array.from({ length: FLOOR_PASSES }, () => {
    const started = performance.now();
    for (const { text, signature, key } of inputs) {
      if (!verify(null, text, key, signature)) throw new Error('the floor found a bad signature');
    }
    return inputs.length / ((performance.now() - started) / 1000);
  });
  return rates.sort((a, b) => a - b)[Math.floor(FLOOR_PASSES / 2)]!;
}

interface Figures {
  readonly rate: number;
  readonly floor: number;
  readonly cpu: CpuShares | undefined;
}

/** `cpu` as one line: where a vote's CPU went, server threads first, then the clients. */
function cpuLine(cpu: CpuShares | undefined): string {
  if (cpu === undefined) return 'CPU by thread: not available (no /proc)';
  const total = cpu.main + cpu.others.reduce((sum, share) => sum + share, 0);
  return `CPU µs a vote: server ${total} (main thread ${cpu.main}; other threads ${cpu.others.join(', ')}) · clients ${cpu.client}`;
}

async function onPglite(): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'devolve-ingest-'));
  try {
    const dataDir = join(dir, 'data');
    const { rate, votes, cpu } = await measure(
      () => createPgliteStore({ dataDir }),
      `pglite:${dataDir}`,
      'ingest-pglite',
    );
    return { rate, floor: verificationsPerSecond(votes), cpu };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<Figures> {
  const schema = await createTestSchema({ url });
  try {
    const { rate, votes, cpu } = await measure(
      () => createPostgresStore({ connectionString: url, schema: schema.schema }),
      `postgres:${schema.schema}`,
      'ingest-postgres',
    );
    return { rate, floor: verificationsPerSecond(votes), cpu };
  } finally {
    await schema.drop();
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

const benchmark: Benchmark = {
  name: 'ingest',
  description: `signed vote.cast actions per second over HTTP on loopback into a server process of its own (${VOTES} votes from ${CLIENTS} clients, ${VOTERS} voters), PGlite on disk and PostgreSQL, ÷ raw Ed25519 verifications per second of the same votes`,
  async run(log) {
    const pglite = await onPglite();
    const pgliteRatio = pglite.rate / pglite.floor;
    log(
      `PGlite (data directory)  ${pglite.rate.toFixed(1)} votes/s over HTTP · floor ${pglite.floor.toFixed(0)} Ed25519 verifications/s · ratio ${pgliteRatio.toFixed(3)}`,
    );
    log(`  ${cpuLine(pglite.cpu)}`);
    const url = process.env['DATABASE_URL'];
    let postgres: Figures | undefined;
    if (url !== undefined && url !== '') {
      postgres = await onPostgres(url);
      log(
        `PostgreSQL               ${postgres.rate.toFixed(1)} votes/s over HTTP · floor ${postgres.floor.toFixed(0)} Ed25519 verifications/s · ratio ${(postgres.rate / postgres.floor).toFixed(3)}`,
      );
      log(`  ${cpuLine(postgres.cpu)}`);
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
        cpuMicrosecondsPerVoteIs:
          'CPU time while the timed votes were taken ÷ votes: the server process by thread (main, then the others that worked, in the order they started), and the clients',
        pgliteCpuMicrosecondsPerVote: cpuLine(pglite.cpu),
        postgresCpuMicrosecondsPerVote: postgres === undefined ? 'skipped' : cpuLine(postgres.cpu),
      },
    };
  },
};

export default benchmark;
