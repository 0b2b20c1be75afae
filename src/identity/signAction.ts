import { randomBytes } from 'node:crypto';
import type { Action, SignedAction } from '../core/log/Action.js';
import { actionSigningText } from '../core/log/Action.js';
import { ed25519PublicKeyOf, signEd25519 } from './ed25519.js';

/** A key able to sign: today an Ed25519 secret seed (base64url). */
export interface SigningKey {
  readonly type: 'ed25519';
  readonly secret: string;
}

/**
 * Builds and signs an action: fills in the format version, the signer's public key, a fresh
 * nonce and the issue time.
 *
 * @example
 * signAction({ key, org: 'lumen-protocol', kind: 'charter.amend', actor: 'mara', payload, head, now: new Date() })
 */
export function signAction<P>(args: {
  key: SigningKey;
  org: string;
  kind: string;
  actor: string;
  payload: P;
  head: string | null;
  now: Date;
}): SignedAction<P> {
  const action: Action<P> = {
    v: 1,
    org: args.org,
    kind: args.kind,
    actor: args.actor,
    key: ed25519PublicKeyOf(args.key.secret),
    payload: args.payload,
    head: args.head,
    nonce: randomBytes(16).toString('base64url'),
    issuedAt: args.now.toISOString(),
  };
  return { action, signature: signEd25519({ secret: args.key.secret, text: actionSigningText(action) }) };
}
