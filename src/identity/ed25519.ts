import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/**
 * Ed25519 identities, through Node's own crypto. A public identity is written
 * `ed25519:<base64url of the 32-byte public key>`; the secret is the base64url 32-byte seed.
 */
export interface Ed25519KeyPair {
  /** `ed25519:<base64url>` — what charters and actions carry. */
  readonly publicKey: string;
  /** base64url of the 32-byte private seed. Keep it in the key file, nowhere else. */
  readonly secret: string;
}

export const ED25519_PREFIX = 'ed25519:';

/**
 * The one spelling of a 32-byte public key in base64url without padding: 43 characters, 258
 * bits for 256, so the last character's 2 low bits are unused and must be 0 — it is one of the
 * 16 characters whose value is a multiple of 4. Decoders ignore those bits, so without this rule
 * one key would have 4 spellings.
 */
export const ED25519_KEY_BASE64URL = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/**
 * The one spelling of a 64-byte signature: 86 characters, 516 bits for 512, so the last
 * character's 4 low bits must be 0 (A, Q, g or w). Any other spelling of the same bytes is
 * refused, so an action has exactly one valid signature text.
 */
export const ED25519_SIGNATURE_BASE64URL = /^[A-Za-z0-9_-]{85}[AQgw]$/;

export function generateEd25519(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: `${ED25519_PREFIX}${publicKey.export({ format: 'jwk' }).x}`, secret: jwk.d! };
}

const identities = new WeakMap<KeyObject, string>();

/** The public identity belonging to a secret seed. */
export function ed25519PublicKeyOf(secret: string): string {
  const privateKey = privateKeyObject(secret);
  let identity = identities.get(privateKey);
  if (identity === undefined) {
    identity = `${ED25519_PREFIX}${createPublicKey(privateKey).export({ format: 'jwk' }).x}`;
    identities.set(privateKey, identity);
  }
  return identity;
}

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Key objects for the secrets a process signs with, cached: importing a key costs several
 * signatures, and a member signing a batch of actions uses the same key for all of them (a
 * generated test or benchmark log signs for thousands of members in turn).
 */
const privateKeys = new Map<string, KeyObject>();

function privateKeyObject(secret: string): KeyObject {
  let key = privateKeys.get(secret);
  if (key === undefined) {
    const seed = Buffer.from(secret, 'base64url');
    if (seed.length !== 32) throw new RangeError('an Ed25519 secret is 32 bytes');
    key = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    if (privateKeys.size >= 10_000) privateKeys.clear();
    privateKeys.set(secret, key);
  }
  return key;
}

/** Signs UTF-8 `text`; returns the base64url 64-byte signature. */
export function signEd25519(args: { secret: string; text: string }): string {
  return sign(null, Buffer.from(args.text, 'utf8'), privateKeyObject(args.secret)).toString('base64url');
}

const publicKeys = new Map<string, KeyObject>();

/** The key object for a public identity, cached: building one costs more than a verification. */
function publicKeyObject(publicKey: string): KeyObject | undefined {
  let key = publicKeys.get(publicKey);
  if (key === undefined) {
    if (!publicKey.startsWith(ED25519_PREFIX)) return undefined;
    const x = publicKey.slice(ED25519_PREFIX.length);
    if (!ED25519_KEY_BASE64URL.test(x)) return undefined;
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    } catch {
      return undefined;
    }
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(publicKey, key);
  }
  return key;
}

/**
 * Reused buffers for the bytes `verifyEd25519` checks: encoding into them costs a fifth of making
 * two new buffers per signature, which shows when a log of many thousands of events is verified.
 * `verify` is synchronous and keeps no reference to them, so one pair serves every call.
 */
const textBytes = Buffer.allocUnsafe(64 * 1024);
const signatureBytes = Buffer.allocUnsafe(64);

/**
 * True when `signature` (base64url) is `publicKey`'s signature of UTF-8 `text`. Never throws.
 * A key or signature not written in its one canonical spelling is never valid.
 */
export function verifyEd25519(args: { publicKey: string; text: string; signature: string }): boolean {
  const key = publicKeyObject(args.publicKey);
  if (key === undefined || !ED25519_SIGNATURE_BASE64URL.test(args.signature)) return false;
  try {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit; a longer text (an action carrying a
    // large charter) gets a buffer of its own.
    const text =
      args.text.length * 3 <= textBytes.length
        ? textBytes.subarray(0, textBytes.write(args.text, 0, 'utf8'))
        : Buffer.from(args.text, 'utf8');
    // The canonical spelling checked above is exactly 64 bytes.
    signatureBytes.write(args.signature, 0, 64, 'base64url');
    return verify(null, text, key, signatureBytes);
  } catch {
    return false;
  }
}
