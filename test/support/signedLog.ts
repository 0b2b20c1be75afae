import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { SignedAction } from '../../src/core/log/Action.js';
import { canonicalJson } from '../../src/core/log/canonicalJson.js';
import type { LogEvent } from '../../src/core/log/LogEvent.js';
import { sealEvent } from '../../src/core/log/sealEvent.js';
import { generateEd25519 } from '../../src/identity/ed25519.js';
import { sha256Hex } from '../../src/identity/sha256.js';
import { publicIdentityOf, type SigningKey, signAction } from '../../src/identity/signAction.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A new Ed25519 signing key. */
export function ed25519Key(): SigningKey {
  return { type: 'ed25519', secret: generateEd25519().secret };
}

export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** templates/dao.yaml as the JSON an `org.create` carries, with `keys` pinned for their members. */
export function daoCharter(args: { org?: string; keys: Readonly<Record<string, SigningKey>> }): JsonObject {
  const text = readFileSync(new URL('../../templates/dao.yaml', import.meta.url), 'utf8');
  const charter = copy(parse(text) as JsonObject);
  if (args.org !== undefined) (charter['organization'] as JsonObject)['id'] = args.org;
  for (const member of charter['members'] as JsonObject[]) {
    const key = args.keys[member['id'] as string];
    if (key !== undefined) member['key'] = publicIdentityOf(key);
  }
  return charter;
}

/** A one-unit charter: members with pinned keys, all in one team that owns a founder-level unit. */
export function smallCharter(args: { org: string; keys: Readonly<Record<string, SigningKey>> }): JsonObject {
  const ids = Object.keys(args.keys);
  return {
    devolve: 1,
    organization: { id: args.org, name: 'Small Cooperative', kind: 'company' },
    members: ids.map((id) => ({ id, name: id.toUpperCase(), key: publicIdentityOf(args.keys[id]!) })),
    roles: [{ id: 'team', name: 'Team', scope: 'team', members: ids }],
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

export function unitOf(charter: JsonObject, id: string): JsonObject {
  const unit = (charter['units'] as JsonObject[]).find((u) => u['id'] === id);
  if (unit === undefined) throw new Error(`no unit ${id}`);
  return unit;
}

/**
 * Builds a log the way the store does — sign, then seal onto the head — for tests that need real
 * signed events. Times advance a second per event from a fixed start, so runs are repeatable.
 */
export class LogBuilder {
  readonly events: LogEvent[] = [];
  readonly org: string;
  private readonly start: number;

  constructor(args: { org: string; start?: string }) {
    this.org = args.org;
    this.start = Date.parse(args.start ?? '2026-03-01T09:00:00.000Z');
  }

  get head(): string | null {
    return this.events.at(-1)?.hash ?? null;
  }

  /** The time of the next event. */
  now(): Date {
    return new Date(this.start + this.events.length * 1000);
  }

  sign(args: {
    key: SigningKey;
    actor: string;
    kind: string;
    payload: unknown;
    head?: string | null;
  }): SignedAction {
    return signAction({
      key: args.key,
      org: this.org,
      kind: args.kind,
      actor: args.actor,
      payload: args.payload,
      head: args.head === undefined ? this.head : args.head,
      now: this.now(),
    });
  }

  /** Seals an already signed action onto the log, as the store would, whatever it says. */
  seal(signed: SignedAction): LogEvent {
    const event = sealEvent({
      signed,
      seq: this.events.length,
      prev: this.head,
      recordedAt: this.now().toISOString(),
      sha256Hex,
    });
    this.events.push(event);
    return event;
  }

  append(args: {
    key: SigningKey;
    actor: string;
    kind: string;
    payload: unknown;
    head?: string | null;
  }): LogEvent {
    return this.seal(this.sign(args));
  }

  /** A member registers `key` as their own: `key.register`, signed with that key. */
  register(args: { key: SigningKey; actor: string }): LogEvent {
    return this.append({ ...args, kind: 'key.register', payload: {} });
  }

  lines(): string[] {
    return this.events.map((event) => canonicalJson(event));
  }

  /** The export: one canonical JSON event per line, each ending in `\n`. */
  jsonl(): string {
    return this.lines()
      .map((line) => `${line}\n`)
      .join('');
  }
}

/** Re-seals `events` as a fresh chain from 0, the way a forger who recomputes every hash would. */
export function reseal(events: readonly LogEvent[]): LogEvent[] {
  const out: LogEvent[] = [];
  for (const event of events) {
    out.push(
      sealEvent({
        signed: { action: event.action, signature: event.signature },
        seq: out.length,
        prev: out.at(-1)?.hash ?? null,
        recordedAt: event.recordedAt,
        sha256Hex,
      }),
    );
  }
  return out;
}
