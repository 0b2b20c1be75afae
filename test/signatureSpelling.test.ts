import { describe, expect, it } from 'vitest';
import type { SignedAction } from '../src/core/log/Action.js';
import { canonicalJson } from '../src/core/log/canonicalJson.js';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { sealEvent } from '../src/core/log/sealEvent.js';
import { verifyLog } from '../src/core/log/verifyLog.js';
import { logCrypto } from '../src/identity/logCrypto.js';
import { sha256Hex } from '../src/identity/sha256.js';
import { createApp } from '../src/server/createApp.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import { daoFixture } from './support/daoFixture.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same 64 signature bytes, spelled with the last character's unused low bit set. */
function respelled(signed: SignedAction): SignedAction {
  const last = ALPHABET.indexOf(signed.signature.at(-1)!);
  const other = signed.signature.slice(0, -1) + ALPHABET[last + 1];
  expect(Buffer.from(other, 'base64url')).toEqual(Buffer.from(signed.signature, 'base64url'));
  return { ...signed, signature: other };
}

describe('one spelling per signature, everywhere', () => {
  it('the API refuses another spelling as a bad signature, for a fresh action and for a retry', async () => {
    const store = await createPgliteStore();
    try {
      const app = createApp({ store });
      const post = async (path: string, body: unknown) => {
        const response = await app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return {
          status: response.status,
          json: (await response.json()) as { code?: string; event?: LogEvent },
        };
      };
      const dao = daoFixture({ org: 'lumen-spelling' });
      const create = dao.create();
      expect(await post('/api/orgs', respelled(create))).toMatchObject({
        status: 403,
        json: { code: 'action/bad-signature' },
      });
      const created = await post('/api/orgs', create);
      expect(created.status).toBe(201);
      const actions = `/api/orgs/${dao.org}/actions`;
      const amend = dao.amendBrand({ head: created.json.event!.hash, description: 'one spelling' });
      expect(await post(actions, respelled(amend))).toMatchObject({
        status: 403,
        json: { code: 'action/bad-signature' },
      });
      expect((await post(actions, amend)).status).toBe(201);
      // A retry of the recorded action in another spelling: a bad signature, not a reused nonce.
      expect(await post(actions, respelled(amend))).toMatchObject({
        status: 403,
        json: { code: 'action/bad-signature' },
      });
      expect(await post(actions, amend)).toMatchObject({ status: 200 });
    } finally {
      await store.close();
    }
  });

  it('verify names the event whose signature is spelled another way', async () => {
    const dao = daoFixture({ org: 'lumen-spelling-log' });
    const recordedAt = '2026-05-01T12:00:00.000Z';
    const first = sealEvent({ signed: dao.create(), seq: 0, prev: null, recordedAt, sha256Hex });
    const amend = dao.amendBrand({ head: first.hash, description: 'one spelling' });
    const line = (signed: SignedAction) =>
      canonicalJson(sealEvent({ signed, seq: 1, prev: first.hash, recordedAt, sha256Hex }));
    const good = await verifyLog({ lines: [canonicalJson(first), line(amend)], crypto: logCrypto });
    expect(good.ok).toBe(true);
    const bad = await verifyLog({ lines: [canonicalJson(first), line(respelled(amend))], crypto: logCrypto });
    expect(bad).toMatchObject({ ok: false, firstBad: { index: 1, code: 'log/bad-signature' } });
  });
});
