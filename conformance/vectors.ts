import { canonicalJson } from '../src/core/log/canonicalJson.js';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { DAY, rehash, signWith, type VectorKey, VectorLog } from './logBuilder.js';
import { type JsonObject, KEYS, ORG, vectorCharter } from './vectorCharter.js';

/**
 * One conformance vector: a log file and the verdict a verifier must reach on it. The verdict is
 * stated by how the vector was built — which line was made bad, and which rule that breaks —
 * never by running a verifier.
 */
export interface Vector {
  readonly id: string;
  readonly description: string;
  /** The rules the vector exercises: for a bad vector, the one its bad line breaks. */
  readonly rules: readonly string[];
  readonly verdict: 'ok' | 'bad';
  /** 1-based: the first bad line. */
  readonly line?: number;
  readonly rule?: string;
  /** Arguments a verifier is given before the log path, e.g. `--head <hash>`. */
  readonly args?: readonly string[];
  /** The log file, exactly as a verifier reads it. */
  readonly content: Buffer;
}

/** The rules every good line passes: the line checks, in order. */
const LINE_RULES = ['L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10'];

type Append = Omit<Parameters<VectorLog['append']>[0], 'key' | 'actor'> & { key?: VectorKey };

/** The log of a vector: a `VectorLog` with the members' keys at hand. */
class Scenario extends VectorLog {
  as(actor: string, kind: string, payload: unknown, extra: Partial<Append> = {}): LogEvent {
    return this.append({ key: KEYS[actor]!, actor, kind, payload, ...extra });
  }
  /** The 1-based line of the last event. */
  get last(): number {
    return this.events.length;
  }
  text(): string {
    return textOf(this.lines());
  }
}

function textOf(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** ada creates the organization; then each of `registered` registers their pinned key. */
function founded(
  seed: string,
  registered: readonly string[] = ['ben', 'cyd', 'dan', 'eve', 'ivy'],
): Scenario {
  const log = new Scenario(ORG, seed);
  log.as('ada', 'org.create', { charter: vectorCharter() });
  for (const member of registered) log.as(member, 'key.register', {});
  return log;
}

const decision = (id: string, unit: string, extra: JsonObject = {}): JsonObject => ({
  id,
  unit,
  kind: 'decision',
  title: `Decide ${id}`,
  subject: { outcome: `The outcome of ${id}.` },
  ...extra,
});

const vote = (proposal: string, choice: string, reason = `Voting ${choice}.`) => ({
  proposal,
  ballot: { choice },
  reason,
});

/** A treasury decision p1 that the team passes: ada, ben and cyd vote for, the period runs out. */
function passedTreasuryDecision(seed: string): Scenario {
  const log = founded(seed);
  log.as('ada', 'proposal.create', decision('p1', 'treasury'));
  for (const member of ['ada', 'ben', 'cyd']) log.as(member, 'vote.cast', vote('p1', 'for'));
  log.advance(3 * DAY);
  return log;
}

/** A grants decision g1 the council passed, standing in its veto window. */
function grantsInVetoWindow(seed: string): Scenario {
  const log = founded(seed);
  log.as('dan', 'proposal.create', decision('g1', 'grants'));
  log.advance(7 * DAY);
  log.as('dan', 'vote.cast', vote('g1', 'for'));
  log.as('eve', 'vote.cast', vote('g1', 'for'));
  log.advance(5 * DAY);
  return log;
}

type Edit = (event: { [key: string]: unknown }) => void;

/** Parses line `index` (0-based), lets `edit` change the event, and writes it back canonically. */
function edited(
  lines: readonly string[],
  index: number,
  edit: (event: { [key: string]: unknown }) => void,
  options: { rehash?: boolean; resign?: VectorKey } = {},
): string[] {
  const event = JSON.parse(lines[index]!) as { [key: string]: unknown };
  edit(event);
  let out = event as unknown as LogEvent;
  if (options.resign !== undefined) out = { ...out, signature: signWith(options.resign, out.action) };
  if (options.rehash === true || options.resign !== undefined) {
    const { hash: _old, ...body } = out;
    out = rehash(body);
  }
  const copyOf = [...lines];
  copyOf[index] = canonicalJson(out);
  return copyOf;
}

function actionOf(event: { [key: string]: unknown }): { [key: string]: unknown } {
  return event['action'] as { [key: string]: unknown };
}

const vectors: Vector[] = [];

function bytes(content: string | Buffer): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

function ok(
  id: string,
  description: string,
  rules: readonly string[],
  content: string | Buffer,
  args?: string[],
): void {
  vectors.push({
    id,
    description,
    rules: [...new Set([...LINE_RULES, ...rules])],
    verdict: 'ok',
    ...(args === undefined ? {} : { args }),
    content: bytes(content),
  });
}

function bad(
  id: string,
  description: string,
  rule: string,
  line: number,
  content: string | Buffer,
  args?: string[],
): void {
  vectors.push({
    id,
    description,
    rules: [rule],
    verdict: 'bad',
    line,
    rule,
    ...(args === undefined ? {} : { args }),
    content: bytes(content),
  });
}

// ── The bytes of a line (L1–L3, L11) ───────────────────────────────────────────────────────────

function lineVectors(): void {
  const base = founded('lines');
  const lines = base.lines();
  const text = base.text();
  ok('line-ok', 'A founded organization: org.create and five key registrations.', ['A1', 'A4'], text);

  const invalidUtf8 = Buffer.from(text, 'utf8');
  const secondLine = invalidUtf8.indexOf(0x0a) + 1;
  // An invalid UTF-8 byte inside the second line's org id (`"org":"conf-coop"`).
  const at = invalidUtf8.indexOf('conf-coop', secondLine);
  invalidUtf8[at] = 0xff;
  bad('line-not-utf8', 'A byte 0xFF inside the second line.', 'L1', 2, invalidUtf8);
  const overlong = Buffer.from(text, 'utf8');
  // 0xC1 0xA1 is an overlong spelling of 'a', never valid UTF-8.
  const a = overlong.indexOf('"ada"', 0);
  overlong[a + 1] = 0xc1;
  bad('line-overlong-utf8', 'An overlong UTF-8 sequence on the first line.', 'L1', 1, overlong);

  bad(
    'line-no-final-newline',
    'The last line does not end with a newline.',
    'L2',
    lines.length,
    text.slice(0, -1),
  );
  bad('line-empty-log', 'An empty file is not a log.', 'L11', 1, '');
  bad(
    'line-blank-line',
    'A blank line after the first.',
    'L3',
    2,
    textOf([lines[0]!, '', ...lines.slice(1)]),
  );
  bad(
    'line-trailing-blank-line',
    'A blank line at the end of the file.',
    'L3',
    lines.length + 1,
    `${text}\n`,
  );
  bad('line-crlf', 'The first line ends with \\r\\n.', 'L3', 1, textOf([`${lines[0]}\r`, ...lines.slice(1)]));
  bad('line-bom', 'A byte-order mark before the first line.', 'L3', 1, `\uFEFF${text}`);
  bad(
    'line-not-json',
    'The third line is not JSON.',
    'L3',
    3,
    textOf([...lines.slice(0, 2), '{"action":', ...lines.slice(3)]),
  );
  bad(
    'line-space',
    'A space after a colon on line 2.',
    'L3',
    2,
    textOf(lines.map((l, i) => (i === 1 ? l.replace('"seq":', '"seq": ') : l))),
  );
  bad(
    'line-keys-unsorted',
    'The keys of line 2 in another order (seq first).',
    'L3',
    2,
    textOf(
      lines.map((l, i) => {
        if (i !== 1) return l;
        const event = JSON.parse(l) as { [key: string]: unknown };
        const { seq, ...rest } = event;
        return JSON.stringify({ seq, ...rest });
      }),
    ),
  );
  bad(
    'line-escaped-letter',
    'A letter of line 2 written as a \\u escape.',
    'L3',
    2,
    textOf(
      lines.map((l, i) => (i === 1 ? l.replace('"kind":"key.register"', '"kind":"key.regis\\u0074er"') : l)),
    ),
  );
  bad(
    'line-number-form',
    'The seq of line 3 written as 2.0.',
    'L3',
    3,
    textOf(lines.map((l, i) => (i === 2 ? l.replace('"seq":2,', '"seq":2.0,') : l))),
  );
  bad(
    'line-duplicate-key',
    'Line 2 carries the seq field twice.',
    'L3',
    2,
    textOf(lines.map((l, i) => (i === 1 ? l.replace('"seq":1,', '"seq":1,"seq":1,') : l))),
  );
  bad(
    'line-escaped-slash',
    'A slash written as \\/ in line 1 (JCS writes it bare).',
    'L3',
    1,
    textOf(lines.map((l, i) => (i === 0 ? l.replace('"kind":"company"', '"kind":"comp\\/any"') : l))),
  );
}

// ── The fields of an event and its action (L4) ─────────────────────────────────────────────────

function shapeVectors(): void {
  const base = founded('shape');
  const lines = base.lines();
  /** Line 2 (key.register by ben) edited and re-hashed: only its shape is wrong. */
  const shape = (id: string, description: string, edit: (event: { [key: string]: unknown }) => void) =>
    bad(id, description, 'L4', 2, textOf(edited(lines, 1, edit, { rehash: false })));
  const field = (name: string, value: unknown) => (event: { [key: string]: unknown }) => {
    actionOf(event)[name] = value;
  };
  shape('shape-extra-event-field', 'The event has a field the format does not name.', (e) => {
    e['note'] = 'x';
  });
  shape('shape-missing-event-field', 'The event has no recordedAt.', (e) => {
    delete e['recordedAt'];
  });
  shape('shape-extra-action-field', 'The action has a field the format does not name.', field('memo', 'x'));
  shape('shape-missing-action-field', 'The action has no nonce.', (e) => {
    delete actionOf(e)['nonce'];
  });
  shape('shape-version-2', 'The action says v 2.', field('v', 2));
  shape('shape-version-string', 'The action says v "1".', field('v', '1'));
  shape('shape-org-upper-case', 'The org id has upper-case letters.', field('org', 'Conf-Coop'));
  shape('shape-org-too-long', 'The org id is 65 characters.', field('org', `c${'o'.repeat(64)}`));
  shape('shape-actor-double-dash', 'The actor id has two dashes in a row.', field('actor', 'ben--x'));
  shape('shape-kind-upper-case', 'The kind has an upper-case letter.', field('kind', 'Key.register'));
  shape(
    'shape-key-ed25519-unused-bits',
    "The ed25519 key's last character has non-zero unused bits (same bytes, another spelling).",
    (e) => {
      const key = actionOf(e)['key'] as string;
      actionOf(e)['key'] = key.slice(0, -1) + nextSpelling(key.at(-1)!, 2);
    },
  );
  shape('shape-key-ed25519-padding', 'The ed25519 key is written with = padding.', (e) => {
    actionOf(e)['key'] = `${actionOf(e)['key'] as string}=`;
  });
  shape(
    'shape-key-short-address',
    'The key is a 0x address of 39 digits.',
    field('key', `0x${'a'.repeat(39)}`),
  );
  shape('shape-nonce-short', 'The nonce has 15 characters.', field('nonce', 'AAAAAAAAAAAAAAA'));
  shape('shape-nonce-plus', 'The nonce has a + (base64, not base64url).', field('nonce', 'AAAAAAAAAAAAAAA+'));
  shape('shape-head-upper-case', "The action's head is upper-case hex.", (e) => {
    actionOf(e)['head'] = (actionOf(e)['head'] as string).toUpperCase();
  });
  shape('shape-prev-short', "The event's prev is 63 hex digits.", (e) => {
    e['prev'] = (e['prev'] as string).slice(1);
  });
  shape('shape-seq-negative', 'The seq is -1.', (e) => {
    e['seq'] = -1;
  });
  shape('shape-seq-fraction', 'The seq is 1.5.', (e) => {
    e['seq'] = 1.5;
  });
  shape('shape-signature-empty', 'The signature is empty.', (e) => {
    e['signature'] = '';
  });
  shape('shape-signature-too-long', 'The signature has 201 characters.', (e) => {
    e['signature'] = 'A'.repeat(201);
  });
  shape('shape-hash-upper-case', 'The hash is upper-case hex.', (e) => {
    e['hash'] = (e['hash'] as string).toUpperCase();
  });
  shape('shape-payload-missing', 'The action has no payload.', (e) => {
    delete actionOf(e)['payload'];
  });
  const instants: readonly (readonly [string, string, string])[] = [
    ['feb-30', '2026-02-30T10:00:00.000Z', '30 February'],
    ['feb-29-common-year', '2026-02-29T10:00:00.000Z', '29 February of a common year'],
    ['month-13', '2026-13-01T10:00:00.000Z', 'month 13'],
    ['month-0', '2026-00-10T10:00:00.000Z', 'month 0'],
    ['day-0', '2026-03-00T10:00:00.000Z', 'day 0'],
    ['april-31', '2026-04-31T10:00:00.000Z', '31 April'],
    ['hour-25', '2026-03-01T25:00:00.000Z', 'hour 25'],
    ['hour-24', '2026-03-01T24:00:00.000Z', 'hour 24'],
    ['minute-60', '2026-03-01T10:60:00.000Z', 'minute 60'],
    ['second-60', '2026-03-01T10:00:60.000Z', 'a leap second (second 60)'],
    ['second-61', '2026-03-01T10:00:61.000Z', 'second 61'],
    ['offset', '2026-03-01T10:00:00.000+00:00', 'an offset instead of Z'],
    ['no-seconds', '2026-03-01T10:00Z', 'no seconds'],
  ];
  for (const [name, value, what] of instants) {
    shape(`shape-issued-at-${name}`, `The action's issuedAt is ${what}.`, field('issuedAt', value));
  }
  shape('shape-recorded-at-feb-30', "The event's recordedAt is 30 February.", (e) => {
    e['recordedAt'] = '2026-02-30T10:00:00.000Z';
  });
  shape('shape-recorded-at-hour-25', "The event's recordedAt is hour 25.", (e) => {
    e['recordedAt'] = '2026-03-01T25:00:00.000Z';
  });
  bad(
    'shape-not-an-object',
    'The second line is a JSON array.',
    'L4',
    2,
    textOf([lines[0]!, '[1,2]', ...lines.slice(2)]),
  );
  ok(
    'shape-leap-day',
    'Events recorded on 29 February of a leap year (2028).',
    ['A1'],
    (() => {
      const log = new Scenario(ORG, 'leap');
      log.advance((Date.parse('2028-02-29T23:59:58.000Z') - Date.parse('2026-03-01T09:00:00.000Z')) / 1000);
      log.as('ada', 'org.create', { charter: vectorCharter() });
      log.as('ben', 'key.register', {});
      return log.text();
    })(),
  );
}

/**
 * The base64url character whose value differs from `char`'s only in the low `bits` unused bits:
 * the same bytes spelt another way.
 */
export function nextSpelling(char: string, bits: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const value = alphabet.indexOf(char);
  return alphabet[value + 1 < value - (value % (1 << bits)) + (1 << bits) ? value + 1 : value - 1]!;
}

// ── The chain: hash, seq, prev, signature, head, nonce (L5–L10, L12) ────────────────────────────

function chainVectors(): void {
  const base = founded('chain');
  const lines = base.lines();
  const text = base.text();
  const n = lines.length;
  /** Line `line` (1-based) edited; its hash recomputed (`forged`) or left as it was (`tampered`). */
  const forged = (id: string, description: string, rule: string, line: number, edit: Edit) =>
    bad(id, description, rule, line, textOf(edited(lines, line - 1, edit, { rehash: true })));
  const tampered = (id: string, description: string, rule: string, line: number, edit: Edit) =>
    bad(id, description, rule, line, textOf(edited(lines, line - 1, edit)));
  tampered(
    'chain-payload-changed',
    "Line 1's charter changed after it was recorded (hash not recomputed).",
    'L5',
    1,
    (e) => {
      const charter = (actionOf(e)['payload'] as { charter: JsonObject }).charter;
      (charter['organization'] as JsonObject)['name'] = 'Another Cooperative';
    },
  );
  tampered(
    'chain-recorded-at-changed',
    "Line 3's recordedAt moved by a second (hash not recomputed).",
    'L5',
    3,
    (e) => {
      e['recordedAt'] = '2026-03-01T09:00:05.000Z';
    },
  );
  tampered('chain-hash-of-another-line', "Line 2 carries line 3's hash.", 'L5', 2, (e) => {
    e['hash'] = JSON.parse(lines[2]!).hash;
  });
  bad(
    'chain-line-deleted',
    'Line 3 deleted: line 4 stands at position 3.',
    'L6',
    3,
    textOf([...lines.slice(0, 2), ...lines.slice(3)]),
  );
  bad(
    'chain-lines-swapped',
    'Lines 3 and 4 swapped.',
    'L6',
    3,
    textOf([...lines.slice(0, 2), lines[3]!, lines[2]!, ...lines.slice(4)]),
  );
  bad(
    'chain-line-repeated',
    'Line 2 written twice.',
    'L6',
    3,
    textOf([...lines.slice(0, 2), lines[1]!, ...lines.slice(2)]),
  );
  forged('chain-prev-forged', "Line 3's prev points at line 1, its hash recomputed.", 'L7', 3, (e) => {
    e['prev'] = JSON.parse(lines[0]!).hash;
  });
  forged('chain-first-prev', "Line 1's prev is not null, its hash recomputed.", 'L7', 1, (e) => {
    e['prev'] = '0'.repeat(64);
  });
  bad(
    'chain-resealed-after-deletion',
    'Line 3 deleted and every later line re-sealed (seq, prev, hash recomputed): the actions still point at the old heads.',
    'L9',
    3,
    (() => {
      let previous = JSON.parse(lines[1]!).hash as string;
      const out = lines.slice(0, 2);
      for (const [i, line] of lines.slice(3).entries()) {
        const event = JSON.parse(line) as LogEvent;
        const sealed = rehash({ ...event, seq: i + 2, prev: previous });
        out.push(canonicalJson(sealed));
        previous = sealed.hash;
      }
      return textOf(out);
    })(),
  );
  forged(
    'sig-payload-changed',
    "Line 2's payload changed and its hash recomputed: the signature no longer matches.",
    'L8',
    2,
    (e) => {
      actionOf(e)['payload'] = { note: 'x' };
    },
  );
  forged('sig-actor-changed', "Line 3's actor changed to ben and its hash recomputed.", 'L8', 3, (e) => {
    actionOf(e)['actor'] = 'ben';
  });
  forged(
    'sig-unused-bits',
    "Line 2's Ed25519 signature spelt with non-zero unused bits in its last character (same bytes).",
    'L8',
    2,
    (e) => {
      const signature = e['signature'] as string;
      e['signature'] = signature.slice(0, -1) + nextSpelling(signature.at(-1)!, 4);
    },
  );
  bad(
    'sig-by-another-key',
    "Line 2 signed by cyd's key while its key field names ben's.",
    'L8',
    2,
    textOf(edited(lines, 1, () => {}, { resign: KEYS['cyd']! })),
  );
  forged(
    'sig-base64-standard',
    "Line 2's signature written in standard base64 with padding.",
    'L8',
    2,
    (e) => {
      e['signature'] = Buffer.from(e['signature'] as string, 'base64url').toString('base64');
    },
  );
  // ivy registers on line 6 (an Ethereum signature).
  forged('sig-ethereum-tampered', "Line 6's Ethereum signature has one byte changed.", 'L8', 6, (e) => {
    const signature = e['signature'] as string;
    e['signature'] = `${signature.slice(0, 10)}${signature[10] === '0' ? '1' : '0'}${signature.slice(11)}`;
  });
  forged(
    'sig-ethereum-high-s',
    "Line 6's Ethereum signature with s replaced by n − s and v flipped (the other encoding of the same signature).",
    'L8',
    6,
    (e) => {
      e['signature'] = highS(e['signature'] as string);
    },
  );
  forged('sig-ethereum-upper-case', "Line 6's Ethereum signature in upper-case hex.", 'L8', 6, (e) => {
    e['signature'] = `0x${(e['signature'] as string).slice(2).toUpperCase()}`;
  });

  const headLog = (seed: string, head: (log: Scenario) => string | null): Scenario => {
    const log = founded(seed, ['ben']);
    log.append({ key: KEYS['cyd']!, actor: 'cyd', kind: 'key.register', payload: {}, head: head(log) });
    return log;
  };
  const unknown = headLog('head-unknown', () => 'f'.repeat(64));
  bad(
    'head-unknown',
    "The action's head is a hash no line of the log has.",
    'L9',
    unknown.last,
    unknown.text(),
  );
  const nullHead = headLog('head-null', () => null);
  bad('head-null-later', 'An action after the first with head null.', 'L9', nullHead.last, nullHead.text());
  const earlier = headLog('head-earlier', (log) => log.events[0]!.hash);
  ok(
    'head-earlier',
    "An action whose head is an earlier line's hash, not the last (the actor had not seen line 2).",
    ['A6'],
    earlier.text(),
  );
  const firstWithHead = new Scenario(ORG, 'head-first');
  firstWithHead.append({
    key: KEYS['ada']!,
    actor: 'ada',
    kind: 'org.create',
    payload: { charter: vectorCharter() },
    head: 'e'.repeat(64),
  });
  bad('head-on-first-line', 'org.create with a head that is not null.', 'L9', 1, firstWithHead.text());

  const replay = founded('nonce-replay', ['ben']);
  const signed = replay.sign({ key: KEYS['cyd']!, actor: 'cyd', kind: 'key.register', payload: {} });
  replay.seal(signed);
  const again = replay.action({ key: KEYS['dan']!, actor: 'dan', kind: 'key.register', payload: {} });
  const reused = { ...again, nonce: signed.action.nonce };
  replay.seal({ action: reused, signature: signWith(KEYS['dan']!, reused) });
  bad(
    'nonce-reused',
    "A later action, well signed, carries an earlier action's nonce.",
    'L10',
    replay.last,
    replay.text(),
  );
  const duplicate = founded('nonce-duplicate', ['ben']);
  const cydRegisters = duplicate.sign({ key: KEYS['cyd']!, actor: 'cyd', kind: 'key.register', payload: {} });
  duplicate.seal(cydRegisters);
  duplicate.seal(cydRegisters);
  bad(
    'nonce-same-action-twice',
    'The same signed action recorded twice.',
    'L10',
    duplicate.last,
    duplicate.text(),
  );

  const head = JSON.parse(lines.at(-1)!).hash as string;
  ok('head-published', 'The log ends at the head given with --head.', ['L12'], text, ['--head', head]);
  bad(
    'head-truncated',
    'The last line removed; --head names the removed line.',
    'L12',
    n,
    textOf(lines.slice(0, -1)),
    ['--head', head],
  );
  bad('head-other', '--head names a hash that is not the last line’s.', 'L12', n + 1, text, [
    '--head',
    JSON.parse(lines[2]!).hash,
  ]);
}

/** The same ECDSA signature with s replaced by n − s (and v flipped): valid math, not the one encoding. */
function highS(signature: string): string {
  const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
  const r = signature.slice(2, 66);
  const s = BigInt(`0x${signature.slice(66, 130)}`);
  const v = Number.parseInt(signature.slice(130, 132), 16);
  return `0x${r}${(N - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}`;
}

export {
  bad,
  chainVectors,
  decision,
  edited,
  founded,
  grantsInVetoWindow,
  lineVectors,
  ok,
  passedTreasuryDecision,
  Scenario,
  shapeVectors,
  textOf,
  vectors,
  vote,
};
