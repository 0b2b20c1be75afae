import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePrivateKey } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalFromJson } from '../src/core/governance/lifecycle/proposalJson.js';
import { canonicalJson } from '../src/core/log/canonicalJson.js';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { type LogVerification, verifyLog } from '../src/core/log/verifyLog.js';
import { logCrypto } from '../src/identity/logCrypto.js';
import type { SigningKey } from '../src/identity/signAction.js';
import { verifyActionSignature } from '../src/identity/verifyActionSignature.js';
import { readLogFile } from '../src/log/readLogFile.js';
import { DAY, GRANTS_COMMITTEE, governedLumen, treasuryEvidence } from './support/governedLog.js';
import { seededRandom } from './support/seededRandom.js';
import {
  copy,
  daoCharter,
  ed25519Key,
  type JsonObject,
  LogBuilder,
  reseal,
  smallCharter,
  unitOf,
} from './support/signedLog.js';

/**
 * The promise of `devolve verify`: whoever holds an exported log can tell whether anyone changed
 * it. Each test takes a real log — real charter, real Ed25519 and EIP-712 signatures — tampers
 * with it the way an operator or an attacker could, writes it to a file, and requires `verify`
 * to fail naming the event that was touched.
 */
const keys = { mara: ed25519Key(), jonas: ed25519Key(), priya: ed25519Key() };
const ORG = 'lumen-protocol';

let dir: string;
let fileCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devolve-tamper-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `bytes` to a fresh file and verifies it as `devolve verify` does. */
async function verifyBytes(bytes: Buffer | string, expectedHead?: string): Promise<LogVerification> {
  const file = join(dir, `log-${fileCount++}.jsonl`);
  await writeFile(file, bytes);
  try {
    return await verifyLog({ lines: readLogFile({ file }), crypto: logCrypto, expectedHead });
  } finally {
    await rm(file, { force: true });
  }
}

function jsonl(events: readonly LogEvent[]): string {
  return events.map((event) => `${canonicalJson(event)}\n`).join('');
}

function bad(result: LogVerification) {
  if (result.ok) throw new Error('the tampered log verified');
  return result.firstBad;
}

/**
 * The Lumen Protocol log: mara creates the organization from templates/dao.yaml (with keys pinned
 * for mara, jonas and priya), jonas registers his, then the founders amend `brand` — the one unit
 * at founder level — and add a unit of their own.
 *
 *   0 org.create     mara
 *   1 key.register   jonas
 *   2 charter.amend  jonas  brand: target lowered to transparent (a governance change)
 *   3 charter.amend  mara   a new founder-level unit `docs`
 *   4 charter.amend  jonas  docs: new description
 */
function lumenLog(args: { org?: string; keys?: Readonly<Record<string, SigningKey>> } = {}): {
  log: LogBuilder;
  charter: JsonObject;
} {
  const org = args.org ?? ORG;
  const signers = args.keys ?? keys;
  const log = new LogBuilder({ org });
  let charter = daoCharter({ org, keys: signers });
  const amend = (actor: 'mara' | 'jonas', edit: (c: JsonObject) => void) => {
    charter = copy(charter);
    edit(charter);
    log.append({ key: signers[actor]!, actor, kind: 'charter.amend', payload: { charter } });
  };
  log.append({ key: signers['mara']!, actor: 'mara', kind: 'org.create', payload: { charter } });
  log.register({ key: signers['jonas']!, actor: 'jonas' });
  amend('jonas', (c) => {
    unitOf(c, 'brand')['target'] = 'transparent';
  });
  amend('mara', (c) => {
    (c['units'] as JsonObject[]).push({
      id: 'docs',
      name: 'Documentation',
      dimension: 'community',
      description: 'The protocol docs site.',
      owners: ['founders'],
      level: 'founder',
      target: 'consultative',
    });
  });
  amend('jonas', (c) => {
    unitOf(c, 'docs')['description'] = 'The protocol docs site and its translations — 日本語, Français.';
  });
  return { log, charter };
}

/** Where each line starts and ends (its `\n` included) in the export. */
function lineSpans(text: Buffer): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === 0x0a) {
      spans.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  return spans;
}

function flipped(bytes: Buffer, position: number, mask: number): Buffer {
  const out = Buffer.from(bytes);
  out[position] = out[position]! ^ mask;
  return out;
}

const lumen = lumenLog();
const exported = Buffer.from(lumen.log.jsonl(), 'utf8');
const events = lumen.log.events;

describe('an untouched log', () => {
  it('verifies, and ends at the head the store reported', async () => {
    const result = await verifyBytes(exported, lumen.log.head!);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events).toBe(5);
    expect(result.head).toBe(events[4]!.hash);
    expect(result.state.organization.name).toBe('Lumen Protocol');
    expect(result.state.organization.units.map((u) => u.id)).toContain('docs');
  });
});

describe('flipping a byte', () => {
  it('anywhere in a short event line is caught at that event', async () => {
    // A one-unit organization keeps the lines short enough to flip every byte, three ways.
    const small = new LogBuilder({ org: 'small-coop' });
    const smallKeys = { ada: ed25519Key(), ben: ed25519Key() };
    const charter = smallCharter({ org: 'small-coop', keys: smallKeys });
    small.append({ key: smallKeys.ada, actor: 'ada', kind: 'org.create', payload: { charter } });
    small.register({ key: smallKeys.ben, actor: 'ben' });
    small.append({ key: smallKeys.ben, actor: 'ben', kind: 'charter.amend', payload: { charter } });
    small.append({ key: smallKeys.ada, actor: 'ada', kind: 'charter.amend', payload: { charter } });
    const bytes = Buffer.from(small.jsonl(), 'utf8');
    const target = lineSpans(bytes)[1]!;
    expect((await verifyBytes(bytes)).ok).toBe(true);
    let flips = 0;
    for (let position = target.start; position < target.end; position++) {
      // Lowest bit, letter case, and the top bit (which breaks UTF-8).
      for (const mask of [0x01, 0x20, 0x80]) {
        const found = bad(await verifyBytes(flipped(bytes, position, mask)));
        if (found.index !== 1) {
          throw new Error(
            `byte ${position} ^ 0x${mask.toString(16)} was blamed on event ${found.index}: ${found.reason}`,
          );
        }
        flips++;
      }
    }
    expect(flips).toBe((target.end - target.start) * 3);
  });

  it('at random positions over the whole file is caught at the event holding that byte', async () => {
    const spans = lineSpans(exported);
    const next = seededRandom(20260301);
    for (let trial = 0; trial < 150; trial++) {
      const position = Math.floor(next() * exported.length);
      const mask = 1 + Math.floor(next() * 255);
      const index = spans.findIndex((span) => position >= span.start && position < span.end);
      const found = bad(await verifyBytes(flipped(exported, position, mask)));
      expect({ position, mask, index: found.index }).toEqual({ position, mask, index });
      expect(found.code).toMatch(/^log\//);
    }
  });

  it('in the last newline, or adding one at the end, is caught', async () => {
    const lastNewline = exported.length - 1;
    expect(bad(await verifyBytes(exported.subarray(0, lastNewline)))).toMatchObject({
      index: 4,
      code: 'log/unterminated',
    });
    expect(bad(await verifyBytes(flipped(exported, lastNewline, 0x07)))).toMatchObject({ index: 4 });
    expect(bad(await verifyBytes(Buffer.concat([exported, Buffer.from('\n')])))).toMatchObject({
      index: 5,
      code: 'log/unparseable',
    });
  });
});

describe('moving, deleting and inserting events', () => {
  it('reordering two events is caught at the first moved', async () => {
    const swapped = [events[0]!, events[3]!, events[2]!, events[1]!, events[4]!];
    expect(bad(await verifyBytes(jsonl(swapped)))).toMatchObject({
      index: 1,
      id: events[3]!.hash,
      code: 'log/out-of-order',
    });
    const adjacent = [events[0]!, events[1]!, events[3]!, events[2]!, events[4]!];
    expect(bad(await verifyBytes(jsonl(adjacent)))).toMatchObject({ index: 2, id: events[3]!.hash });
  });

  it('deleting an event is caught where it was', async () => {
    for (const gone of [0, 2, 3]) {
      const rest = events.filter((_, i) => i !== gone);
      expect(bad(await verifyBytes(jsonl(rest)))).toMatchObject({
        index: gone,
        id: events[gone + 1]!.hash,
        code: 'log/out-of-order',
      });
    }
  });

  it('deleting the last event is caught against the published head', async () => {
    const cut = jsonl(events.slice(0, 4));
    expect((await verifyBytes(cut)).ok).toBe(true);
    expect(bad(await verifyBytes(cut, lumen.log.head!))).toMatchObject({
      index: 4,
      code: 'log/head-mismatch',
    });
  });

  it('inserting a copy of an event is caught where it was inserted', async () => {
    const copyAt3 = [...events.slice(0, 3), events[1]!, ...events.slice(3)];
    expect(bad(await verifyBytes(jsonl(copyAt3)))).toMatchObject({
      index: 3,
      id: events[1]!.hash,
      code: 'log/out-of-order',
    });
    const copyAtEnd = [...events, events[4]!];
    expect(bad(await verifyBytes(jsonl(copyAtEnd)))).toMatchObject({ index: 5, code: 'log/out-of-order' });
  });

  it('inserting a validly signed event from another log is caught, even with every hash recomputed', async () => {
    // The same founders run a second organization; an attacker splices one of its signed actions
    // into this log and re-seals the whole chain so every seq, prev and hash lines up.
    const other = lumenLog({ org: 'lumen-labs' }).log.events;
    const spliced = reseal([...events.slice(0, 3), other[1]!, ...events.slice(3)]);
    const found = bad(await verifyBytes(jsonl(spliced)));
    expect(found).toMatchObject({ index: 3, id: spliced[3]!.hash });
    // Signed against the other log's head, for the other organization.
    expect(found.code).toBe('log/unknown-head');
  });

  it('re-sealing the chain after changing an event does not hide the change', async () => {
    const changed = copy(events) as LogEvent[];
    const charter = (changed[2]!.action.payload as { charter: JsonObject }).charter;
    unitOf(charter, 'brand')['target'] = 'founder';
    const found = bad(await verifyBytes(jsonl(reseal(changed))));
    expect(found).toMatchObject({ index: 2, code: 'log/bad-signature' });
  });
});

describe('signatures bound to their organization and actor', () => {
  it('a valid signature from organization A is rejected in organization B', async () => {
    const b = lumenLog({ org: 'lumen-b' }).log;
    const fromA = events[1]!;
    expect(verifyActionSignature(fromA)).toBe(true);

    // Replayed as is onto B's log: it was made against A's history, not B's.
    const replayed = new LogBuilder({ org: 'lumen-b' });
    replayed.events.push(...b.events);
    replayed.seal({ action: fromA.action, signature: fromA.signature });
    expect(bad(await verifyBytes(replayed.jsonl()))).toMatchObject({ index: 5, code: 'log/unknown-head' });

    // Rewritten to name B and B's head: the signature no longer matches.
    const rewritten = new LogBuilder({ org: 'lumen-b' });
    rewritten.events.push(...b.events);
    const action = { ...fromA.action, org: 'lumen-b', head: b.head };
    expect(verifyActionSignature({ action, signature: fromA.signature })).toBe(false);
    rewritten.seal({ action, signature: fromA.signature });
    expect(bad(await verifyBytes(rewritten.jsonl()))).toMatchObject({ index: 5, code: 'log/bad-signature' });
  });

  it("an action claiming to be jonas's but signed with mara's key is rejected", async () => {
    const charter = copy(lumen.charter);
    unitOf(charter, 'brand')['description'] = 'Forged.';
    // mara signs honestly with her own key but names jonas as the actor.
    const claimed = new LogBuilder({ org: ORG });
    claimed.events.push(...events);
    claimed.append({ key: keys.mara, actor: 'jonas', kind: 'charter.amend', payload: { charter } });
    expect(bad(await verifyBytes(claimed.jsonl()))).toMatchObject({ index: 5, code: 'action/wrong-key' });

    // The same, with jonas's public key written in: mara's signature does not verify under it.
    const forged = new LogBuilder({ org: ORG });
    forged.events.push(...events);
    const signed = forged.sign({
      key: keys.mara,
      actor: 'jonas',
      kind: 'charter.amend',
      payload: { charter },
    });
    const jonasKey = events[2]!.action.key;
    forged.seal({ action: { ...signed.action, key: jonasKey }, signature: signed.signature });
    expect(bad(await verifyBytes(forged.jsonl()))).toMatchObject({ index: 5, code: 'log/bad-signature' });
  });

  it('a member acting where they have no right is rejected, as the store would', async () => {
    // priya registers her key, but does not own brand; upgrades is above founder level.
    const byPriya = copy(lumen.charter);
    unitOf(byPriya, 'brand')['target'] = 'community';
    const notOwner = new LogBuilder({ org: ORG });
    notOwner.events.push(...events);
    notOwner.register({ key: keys.priya, actor: 'priya' });
    notOwner.append({
      key: keys.priya,
      actor: 'priya',
      kind: 'charter.amend',
      payload: { charter: byPriya },
    });
    expect(bad(await verifyBytes(notOwner.jsonl()))).toMatchObject({ index: 6, code: 'action/not-an-owner' });

    const ratchet = copy(lumen.charter);
    unitOf(ratchet, 'upgrades')['target'] = 'founder';
    const backwards = new LogBuilder({ org: ORG });
    backwards.events.push(...events);
    backwards.append({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter: ratchet } });
    expect(bad(await verifyBytes(backwards.jsonl()))).toMatchObject({
      index: 5,
      code: 'action/proposal-required',
    });

    // Moving a level by amend is refused outright: levels move only by executed slider moves.
    const lowered = copy(lumen.charter);
    unitOf(lowered, 'upgrades')['level'] = 'founder';
    const byAmend = new LogBuilder({ org: ORG });
    byAmend.events.push(...events);
    byAmend.append({ key: keys.mara, actor: 'mara', kind: 'charter.amend', payload: { charter: lowered } });
    expect(bad(await verifyBytes(byAmend.jsonl()))).toMatchObject({ index: 5, code: 'action/level-change' });
  });
});

describe('Ethereum accounts (EIP-712)', () => {
  const wallets: Record<string, SigningKey> = {
    mara: { type: 'ethereum', privateKey: generatePrivateKey() },
    jonas: ed25519Key(),
    priya: ed25519Key(),
  };
  const eth = lumenLog({ org: 'lumen-eth', keys: wallets });

  it('a log signed partly with an Ethereum account verifies', async () => {
    expect(eth.log.events[0]!.action.key).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(eth.log.events[0]!.signature).toMatch(/^0x[0-9a-f]{130}$/);
    const result = await verifyBytes(eth.log.jsonl());
    expect(result.ok).toBe(true);
  });

  it('a tampered EIP-712-signed action does not, even re-sealed', async () => {
    const changed = copy(eth.log.events) as LogEvent[];
    (changed[3]!.action as { issuedAt: string }).issuedAt = '2020-01-01T00:00:00.000Z';
    expect(changed[3]!.action.key).toBe(eth.log.events[0]!.action.key);
    expect(bad(await verifyBytes(jsonl(reseal(changed))))).toMatchObject({
      index: 3,
      code: 'log/bad-signature',
    });
  });
});

describe('tampering with decisions', () => {
  /**
   * A grant decided on the delegated `grants` unit (two-day timelock after the team's veto window)
   * and a treasury move voted down, then the grant executed once its timelock is over.
   */
  function decided() {
    const lumen = governedLumen({
      org: 'lumen-decided',
      prepare: (charter) => {
        unitOf(charter, 'grants')['policies'] = { delegated: { timelock: 'P2D' } };
      },
    });
    lumen.as('elena', 'proposal.create', {
      id: 'grant',
      unit: 'grants',
      kind: 'decision',
      title: 'Fund the indexer',
      subject: { outcome: 'Pay 30k LUM to the indexer team' },
    });
    lumen.as('mara', 'proposal.create', {
      id: 'move',
      unit: 'treasury',
      kind: 'slider-move',
      title: 'Treasury becomes consultative',
      subject: { to: 'consultative', evidence: treasuryEvidence(['treasury-dashboard']) },
    });
    lumen.vote('move', ['mara'], 'for');
    lumen.vote('move', ['jonas', 'priya'], 'against');
    lumen.advance(7 * DAY);
    lumen.vote('grant', GRANTS_COMMITTEE, 'for');
    lumen.advance(5 * DAY + 3 * DAY + 2 * DAY);
    lumen.as('elena', 'proposal.execute', { proposal: 'grant' });
    return { events: lumen.log.events };
  }

  it('the untouched log verifies, with the grant executed and the move rejected', async () => {
    const { events } = decided();
    const result = await verifyBytes(jsonl(events));
    if (!result.ok) throw new Error(result.firstBad.reason);
    expect(proposalFromJson(result.state.proposals['grant']).executedAt).toBeDefined();
    expect(result.state.levels['treasury']).toBe(1);
  });

  it.each([
    {
      what: 'a changed vote',
      kind: 'vote.cast',
      actor: 'jonas',
      edit: (payload: JsonObject) => {
        payload['ballot'] = { choice: 'for' };
      },
    },
    {
      what: 'a changed outcome',
      kind: 'proposal.create',
      actor: 'elena',
      edit: (payload: JsonObject) => {
        payload['subject'] = { outcome: 'Pay 300k LUM' };
      },
    },
  ])('$what is caught at that event, even with the chain re-sealed', async ({ kind, actor, edit }) => {
    const { events } = decided();
    const changed = copy(events) as LogEvent[];
    const index = events.findIndex((e) => e.action.kind === kind && e.action.actor === actor);
    edit(changed[index]!.action.payload as JsonObject);
    expect(bad(await verifyBytes(jsonl(reseal(changed))))).toMatchObject({
      index,
      code: 'log/bad-signature',
    });
  });

  it('a vote moved past the close of voting, to flip the result, is refused at that vote', async () => {
    const { events } = decided();
    const changed = copy(events) as LogEvent[];
    const index = events.findIndex((e) => e.action.kind === 'vote.cast' && e.action.actor === 'priya');
    // Every later event keeps its time; this one claims to be recorded after voting closed.
    const late = new Date(Date.parse(changed[index]!.recordedAt) + 3 * DAY * 1000).toISOString();
    (changed[index] as { recordedAt: string }).recordedAt = late;
    const found = bad(await verifyBytes(jsonl(reseal(changed))));
    expect(found).toMatchObject({ index, code: 'proposal/wrong-phase' });
  });

  it('an execution moved back into the timelock is refused at the execution', async () => {
    const { events } = decided();
    const changed = copy(events) as LogEvent[];
    const index = changed.length - 1;
    const early = new Date(Date.parse(changed[index]!.recordedAt) - 1 * DAY * 1000).toISOString();
    (changed[index] as { recordedAt: string }).recordedAt = early;
    const found = bad(await verifyBytes(jsonl(reseal(changed))));
    expect(found).toMatchObject({ index, code: 'proposal/wrong-phase' });
    expect(found.reason).toContain('timelock');
  });
});
