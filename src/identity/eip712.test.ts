import { secp256k1 } from '@noble/curves/secp256k1';
import { type Hex, verifyTypedData } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { type Action, actionTypedData } from '../core/log/Action.js';
import { ethereumAddressOf, recoverActionSigner, signActionEip712, verifyActionEip712 } from './eip712.js';
import { signAction } from './signAction.js';
import { verifyActionSignature } from './verifyActionSignature.js';

// The first account of Hardhat and Anvil: a well-known test key, never used for anything real.
const PRIVATE_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ADDRESS = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function action(overrides: Partial<Action> = {}): Action {
  return {
    v: 1,
    org: 'lumen-protocol',
    kind: 'charter.amend',
    actor: 'mara',
    key: ADDRESS,
    payload: { charter: { organization: { id: 'lumen-protocol' } }, note: 'ünïcode ✓' },
    head: 'ab'.repeat(32),
    nonce: 'AAECAwQFBgcICQoLDA0ODw',
    issuedAt: '2026-05-01T12:00:00.000Z',
    ...overrides,
  };
}

describe('EIP-712 action signatures', () => {
  it('derives the account address from the private key', () => {
    expect(ethereumAddressOf(PRIVATE_KEY)).toBe(ADDRESS);
    expect(() => ethereumAddressOf('0x1234')).toThrow(RangeError);
  });

  it("signs exactly as viem's account.signTypedData, and viem verifies it", async () => {
    const signed = action();
    const ours = signActionEip712({ privateKey: PRIVATE_KEY, action: signed });
    const viems = await privateKeyToAccount(PRIVATE_KEY).signTypedData(actionTypedData(signed));
    expect(ours).toBe(viems);
    expect(
      await verifyTypedData({ address: ADDRESS, signature: ours as Hex, ...actionTypedData(signed) }),
    ).toBe(true);
  });

  it('verifies a signature by the named account, whatever the letter case of the address', () => {
    const signature = signActionEip712({ privateKey: PRIVATE_KEY, action: action() });
    expect(verifyActionEip712({ action: action(), signature })).toBe(true);
    // The key is part of what is signed, so the lower-case spelling needs its own signature.
    const lower = action({ key: ADDRESS.toLowerCase() });
    const lowerSignature = signActionEip712({ privateKey: PRIVATE_KEY, action: lower });
    expect(verifyActionEip712({ action: lower, signature: lowerSignature })).toBe(true);
    expect(recoverActionSigner({ action: lower, signature: lowerSignature })).toBe(ADDRESS);
  });

  it('accepts a signature made by viem for a random account', async () => {
    const key = generatePrivateKey();
    const account = privateKeyToAccount(key);
    const signed = action({ key: account.address });
    const signature = await account.signTypedData(actionTypedData(signed));
    expect(verifyActionEip712({ action: signed, signature })).toBe(true);
  });

  it('rejects any change to what was signed', () => {
    const signature = signActionEip712({ privateKey: PRIVATE_KEY, action: action() });
    const changes: Partial<Action>[] = [
      { org: 'another-org' },
      { kind: 'org.create' },
      { actor: 'jonas' },
      { payload: { charter: { organization: { id: 'lumen-protocol' } }, note: 'ünïcode ✗' } },
      { head: 'cd'.repeat(32) },
      { head: null },
      { nonce: 'AAECAwQFBgcICQoLDA0OEA' },
      { issuedAt: '2026-05-01T12:00:00.001Z' },
    ];
    for (const change of changes)
      expect(verifyActionEip712({ action: action(change), signature })).toBe(false);
  });

  it("rejects another account's signature and a key that is not an address", () => {
    const other = generatePrivateKey();
    const signature = signActionEip712({ privateKey: other, action: action() });
    expect(verifyActionEip712({ action: action(), signature })).toBe(false);
    const good = signActionEip712({ privateKey: PRIVATE_KEY, action: action() });
    expect(verifyActionEip712({ action: action({ key: 'ed25519:abc' }), signature: good })).toBe(false);
  });

  it('gives every signature one encoding: no high-s twin, no v of 0 or 1, lower-case hex only', async () => {
    const signed = action();
    const signature = signActionEip712({ privateKey: PRIVATE_KEY, action: signed });
    const r = signature.slice(2, 66);
    const s = BigInt(`0x${signature.slice(66, 130)}`);
    const v = signature.slice(130);
    // (r, n − s) with the other recovery bit is the same signature to secp256k1.
    const twinS = (secp256k1.CURVE.n - s).toString(16).padStart(64, '0');
    const twin = `0x${r}${twinS}${v === '1b' ? '1c' : '1b'}`;
    // viem accepts the twin as the same account's signature; Devolve insists on the low-s form.
    expect(
      await verifyTypedData({ address: ADDRESS, signature: twin as Hex, ...actionTypedData(signed) }),
    ).toBe(true);
    expect(verifyActionEip712({ action: signed, signature: twin })).toBe(false);
    const vZeroOne = `0x${signature.slice(2, 130)}${v === '1b' ? '00' : '01'}`;
    expect(verifyActionEip712({ action: signed, signature: vZeroOne })).toBe(false);
    expect(
      verifyActionEip712({ action: signed, signature: signature.toUpperCase().replace('0X', '0x') }),
    ).toBe(false);
    for (const malformed of ['', '0x', signature.slice(0, -2), `${signature}00`, 'not a signature']) {
      expect(verifyActionEip712({ action: signed, signature: malformed })).toBe(false);
    }
  });

  it('is what signAction and verifyActionSignature use for Ethereum keys', () => {
    const signed = signAction({
      key: { type: 'ethereum', privateKey: PRIVATE_KEY },
      org: 'lumen-protocol',
      kind: 'charter.amend',
      actor: 'mara',
      payload: { charter: {} },
      head: null,
      now: new Date('2026-05-01T12:00:00Z'),
    });
    expect(signed.action.key).toBe(ADDRESS);
    expect(signed.signature).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/);
    expect(verifyActionSignature(signed)).toBe(true);
    expect(verifyActionSignature({ ...signed, action: { ...signed.action, org: 'other-org' } })).toBe(false);
  });

  it('never throws on a payload that cannot be encoded', () => {
    const signature = signActionEip712({ privateKey: PRIVATE_KEY, action: action() });
    expect(verifyActionEip712({ action: action({ payload: { amount: 1n } }), signature })).toBe(false);
    expect(verifyActionSignature({ action: action({ payload: { amount: 1n } }), signature })).toBe(false);
  });
});
