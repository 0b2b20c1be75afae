import type { KeyEntry } from '../../../src/identity/keyFileFormat.js';
import { fromBase64url, toBase64url } from './base64url.js';

/** As `src/identity/ed25519.ts` spells a public identity (that file needs Node's crypto). */
const ED25519_PREFIX_TEXT = 'ed25519:';

/**
 * An Ed25519 key kept in this browser: the private half is a WebCrypto `CryptoKey` stored in
 * IndexedDB (structured-cloned, never written out as text), non-extractable unless its holder
 * asked for an exportable key when making it. Its public identity is spelled as everywhere in
 * Devolve: `ed25519:<base64url of the 32-byte public key>`.
 */
export interface BrowserKey {
  readonly name: string;
  readonly publicKey: string;
  readonly privateKey: CryptoKey;
  readonly createdAt: string;
}

const DB = 'devolve';
const STORE = 'keys';
const ED25519 = { name: 'Ed25519' } as const;
/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'publicKey' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>) {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = use(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('the key store failed'));
    });
  } finally {
    db.close();
  }
}

/** Every key kept in this browser, oldest first. */
export async function listBrowserKeys(): Promise<BrowserKey[]> {
  const keys = await withStore<BrowserKey[]>(
    'readonly',
    (store) => store.getAll() as IDBRequest<BrowserKey[]>,
  );
  return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function keep(key: BrowserKey): Promise<BrowserKey> {
  await withStore('readwrite', (store) => store.put(key));
  return key;
}

async function publicIdentity(publicKey: CryptoKey): Promise<string> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  return `${ED25519_PREFIX_TEXT}${toBase64url(raw)}`;
}

/**
 * Makes a new Ed25519 key with WebCrypto and keeps it in this browser. `exportable` keeps the
 * private key extractable, so it can later be written out as a key file for the CLI.
 */
export async function createBrowserKey(args: { name: string; exportable: boolean; now: Date }) {
  const pair = (await crypto.subtle.generateKey(ED25519, args.exportable, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return keep({
    name: args.name,
    publicKey: await publicIdentity(pair.publicKey),
    privateKey: pair.privateKey,
    createdAt: args.now.toISOString(),
  });
}

/**
 * Keeps a key read from a key file (the CLI's `devolve keys` format). The seed is checked against
 * the entry's public identity, and stored non-extractable unless `exportable`.
 */
export async function importBrowserKey(args: { entry: KeyEntry; exportable: boolean }) {
  const seed = fromBase64url(args.entry.secret);
  if (seed === undefined || seed.length !== 32) throw new Error('its secret is not a 32-byte base64url seed');
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(seed, 16);
  // Extractable for a moment, to read the public half; then kept as its holder chose.
  const probe = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', probe);
  const publicKey = `${ED25519_PREFIX_TEXT}${jwk.x ?? ''}`;
  if (publicKey !== args.entry.publicKey) throw new Error('its public key does not belong to its secret');
  const privateKey = args.exportable
    ? probe
    : await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  return keep({ name: args.entry.name, publicKey, privateKey, createdAt: args.entry.createdAt });
}

/** The key as a key-file entry, secret included; refused for a key kept non-extractable. */
export async function exportBrowserKey(key: BrowserKey): Promise<KeyEntry> {
  if (!key.privateKey.extractable) {
    throw new Error('this key was made non-exportable: it can sign here but never leave this browser');
  }
  const jwk = await crypto.subtle.exportKey('jwk', key.privateKey);
  return {
    name: key.name,
    type: 'ed25519',
    publicKey: key.publicKey,
    secret: jwk.d ?? '',
    createdAt: key.createdAt,
  };
}

/** Forgets a key kept in this browser. */
export async function deleteBrowserKey(publicKey: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(publicKey));
}

/** Signs UTF-8 `text`; the base64url 64-byte signature. */
export async function signWithBrowserKey(key: BrowserKey, text: string): Promise<string> {
  const signature = await crypto.subtle.sign(ED25519, key.privateKey, new TextEncoder().encode(text));
  return toBase64url(new Uint8Array(signature));
}
