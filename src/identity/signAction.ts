import { randomBytes } from 'node:crypto';
import type { Action, SignedAction } from '../core/log/Action.js';
import { actionSigningText } from '../core/log/Action.js';
import { sameIdentity } from '../core/log/sameIdentity.js';
import { ed25519PublicKeyOf, signEd25519 } from './ed25519.js';
import { ethereumAddressOf, signActionEip712 } from './eip712.js';

/**
 * A key able to sign: an Ed25519 secret seed (base64url, 32 bytes) or an Ethereum account's
 * private key (0x and 64 hex digits). Both are what the key file stores as an entry's `secret`.
 */
export type SigningKey =
  | { readonly type: 'ed25519'; readonly secret: string }
  | { readonly type: 'ethereum'; readonly privateKey: string };

/**
 * The public identity a key signs as — `ed25519:<base64url>` or the account's checksummed 0x
 * address — which is what a charter's `members[].key` and every action's `key` carry.
 *
 * @example
 * publicIdentityOf({ type: 'ed25519', secret }) // 'ed25519:…'
 */
export function publicIdentityOf(key: SigningKey): string {
  return key.type === 'ed25519' ? ed25519PublicKeyOf(key.secret) : ethereumAddressOf(key.privateKey);
}

/**
 * Builds and signs an action: fills in the format version, the signer's public identity, a fresh
 * nonce and the issue time. Ed25519 keys sign `actionSigningText`; Ethereum keys sign the EIP-712
 * typed data (`actionTypedData`), as a wallet would.
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
  /**
   * The signer's identity as the organization spells it, when it spells it otherwise (an
   * Ethereum address written in lower case): it must name the same key.
   */
  identity?: string | undefined;
}): SignedAction<P> {
  const { key } = args;
  const own = publicIdentityOf(key);
  if (args.identity !== undefined && !sameIdentity(args.identity, own)) {
    throw new RangeError(`${args.identity} is not the identity of the signing key (${own})`);
  }
  const action: Action<P> = {
    v: 1,
    org: args.org,
    kind: args.kind,
    actor: args.actor,
    key: args.identity ?? own,
    payload: args.payload,
    head: args.head,
    nonce: randomBytes(16).toString('base64url'),
    issuedAt: args.now.toISOString(),
  };
  const signature =
    key.type === 'ed25519'
      ? signEd25519({ secret: key.secret, text: actionSigningText(action) })
      : signActionEip712({ privateKey: key.privateKey, action });
  return { action, signature };
}
