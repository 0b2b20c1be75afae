import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionSigningText } from '../src/core/log/Action.js';
import { canonicalJson } from '../src/core/log/canonicalJson.js';
import { sealEvent } from '../src/core/log/sealEvent.js';
import { verifyLog } from '../src/core/log/verifyLog.js';
import { ED25519_PREFIX, generateEd25519 } from '../src/identity/ed25519.js';
import { logCrypto } from '../src/identity/logCrypto.js';
import { sha256Hex } from '../src/identity/sha256.js';
import { signAction } from '../src/identity/signAction.js';
import { readLogFile } from '../src/log/readLogFile.js';
import type { Benchmark } from './Benchmark.js';
import { buildVoteLog, type SignedText } from './voteLog.js';

/** `VERIFY_BENCH_EVENTS` shortens a trial run; the goal is judged on the default. */
const EVENTS = Number(process.env['VERIFY_BENCH_EVENTS'] ?? 100_000);
const ROUNDS = 3;
/** Smaller logs for the figures on amends that really change the charter (they cost far more). */
const SMALL_AMENDS = 2_000;
const DAO_AMENDS = 300;
const ACTORS = ['ada', 'ben', 'cyd', 'dee'];
const ORG = 'bench-org';
const START = Date.parse('2026-01-01T00:00:00.000Z');
/** The vote log: votes cast by this many members with registered keys (fewer on a shortened run). */
const VOTERS = Math.min(2_000, Math.max(20, Math.floor(EVENTS / 20)));

interface Actor {
  readonly id: string;
  readonly secret: string;
  readonly publicKey: KeyObject;
}

function makeActors(): Actor[] {
  return ACTORS.map((id) => {
    const pair = generateEd25519();
    const x = pair.publicKey.slice(ED25519_PREFIX.length);
    return {
      id,
      secret: pair.secret,
      publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }),
    };
  });
}

function publicIdentity(actor: Actor): string {
  return `${ED25519_PREFIX}${actor.publicKey.export({ format: 'jwk' }).x}`;
}

/** A small real charter: four members with registered keys, one team owning one founder-level unit. */
function smallCharter(actors: readonly Actor[]): Record<string, unknown> {
  return {
    devolve: 1,
    organization: { id: ORG, name: 'Bench Cooperative', kind: 'company' },
    members: actors.map((a) => ({ id: a.id, name: a.id.toUpperCase(), key: publicIdentity(a) })),
    roles: [{ id: 'team', name: 'Team', scope: 'team', members: actors.map((a) => a.id) }],
    units: [
      {
        id: 'handbook',
        name: 'Handbook',
        dimension: 'governance',
        description: 'The team handbook.',
        owners: ['team'],
        level: 'founder',
      },
    ],
  };
}

/** The DAO template with its founders given keys, and the founder-level unit `brand` to amend. */
async function daoCharter(actors: readonly Actor[]): Promise<Record<string, unknown>> {
  const charter = parse(await readFile(new URL('../templates/dao.yaml', import.meta.url), 'utf8')) as {
    members: { id: string; key?: string }[];
    roles: { id: string; members: unknown[] }[];
  };
  const [mara, jonas] = [actors[0]!, actors[1]!];
  for (const member of charter.members) {
    if (member.id === 'mara') member.key = publicIdentity(mara);
    if (member.id === 'jonas') member.key = publicIdentity(jonas);
  }
  return charter as unknown as Record<string, unknown>;
}

/**
 * Signs and seals `count` events: `org.create` by the first actor, `key.register` by each other
 * actor, then `charter.amend`s by each actor in turn with the charter `charterAt(i)` returns. Calls `line` with each exported line.
 */
function buildLog(args: {
  org?: string;
  count: number;
  actors: readonly Actor[];
  ids: readonly string[];
  charterAt: (index: number) => unknown;
  line: (text: string, signed: SignedText) => void;
}): void {
  let prev: string | null = null;
  for (let i = 0; i < args.count; i++) {
    const k = i % args.actors.length;
    const actor = args.actors[k]!;
    const at = new Date(START + i);
    const signed = signAction({
      key: { type: 'ed25519', secret: actor.secret },
      org: args.org ?? ORG,
      // Each actor but the first registers their key (proof of possession) the first time they act.
      kind: i === 0 ? 'org.create' : i < args.actors.length ? 'key.register' : 'charter.amend',
      actor: args.ids[k]!,
      payload: i > 0 && i < args.actors.length ? {} : { charter: args.charterAt(i) },
      head: prev,
      now: at,
    });
    const event = sealEvent({ signed, seq: i, prev, recordedAt: at.toISOString(), sha256Hex });
    prev = event.hash;
    args.line(canonicalJson(event), {
      text: Buffer.from(actionSigningText(signed.action), 'utf8'),
      signature: Buffer.from(signed.signature, 'base64url'),
      key: actor.publicKey,
    });
  }
}

function floor(texts: readonly SignedText[]): void {
  for (const { text, signature, key } of texts) {
    if (!verify(null, text, key, signature)) throw new Error('the floor found a bad signature');
  }
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Milliseconds of CPU this process spent (every thread: the main one, file reads, garbage
 * collection) since `start`. Both sides of the ratio are CPU-bound, and CPU time, unlike wall
 * time, does not count the time other processes on a busy machine took from us.
 */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Full verification of in-memory lines vs the floor on the same texts: µs per event, each. */
async function amendFigures(lines: readonly string[], texts: readonly SignedText[]) {
  const start = process.cpuUsage();
  const result = await verifyLog({ lines, crypto: logCrypto });
  const verifyMs = cpuMs(start);
  if (!result.ok) throw new Error(`the amend log does not verify: ${result.firstBad.reason}`);
  const floorStart = process.cpuUsage();
  floor(texts);
  const floorMs = cpuMs(floorStart);
  return { usPerEvent: (verifyMs * 1000) / lines.length, ratio: floorMs / verifyMs };
}

const benchmark: Benchmark = {
  name: 'verify',
  description: `verify ${EVENTS.toLocaleString('en')} signed events from a JSONL file (read, canonical check, hash, chain, Ed25519, authorization) vs raw Ed25519 crypto.verify of the same messages`,
  async run(log) {
    const actors = makeActors();
    const charter = smallCharter(actors);
    const dir = await mkdtemp(join(tmpdir(), 'devolve-bench-verify-'));
    const file = join(dir, 'log.jsonl');
    try {
      // The log: org.create, then amends that re-state the charter in force: the event is checked
      // in full (encoding, hash, chain, signature, head, nonce), and so is the actor's standing,
      // but no charter has to be re-validated.
      const buildStart = process.hrtime.bigint();
      const lines = await writeLog(file, (line) =>
        buildLog({ count: EVENTS, actors, ids: ACTORS, charterAt: () => charter, line }),
      );
      const bytes = (await stat(file)).size;
      log(
        `built ${EVENTS.toLocaleString('en')} events (${(bytes / 1e6).toFixed(1)} MB) in ${(ms(buildStart) / 1000).toFixed(1)} s`,
      );
      const amends = await measure({ file, texts: lines, log, label: 'amends' });
      const { verifyTimes, floorTimes, ratio: amendRatio } = amends;
      const verifyPerSecond = (EVENTS * 1000) / median(verifyTimes);
      const floorPerSecond = (EVENTS * 1000) / median(floorTimes);
      log(
        `verify (file → verifyLog)  ${Math.round(verifyPerSecond).toLocaleString('en')} events per CPU second`,
      );
      log(
        `raw Ed25519 crypto.verify  ${Math.round(floorPerSecond).toLocaleString('en')} signatures per CPU second`,
      );

      // The vote log: a realistic organization's voting (see bench/voteLog.ts), judged on the same goal.
      const voteFile = join(dir, 'votes.jsonl');
      const voteStart = process.hrtime.bigint();
      let voteEvents = 0;
      const voteTexts = await writeLog(voteFile, (line) => {
        voteEvents = buildVoteLog({ members: VOTERS, votes: EVENTS, line }).events;
      });
      log(
        `built a vote log: ${EVENTS.toLocaleString('en')} votes by ${VOTERS.toLocaleString('en')} members, ${voteEvents.toLocaleString('en')} events (${((await stat(voteFile)).size / 1e6).toFixed(1)} MB) in ${(ms(voteStart) / 1000).toFixed(1)} s`,
      );
      const votes = await measure({ file: voteFile, texts: voteTexts, log, label: 'votes' });
      log(
        `vote log: verify ${Math.round((voteEvents * 1000) / median(votes.verifyTimes)).toLocaleString('en')} events per CPU second, ratio ${votes.ratio.toFixed(3)} goal>=0.7`,
      );

      // Not part of the ratio: what amends that really change the charter cost. Each carries the
      // whole charter, which is validated, resolved and compared unit by unit with the last one.
      const smallLines: string[] = [];
      const smallTexts: SignedText[] = [];
      buildLog({
        count: SMALL_AMENDS,
        actors,
        ids: ACTORS,
        charterAt: (i) => withDescription(charter, 'handbook', `Revision ${i}.`),
        line: (text, signed) => {
          smallLines.push(text);
          smallTexts.push(signed);
        },
      });
      const small = await amendFigures(smallLines, smallTexts);
      log(
        `real amends, 1-unit charter: ${small.usPerEvent.toFixed(0)} µs/event (ratio ${small.ratio.toFixed(3)})`,
      );
      const dao = await daoCharter(actors);
      const daoLines: string[] = [];
      const daoTexts: SignedText[] = [];
      buildLog({
        org: 'lumen-protocol',
        count: DAO_AMENDS,
        actors: actors.slice(0, 2),
        ids: ['mara', 'jonas'],
        charterAt: (i) => withDescription(dao, 'brand', `Brand, revision ${i}.`),
        line: (text, signed) => {
          daoLines.push(text);
          daoTexts.push(signed);
        },
      });
      const daoFigures = await amendFigures(daoLines, daoTexts);
      log(
        `real amends, dao template (${canonicalJson(dao).length} bytes): ${daoFigures.usPerEvent.toFixed(0)} µs/event (ratio ${daoFigures.ratio.toFixed(3)})`,
      );

      // Both logs are held to the goal: the result's ratio is the lower of the two.
      const ratio = Math.min(amendRatio, votes.ratio);
      return {
        name: 'verify',
        ratio,
        goal: '>=0.7',
        line: `RESULT verify ratio=${ratio.toFixed(3)} goal>=0.7 amends=${amendRatio.toFixed(3)} votes=${votes.ratio.toFixed(3)}`,
        figures: {
          amendRatio: Number(amendRatio.toFixed(4)),
          voteRatio: Number(votes.ratio.toFixed(4)),
          voteEvents,
          voteMembers: VOTERS,
          voteVerifyCpuMs: median(votes.verifyTimes),
          voteFloorCpuMs: median(votes.floorTimes),
          events: EVENTS,
          bytes,
          rounds: ROUNDS,
          verifyCpuMs: median(verifyTimes),
          floorCpuMs: median(floorTimes),
          verifyPerSecond: Math.round(verifyPerSecond),
          floorPerSecond: Math.round(floorPerSecond),
          realAmendSmallUsPerEvent: Math.round(small.usPerEvent),
          realAmendSmallRatio: Number(small.ratio.toFixed(4)),
          realAmendDaoUsPerEvent: Math.round(daoFigures.usPerEvent),
          realAmendDaoRatio: Number(daoFigures.ratio.toFixed(4)),
        },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** Writes the lines `build` emits to `file`, in batches; returns what each line's signature covers. */
async function writeLog(
  file: string,
  build: (line: (text: string, signed: SignedText) => void) => void,
): Promise<SignedText[]> {
  const texts: SignedText[] = [];
  const out = createWriteStream(file);
  let batch: string[] = [];
  build((text, signed) => {
    texts.push(signed);
    batch.push(text);
    if (batch.length === 1000) {
      out.write(`${batch.join('\n')}\n`);
      batch = [];
    }
  });
  if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return texts;
}

/**
 * Verifies `file` with `verifyLog` (as `devolve verify` does) and the floor on `texts`, `ROUNDS`
 * times; rounds alternate the two measurements, so a busy machine slows both alike.
 */
async function measure(args: {
  file: string;
  texts: readonly SignedText[];
  log: (line: string) => void;
  label: string;
}) {
  const verifyTimes: number[] = [];
  const floorTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const result = await verifyLog({ lines: readLogFile({ file: args.file }), crypto: logCrypto });
    const verifyWallMs = ms(start);
    const verifyMs = cpuMs(cpuStart);
    if (!result.ok || result.events !== args.texts.length) {
      throw new Error(
        `the ${args.label} log does not verify: ${JSON.stringify(result.ok ? result.events : result.firstBad)}`,
      );
    }
    const floorStart = process.hrtime.bigint();
    const floorCpuStart = process.cpuUsage();
    floor(args.texts);
    const floorWallMs = ms(floorStart);
    const floorMs = cpuMs(floorCpuStart);
    verifyTimes.push(verifyMs);
    floorTimes.push(floorMs);
    ratios.push(floorMs / verifyMs);
    args.log(
      `${args.label} round ${round + 1}: verify ${(verifyMs / 1000).toFixed(2)} s CPU (${(verifyWallMs / 1000).toFixed(2)} s wall), ` +
        `raw Ed25519 ${(floorMs / 1000).toFixed(2)} s CPU (${(floorWallMs / 1000).toFixed(2)} s wall), ratio ${(floorMs / verifyMs).toFixed(3)}`,
    );
  }
  return { verifyTimes, floorTimes, ratio: median(ratios) };
}

/** A copy of `charter` in which unit `unit` has a new description: a change to a founder-level unit. */
function withDescription(charter: Record<string, unknown>, unit: string, description: string): unknown {
  const units = (charter['units'] as { id: string }[]).map((u) =>
    u.id === unit ? { ...u, description } : u,
  );
  return { ...charter, units };
}

export default benchmark;
