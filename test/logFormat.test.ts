import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Hex, recoverTypedDataAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { actionSigningText, actionTypedData } from '../src/core/log/Action.js';
import { eventHashText } from '../src/core/log/LogEvent.js';
import { ed25519PublicKeyOf, signEd25519 } from '../src/identity/ed25519.js';
import { signActionEip712 } from '../src/identity/eip712.js';

/**
 * README.md's "The log format" promises that a third party can verify a log from the README alone.
 * This test holds the worked example there to the truth twice: once recomputed with nothing but
 * Node's crypto, viem and the README's rules, and once with Devolve's own code.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The log format'), readme.indexOf('<!-- more-sections -->'));

function field(name: string): string {
  const match = new RegExp(`^${name} +(.+)$`, 'm').exec(section);
  if (match === null) throw new Error(`README example has no '${name}' line`);
  return match[1]!;
}

/** JCS for the plain values of the example (strings, integers, null, objects): sorted keys. */
function jcs(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${jcs(record[key])}`)
    .join(',')}}`;
}

const secret = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64url');
const signing = field('signing').replace('\\n', '\n');
const action = JSON.parse(signing.slice('devolve/action/v1\n'.length));

describe("README's worked example of the log format", () => {
  it('verifies with nothing but the rules written there', async () => {
    expect(signing.startsWith('devolve/action/v1\n')).toBe(true);
    expect(jcs(action)).toBe(signing.slice('devolve/action/v1\n'.length));
    const key = field('key');
    expect(action.key).toBe(key);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: key.slice('ed25519:'.length) },
      format: 'jwk',
    });
    const signature = field('signature');
    expect(verify(null, Buffer.from(signing, 'utf8'), publicKey, Buffer.from(signature, 'base64url'))).toBe(
      true,
    );

    const event = { action, prev: action.head, recordedAt: '2026-05-01T12:00:01.250Z', seq: 1, signature };
    const preimage = `devolve/event/v1\n${jcs(event)}`;
    expect(createHash('sha256').update(preimage, 'utf8').digest('hex')).toBe(field('hash'));

    const address = /`(0x[0-9a-fA-F]{40})`/.exec(section)![1]!;
    const ethSignature = /`(0x[0-9a-f]{130})`/.exec(section)![1]! as Hex;
    const recovered = await recoverTypedDataAddress({
      domain: { name: 'Devolve', version: '1' },
      types: {
        Action: [
          { name: 'v', type: 'uint8' },
          { name: 'org', type: 'string' },
          { name: 'kind', type: 'string' },
          { name: 'actor', type: 'string' },
          { name: 'key', type: 'string' },
          { name: 'payload', type: 'string' },
          { name: 'head', type: 'string' },
          { name: 'nonce', type: 'string' },
          { name: 'issuedAt', type: 'string' },
        ],
      },
      primaryType: 'Action',
      message: { ...action, key: address, payload: jcs(action.payload), head: action.head ?? '' },
      signature: ethSignature,
    });
    expect(recovered.toLowerCase()).toBe(address.toLowerCase());
  });

  it("is what Devolve's own code produces", () => {
    expect(ed25519PublicKeyOf(secret)).toBe(field('key'));
    expect(actionSigningText(action)).toBe(signing);
    expect(signEd25519({ secret, text: signing })).toBe(field('signature'));
    const event = {
      action,
      prev: action.head,
      recordedAt: '2026-05-01T12:00:01.250Z',
      seq: 1,
      signature: field('signature'),
    };
    expect(createHash('sha256').update(eventHashText(event), 'utf8').digest('hex')).toBe(field('hash'));
    const address = /`(0x[0-9a-fA-F]{40})`/.exec(section)![1]!;
    const hardhatKey = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
    const signature = signActionEip712({ privateKey: hardhatKey, action: { ...action, key: address } });
    expect(section).toContain(signature);
    expect(JSON.stringify(actionTypedData(action).domain)).toBe('{"name":"Devolve","version":"1"}');
  });
});
