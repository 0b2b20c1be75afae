import { createHash } from 'node:crypto';
import { type Action, actionSigningText, type SignedAction } from '../src/core/log/Action.js';
import { canonicalJson } from '../src/core/log/canonicalJson.js';
import { eventHashText, type LogEvent } from '../src/core/log/LogEvent.js';
import { sealEvent } from '../src/core/log/sealEvent.js';
import { ed25519PublicKeyOf, signEd25519 } from '../src/identity/ed25519.js';
import { ethereumAddressOf, signActionEip712 } from '../src/identity/eip712.js';
import { sha256Hex } from '../src/identity/sha256.js';

/** Bytes derived from a label, so every key and nonce of the vectors is the same on every run. */
export function derivedBytes(label: string): Buffer {
  return createHash('sha256').update(`devolve/conformance/${label}`).digest();
}

/** A key of the vectors, derived from its name: Ed25519 (a seed) or Ethereum (a private key). */
export type VectorKey =
  | { readonly type: 'ed25519'; readonly secret: string; readonly identity: string }
  | { readonly type: 'ethereum'; readonly privateKey: string; readonly identity: string };

export function ed25519Key(name: string): VectorKey {
  const secret = derivedBytes(`key/${name}`).toString('base64url');
  return { type: 'ed25519', secret, identity: ed25519PublicKeyOf(secret) };
}

export function ethereumKey(name: string): VectorKey {
  const privateKey = `0x${derivedBytes(`key/${name}`).toString('hex')}`;
  return { type: 'ethereum', privateKey, identity: ethereumAddressOf(privateKey) };
}

/** Signs `action` with `key`, as a member's client would. */
export function signWith(key: VectorKey, action: Action): string {
  return key.type === 'ed25519'
    ? signEd25519({ secret: key.secret, text: actionSigningText(action) })
    : signActionEip712({ privateKey: key.privateKey, action });
}

/** The hash an event would have: for a forger who recomputes it after an edit. */
export function rehash(event: Omit<LogEvent, 'hash'>): LogEvent {
  return { ...event, hash: sha256Hex(eventHashText(event)) };
}

export const START = Date.parse('2026-03-01T09:00:00.000Z');
export const DAY = 86_400;

/**
 * Builds a log the way the store does — sign, then seal onto the head — with everything fixed:
 * keys derived from names, nonces from the log's seed and a counter, and a clock that starts at
 * 2026-03-01T09:00:00Z and advances one second per event (or as told), so that the vectors come
 * out byte-identical on every run.
 */
export class VectorLog {
  readonly events: LogEvent[] = [];
  private clock = START;
  private nonces = 0;

  constructor(
    readonly org: string,
    private readonly seed: string,
  ) {}

  get head(): string | null {
    return this.events.at(-1)?.hash ?? null;
  }

  /** Moves the clock on by `seconds`. */
  advance(seconds: number): void {
    this.clock += seconds * 1000;
  }

  nextNonce(): string {
    this.nonces += 1;
    return derivedBytes(`nonce/${this.seed}/${this.nonces}`).subarray(0, 16).toString('base64url');
  }

  action(args: {
    key: VectorKey;
    actor: string;
    kind: string;
    payload: unknown;
    head?: string | null;
    identity?: string;
  }): Action {
    return {
      v: 1,
      org: this.org,
      kind: args.kind,
      actor: args.actor,
      key: args.identity ?? args.key.identity,
      payload: args.payload,
      head: args.head === undefined ? this.head : args.head,
      nonce: this.nextNonce(),
      issuedAt: new Date(this.clock).toISOString(),
    };
  }

  sign(args: Parameters<VectorLog['action']>[0]): SignedAction {
    const action = this.action(args);
    return { action, signature: signWith(args.key, action) };
  }

  /** Seals a signed action onto the log, whatever it says, and moves the clock on a second. */
  seal(signed: SignedAction): LogEvent {
    const event = sealEvent({
      signed,
      seq: this.events.length,
      prev: this.head,
      recordedAt: new Date(this.clock).toISOString(),
      sha256Hex,
    });
    this.events.push(event);
    this.clock += 1000;
    return event;
  }

  append(args: Parameters<VectorLog['action']>[0]): LogEvent {
    return this.seal(this.sign(args));
  }

  lines(): string[] {
    return this.events.map((event) => canonicalJson(event));
  }
}
