import { Worker } from 'node:worker_threads';
import { ACTION_DOMAIN, actionSigningText, type SignedAction } from '../core/log/Action.js';
import {
  ED25519_KEY_BASE64URL,
  ED25519_PREFIX,
  ED25519_SIGNATURE_BASE64URL,
  verifyEd25519,
} from './ed25519.js';
import { verifyActionSignature } from './verifyActionSignature.js';

/**
 * The verifying thread's whole program: batches of (key, text, signature) in, one verdict per
 * item out. Plain JavaScript over `node:crypto` alone, so it runs the same whether Devolve runs
 * from its build or from source.
 */
const VERIFIER = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const keys = new Map();
function keyOf(x) {
  let key = keys.get(x);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    } catch {
      key = null;
    }
    if (keys.size >= 10000) keys.clear();
    keys.set(x, key);
  }
  return key;
}
parentPort.on('message', ({ batch, keys: xs, texts, signatures }) => {
  const valid = new Uint8Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const key = keyOf(xs[i]);
    try {
      valid[i] = key !== null && verify(null, Buffer.from(texts[i], 'utf8'), key, Buffer.from(signatures[i], 'base64url')) ? 1 : 0;
    } catch {
      valid[i] = 0;
    }
  }
  parentPort.postMessage({ batch, valid });
});
`;

interface Pending {
  readonly key: string;
  readonly text: string;
  readonly signature: string;
  readonly resolve: (valid: boolean) => void;
}

/**
 * One verifying thread per process, made on first use, keeping the process alive only while it
 * owes answers. The
 * checks that arrive in one turn of the event loop go to it as one message, so the calling
 * thread pays a few microseconds per signature instead of the whole verification.
 */
class Verifier {
  #worker: Worker | undefined;
  #queued: Pending[] = [];
  readonly #sent = new Map<number, Pending[]>();
  #batches = 0;
  #flushing = false;

  check(item: Pending): void {
    this.#queued.push(item);
    if (!this.#flushing) {
      this.#flushing = true;
      setImmediate(() => this.#flush());
    }
  }

  #flush(): void {
    this.#flushing = false;
    const items = this.#queued;
    this.#queued = [];
    const worker = this.#thread();
    if (worker === undefined) {
      for (const item of items) item.resolve(verifyHere(item));
      return;
    }
    const batch = this.#batches++;
    this.#sent.set(batch, items);
    // Held open while it owes answers (a command awaiting one must not exit), released after.
    worker.ref();
    worker.postMessage({
      batch,
      keys: items.map((item) => item.key),
      texts: items.map((item) => item.text),
      signatures: items.map((item) => item.signature),
    });
  }

  #thread(): Worker | undefined {
    if (this.#worker !== undefined) return this.#worker;
    try {
      const worker = new Worker(VERIFIER, { eval: true, execArgv: [] });
      worker.on('message', ({ batch, valid }: { batch: number; valid: Uint8Array }) => {
        const items = this.#sent.get(batch) ?? [];
        this.#sent.delete(batch);
        if (this.#sent.size === 0) worker.unref();
        items.forEach((item, index) => {
          item.resolve(valid[index] === 1);
        });
      });
      // A thread that fails is replaced on the next check; what it held is checked here.
      const lost = () => {
        if (this.#worker === worker) this.#worker = undefined;
        for (const items of this.#sent.values()) for (const item of items) item.resolve(verifyHere(item));
        this.#sent.clear();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      // After the listeners, which would otherwise hold the process open again.
      worker.unref();
      this.#worker = worker;
      return worker;
    } catch {
      return undefined;
    }
  }
}

function verifyHere(item: Pending): boolean {
  return verifyEd25519({
    publicKey: `${ED25519_PREFIX}${item.key}`,
    text: item.text,
    signature: item.signature,
  });
}

let verifier: Verifier | undefined;

/**
 * `verifyActionSignature`, with an Ed25519 check made on a thread of its own: a server checking
 * many signed actions keeps its event loop for requests and the database while the checks run
 * on another core. The same answer as `verifyActionSignature` for every input (keys and
 * signatures in their one canonical spelling only); never rejects. Ethereum signatures (0x
 * keys) are recovered on the calling thread.
 *
 * `actionText` is the action's canonical JSON when the caller already made it (the store makes it
 * once, for the signature, the event's hash and its stored line, so that all three are the same
 * text); it must be `canonicalJson(signed.action)`.
 *
 * @example
 * if (!(await verifyActionSignatureOffThread(signed))) throw refuse('bad-signature', …);
 */
export function verifyActionSignatureOffThread(
  signed: SignedAction,
  options: { actionText?: string } = {},
): Promise<boolean> {
  const action = signed?.action;
  if (typeof action?.key !== 'string' || !action.key.startsWith(ED25519_PREFIX)) {
    return Promise.resolve(verifyActionSignature(signed));
  }
  const key = action.key.slice(ED25519_PREFIX.length);
  const { signature } = signed;
  if (
    !ED25519_KEY_BASE64URL.test(key) ||
    typeof signature !== 'string' ||
    !ED25519_SIGNATURE_BASE64URL.test(signature)
  ) {
    return Promise.resolve(false);
  }
  let text: string;
  try {
    text = options.actionText === undefined ? actionSigningText(action) : ACTION_DOMAIN + options.actionText;
  } catch {
    // An action whose payload cannot be encoded (not JSON) has no valid signature.
    return Promise.resolve(false);
  }
  verifier ??= new Verifier();
  const checking = verifier;
  return new Promise((resolve) => checking.check({ key, text, signature, resolve }));
}
