import { describe, expect, it } from 'vitest';
import { sameIdentity } from './sameIdentity.js';

describe('sameIdentity', () => {
  const checksummed = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

  it('compares Ethereum addresses without regard to letter case', () => {
    expect(sameIdentity(checksummed, checksummed.toLowerCase())).toBe(true);
    expect(sameIdentity(checksummed.toLowerCase(), `0x${checksummed.slice(2).toUpperCase()}`)).toBe(true);
    expect(sameIdentity(checksummed, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBe(false);
  });

  it('compares Ed25519 identities exactly, and never an address with a key', () => {
    const key = 'ed25519:A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';
    expect(sameIdentity(key, key)).toBe(true);
    expect(sameIdentity(key, key.toLowerCase())).toBe(false);
    expect(sameIdentity(key, checksummed)).toBe(false);
    expect(sameIdentity(checksummed.toLowerCase(), key.toLowerCase())).toBe(false);
  });
});
