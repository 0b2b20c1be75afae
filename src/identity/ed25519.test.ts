import { describe, expect, it } from 'vitest';
import { ED25519_PREFIX, generateEd25519, signEd25519, verifyEd25519 } from './ed25519.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Every spelling of the same bytes: the last character's unused low bits set every way. A
 * 32-byte key is 43 characters (258 bits for 256: 2 unused, 4 spellings); a 64-byte signature
 * is 86 characters (516 bits for 512: 4 unused, 16 spellings).
 */
function spellings(text: string, unusedBits: number): string[] {
  const last = ALPHABET.indexOf(text.at(-1)!);
  const base = last - (last % 2 ** unusedBits);
  return Array.from({ length: 2 ** unusedBits }, (_, i) => text.slice(0, -1) + ALPHABET[base + i]);
}

describe('Ed25519: one spelling per key and per signature', () => {
  const pair = generateEd25519();
  const text = 'devolve/action/v1\n{"hello":"world"}';
  const signature = signEd25519({ secret: pair.secret, text });
  const x = pair.publicKey.slice(ED25519_PREFIX.length);

  it('accepts the canonical spelling only, though every spelling decodes to the same bytes', () => {
    const all = spellings(signature, 4);
    expect(all).toHaveLength(16);
    expect(new Set(all.map((s) => Buffer.from(s, 'base64url').toString('hex'))).size).toBe(1);
    expect(all.filter((s) => verifyEd25519({ publicKey: pair.publicKey, text, signature: s }))).toEqual([
      signature,
    ]);
  });

  it('refuses a public key spelled any other way', () => {
    const all = spellings(x, 2);
    expect(all).toHaveLength(4);
    expect(new Set(all.map((s) => Buffer.from(s, 'base64url').toString('hex'))).size).toBe(1);
    const valid = all.filter((s) => verifyEd25519({ publicKey: `${ED25519_PREFIX}${s}`, text, signature }));
    expect(valid).toEqual([x]);
  });
});
