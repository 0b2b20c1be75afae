import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ed25519Key } from '../../test/support/signedLog.js';
import type { SignedAction } from '../core/log/Action.js';
import { signAction } from './signAction.js';
import { verifyActionSignature } from './verifyActionSignature.js';
import { verifyActionSignatureOffThread } from './verifyActionSignatureOffThread.js';

// The first account of Hardhat and Anvil: a well-known test key, never used for anything real.
const ETHEREUM = {
  type: 'ethereum',
  privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
} as const;
const HEAD = 'ab'.repeat(32);

function signed(index: number, key = ed25519Key()): SignedAction {
  return signAction({
    key,
    org: 'lumen-protocol',
    kind: 'vote.cast',
    actor: `voter-${index}`,
    payload: { proposal: 'treasury-1', choice: index % 2 === 0 ? 'for' : 'against', reason: 'ünïcode ✓' },
    head: HEAD,
    now: new Date('2026-05-01T12:00:00.000Z'),
  });
}

/** Every way the tests below spoil a signed action, each of which must leave it invalid. */
const SPOILERS: Record<string, (valid: SignedAction, other: SignedAction) => SignedAction> = {
  'another action’s signature': (valid, other) => ({ ...valid, signature: other.signature }),
  'a changed payload': (valid) => ({ ...valid, action: { ...valid.action, payload: { choice: 'abstain' } } }),
  'another key': (valid, other) => ({ ...valid, action: { ...valid.action, key: other.action.key } }),
  // The same 64 bytes in another spelling: the last character's unused low bits set.
  'a signature spelt non-canonically': (valid) => ({
    ...valid,
    signature: `${valid.signature.slice(0, -1)}${valid.signature.endsWith('A') ? 'B' : 'R'}`,
  }),
  'a key spelt non-canonically': (valid) => ({
    ...valid,
    action: {
      ...valid.action,
      key: `${valid.action.key.slice(0, -1)}${valid.action.key.endsWith('A') ? 'B' : 'F'}`,
    },
  }),
  'a truncated signature': (valid) => ({ ...valid, signature: valid.signature.slice(0, 40) }),
  'a payload that is not JSON': (valid) => ({
    ...valid,
    action: { ...valid.action, payload: { big: 1n } as unknown as Record<string, unknown> },
  }),
  'no key': (valid) => ({ ...valid, action: { ...valid.action, key: undefined as unknown as string } }),
};

describe('verifyActionSignatureOffThread', () => {
  it('agrees with verifyActionSignature on valid actions and on every spoiled one, many at once', async () => {
    const valid = Array.from({ length: 40 }, (_, index) => signed(index));
    const cases: { name: string; signed: SignedAction }[] = valid.map((v, index) => ({
      name: `valid ${index}`,
      signed: v,
    }));
    for (const [name, spoil] of Object.entries(SPOILERS)) {
      valid.forEach((v, index) => {
        cases.push({ name: `${name} ${index}`, signed: spoil(v, valid[(index + 1) % valid.length]!) });
      });
    }
    // Interleaved, all in flight together: each answer must reach its own caller.
    const shuffled = cases
      .map((c, index) => ({ c, order: (index * 7919) % cases.length }))
      .sort((a, b) => a.order - b.order);
    const answers = await Promise.all(shuffled.map(({ c }) => verifyActionSignatureOffThread(c.signed)));
    const expected = shuffled.map(({ c }) => verifyActionSignature(c.signed));
    expect(answers).toEqual(expected);
    expect(answers.filter(Boolean)).toHaveLength(valid.length);
    for (const { c } of shuffled.filter((_, index) => answers[index])) expect(c.name).toMatch(/^valid/);
  });

  it('checks an Ethereum account’s EIP-712 signature as verifyActionSignature does', async () => {
    const valid = signed(1, ETHEREUM);
    expect(await verifyActionSignatureOffThread(valid)).toBe(true);
    const spoiled = SPOILERS['a changed payload']!(valid, valid);
    expect(await verifyActionSignatureOffThread(spoiled)).toBe(false);
  });

  it('keeps a command alive until its answer comes, and lets it exit after', () => {
    // A process with nothing else to wait for: it must print its answer and exit by itself.
    const script = `
      import { verifyActionSignatureOffThread } from ${JSON.stringify(fileURLToPath(new URL('./verifyActionSignatureOffThread.ts', import.meta.url)))};
      const signed = JSON.parse(process.argv[1]);
      console.log(String(await verifyActionSignatureOffThread(signed)));
    `;
    const run = (value: SignedAction) =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(value)],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      ).trim();
    const valid = signed(2);
    expect(run(valid)).toBe('true');
    expect(run(SPOILERS['a changed payload']!(valid, valid))).toBe('false');
  });
});
