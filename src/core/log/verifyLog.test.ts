import { describe, expect, it } from 'vitest';
import {
  copy,
  ed25519Key,
  LogBuilder,
  reseal,
  smallCharter,
  unitOf,
} from '../../../test/support/signedLog.js';
import { logCrypto } from '../../identity/logCrypto.js';
import { canonicalJson } from './canonicalJson.js';
import type { LogEvent } from './LogEvent.js';
import { sealEvent } from './sealEvent.js';
import { type LogLine, verifyLog } from './verifyLog.js';

const keys = { ada: ed25519Key(), ben: ed25519Key(), cyd: ed25519Key() };
const ORG = 'small-coop';

/**
 * org.create by ada, then three real amends of the handbook's description by ada, ben and cyd, each
 * of ben and cyd registering their key (pinned in the charter) just before their first action:
 *
 *   0 org.create ada · 1 amend ada · 2 key.register ben · 3 amend ben · 4 key.register cyd · 5 amend cyd
 */
function smallLog(): LogBuilder {
  const log = new LogBuilder({ org: ORG });
  const charter = smallCharter({ org: ORG, keys });
  log.append({ key: keys.ada, actor: 'ada', kind: 'org.create', payload: { charter } });
  for (const [i, actor] of (['ada', 'ben', 'cyd'] as const).entries()) {
    const next = copy(charter);
    unitOf(next, 'handbook')['description'] = `Revision ${i + 1}.`;
    if (actor !== 'ada') log.register({ key: keys[actor], actor });
    log.append({ key: keys[actor], actor, kind: 'charter.amend', payload: { charter: next } });
  }
  return log;
}

function verify(lines: Iterable<LogLine> | AsyncIterable<LogLine>, expectedHead?: string) {
  return verifyLog({ lines, crypto: logCrypto, expectedHead });
}

function firstBad(result: Awaited<ReturnType<typeof verify>>) {
  if (result.ok) throw new Error('expected the log to fail verification');
  return result.firstBad;
}

/** A line for `event` with `edit` applied to a copy and the hash recomputed: self-consistent. */
function rehashed(
  event: LogEvent,
  edit: (e: { -readonly [K in keyof LogEvent]: LogEvent[K] }) => void,
): string {
  const body = copy(event) as { -readonly [K in keyof LogEvent]: LogEvent[K] };
  edit(body);
  return canonicalJson(
    sealEvent({
      signed: { action: body.action, signature: body.signature },
      seq: body.seq,
      prev: body.prev,
      recordedAt: body.recordedAt,
      sha256Hex: logCrypto.sha256Hex,
    }),
  );
}

describe('verifyLog', () => {
  it('accepts a real log and returns its head and the projected state', async () => {
    const log = smallLog();
    const result = await verify(log.lines());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events).toBe(6);
    expect(result.head).toBe(log.head);
    expect(result.state.id).toBe(ORG);
    expect(result.state.organization.units[0]?.description).toBe('Revision 3.');
  });

  it('reads lines from an async iterable as well', async () => {
    const lines = smallLog().lines();
    async function* stream() {
      yield* lines;
    }
    expect((await verify(stream())).ok).toBe(true);
  });

  it('reports progress every `progressEvery` events and once at the end', async () => {
    const seen: number[] = [];
    await verifyLog({
      lines: smallLog().lines(),
      crypto: logCrypto,
      progressEvery: 4,
      onProgress: (n) => seen.push(n),
    });
    // 6 events: one report after the 4th, one at the end.
    expect(seen).toEqual([4, 6]);
  });

  it('fails an empty log', async () => {
    expect(firstBad(await verify([]))).toMatchObject({ index: 0, id: '(missing)', code: 'log/empty' });
  });

  it('names a line that is not JSON, or not canonical JSON', async () => {
    const lines = smallLog().lines();
    const broken = [...lines];
    broken[2] = lines[2]!.slice(0, -1);
    expect(firstBad(await verify(broken))).toMatchObject({
      index: 2,
      id: '(unparseable)',
      code: 'log/unparseable',
    });
    const spaced = [...lines];
    spaced[1] = JSON.stringify(JSON.parse(lines[1]!), null, 1).replace(/\n/g, '');
    expect(firstBad(await verify(spaced))).toMatchObject({ index: 1, code: 'log/not-canonical' });
  });

  it('refuses every re-encoding of a well-shaped event, wherever in the line it is', async () => {
    const lines = smallLog().lines();
    const line = lines[2]!;
    const event = JSON.parse(line) as LogEvent;
    const escapeFirst = (text: string) =>
      `\\u${text.charCodeAt(0).toString(16).padStart(4, '0')}${text.slice(1)}`;
    const variants = [
      // A string of a plain form written with an escape: the same value, another text.
      line.replace(`"actor":"${event.action.actor}"`, `"actor":"${escapeFirst(event.action.actor)}"`),
      line.replace(`"nonce":"${event.action.nonce}"`, `"nonce":"${escapeFirst(event.action.nonce)}"`),
      line.replace(`"signature":"${event.signature}"`, `"signature":"${escapeFirst(event.signature)}"`),
      // Whitespace, in the action, in the payload and after it.
      line.replace(`"kind":`, `"kind": `),
      line.replace(`"payload":{`, `"payload":{ `),
      line.replace(`,"seq":`, `, "seq":`),
      `${line} `,
      // A number written another way, and the version too.
      line.replace(`"seq":${event.seq}`, `"seq":${event.seq}.0`),
      line.replace(`"v":1}`, `"v":1e0}`),
      // A field written twice (JSON.parse keeps the last): the line is not the encoding of its value.
      line.replace(`"prev":`, `"hash":"${event.hash}","prev":`),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(line);
      expect(JSON.parse(variant)).toEqual(event);
      const tampered = [...lines];
      tampered[2] = variant;
      expect(firstBad(await verify(tampered))).toMatchObject({ index: 2, code: 'log/not-canonical' });
    }
  });

  it('passes an unreadable line on as the bad event', async () => {
    const lines: LogLine[] = smallLog().lines();
    lines[3] = { unreadable: { code: 'log/not-utf8', reason: 'not UTF-8' } };
    expect(firstBad(await verify(lines))).toMatchObject({
      index: 3,
      code: 'log/not-utf8',
      reason: 'not UTF-8',
    });
  });

  it('refuses fields the hash does not cover, even in canonical form', async () => {
    const log = smallLog();
    const lines = log.lines();
    const extra = { ...copy(log.events[1]!), zzz: 1 };
    lines[1] = canonicalJson(extra);
    expect(firstBad(await verify(lines))).toMatchObject({
      index: 1,
      id: log.events[1]!.hash,
      code: 'log/malformed',
    });
  });

  it('checks the hash, the position, the link and the signature', async () => {
    const log = smallLog();
    const [e0, e1, e2] = [log.events[0]!, log.events[1]!, log.events[2]!];
    const lines = log.lines();

    const badHash = [...lines];
    badHash[1] = canonicalJson({ ...e1, recordedAt: '2030-01-01T00:00:00.000Z' });
    expect(firstBad(await verify(badHash))).toMatchObject({ index: 1, id: e1.hash, code: 'log/bad-hash' });

    const badSeq = [...lines];
    badSeq[1] = rehashed(e1, (e) => {
      e.seq = 7;
    });
    expect(firstBad(await verify(badSeq))).toMatchObject({ index: 1, code: 'log/out-of-order' });

    const badPrev = [...lines];
    badPrev[2] = rehashed(e2, (e) => {
      e.prev = e0.hash;
    });
    expect(firstBad(await verify(badPrev))).toMatchObject({ index: 2, code: 'log/broken-chain' });

    const badSignature = [...lines];
    badSignature[2] = rehashed(e2, (e) => {
      e.signature = e1.signature;
    });
    expect(firstBad(await verify(badSignature))).toMatchObject({ index: 2, code: 'log/bad-signature' });
  });

  it("requires each action's head to be an earlier event of this log", async () => {
    const log = smallLog();
    /** The small log, then `actor` amending the charter to the same text against `head`. */
    const amendedAgainst = (actor: 'ben' | 'cyd', head: string) => {
      const next = new LogBuilder({ org: ORG });
      next.events.push(...log.events);
      next.append({
        key: keys[actor],
        actor,
        kind: 'charter.amend',
        payload: log.events[3]!.action.payload,
        head,
      });
      return next;
    };
    // cyd signs against a head that is not in the log at all.
    const stray = amendedAgainst('cyd', 'f'.repeat(64));
    expect(firstBad(await verify(stray.lines()))).toMatchObject({ index: 6, code: 'log/unknown-head' });

    // A head from further back is fine: the actor had not yet seen the latest events.
    const late = amendedAgainst('ben', log.events[1]!.hash);
    expect((await verify(late.lines())).ok).toBe(true);
  });

  it('refuses an action recorded twice (same nonce), even re-sealed onto the chain', async () => {
    const log = smallLog();
    const replayed = new LogBuilder({ org: ORG });
    replayed.events.push(...log.events);
    replayed.seal({ action: log.events[2]!.action, signature: log.events[2]!.signature });
    expect(firstBad(await verify(replayed.lines()))).toMatchObject({ index: 6, code: 'log/replayed-nonce' });
  });

  it("passes applyEvent's refusals on with their codes", async () => {
    const log = smallLog();
    const charter = copy(log.events[0]!.action.payload as { charter: Record<string, unknown> }).charter;
    (charter['roles'] as { members: string[] }[])[0]!.members = ['ada', 'ben'];
    // ada removes cyd from the team: allowed, ada owns the founder-level unit.
    log.append({ key: keys.ada, actor: 'ada', kind: 'charter.amend', payload: { charter } });
    const next = copy(charter);
    unitOf(next as never, 'handbook')['description'] = 'cyd was here';
    // cyd no longer owns anything.
    log.append({ key: keys.cyd, actor: 'cyd', kind: 'charter.amend', payload: { charter: next } });
    expect(firstBad(await verify(log.lines()))).toMatchObject({
      index: 7,
      id: log.events[7]!.hash,
      code: 'action/not-an-owner',
    });
  });

  it('compares the end of the log with an expected head', async () => {
    const log = smallLog();
    expect((await verify(log.lines(), log.head!)).ok).toBe(true);
    const cut = log.lines().slice(0, 3);
    // Without the published head, a log cut short is a valid shorter log…
    expect((await verify(cut)).ok).toBe(true);
    // …with it, the missing event is named: position 3.
    expect(firstBad(await verify(cut, log.head!))).toMatchObject({ index: 3, code: 'log/head-mismatch' });
  });

  it('decides canonical form exactly, integer-like keys included', async () => {
    const log = new LogBuilder({ org: ORG });
    const charter = smallCharter({ org: ORG, keys });
    // JavaScript enumerates "10" before "9"; canonical JSON sorts "10" first by code units too,
    // but "2" after "10": the line must follow canonical order, not the engine's.
    log.append({
      key: keys.ada,
      actor: 'ada',
      kind: 'org.create',
      payload: { charter, note: { '9': 1, '10': 2, '2': 3 } },
    });
    const line = log.lines()[0]!;
    expect(line).toContain('"note":{"10":2,"2":3,"9":1}');
    // In canonical form it passes every format check, and is refused only for what it says: an
    // org.create payload has exactly one field, `charter`.
    expect(firstBad(await verify([line]))).toMatchObject({ index: 0, code: 'action/invalid-payload' });
    const engineOrder = line.replace('"note":{"10":2,"2":3,"9":1}', '"note":{"2":3,"9":1,"10":2}');
    expect(firstBad(await verify([engineOrder]))).toMatchObject({ index: 0, code: 'log/not-canonical' });
  });

  it('re-sealing a chain does not launder a changed action', async () => {
    const log = smallLog();
    const events = copy(log.events);
    (events[2]!.action as { actor: string }).actor = 'cyd';
    const forged = reseal(events).map((e) => canonicalJson(e));
    expect(firstBad(await verify(forged))).toMatchObject({ index: 2, code: 'log/bad-signature' });
  });
});
