/**
 * The key file's format, without the file: what `devolve keys` writes and the dashboard exports
 * and imports, so a member can move one key between the CLI and a browser. No Node imports: the
 * dashboard bundles this file.
 *
 * ```json
 * { "devolveKeys": 1, "keys": [ { "name": "default", "type": "ed25519",
 *   "publicKey": "ed25519:…", "secret": "…", "createdAt": "2026-05-01T09:30:00.000Z" } ] }
 * ```
 */
export type KeyType = 'ed25519' | 'ethereum';

export interface KeyEntry {
  readonly name: string;
  readonly type: KeyType;
  /** What goes in the charter's `members[].key`: `ed25519:<base64url>` or a 0x address. */
  readonly publicKey: string;
  /** Ed25519: the base64url 32-byte seed. Ethereum: the 0x-hex private key. */
  readonly secret: string;
  readonly createdAt: string;
}

export const KEY_FILE_VERSION = 1;
export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The entries of a key file's parsed JSON, each checked for shape (not yet that its public key
 * belongs to its secret: that needs the signing code, which the caller has). A problem is
 * returned as words, for the caller to wrap in its own error.
 *
 * @example
 * readKeyEntries(JSON.parse(text)) // { ok: true, keys: [{ name: 'default', type: 'ed25519', … }] }
 */
export function readKeyEntries(
  value: unknown,
): { readonly ok: true; readonly keys: KeyEntry[] } | { readonly ok: false; readonly why: string } {
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { devolveKeys?: unknown }).devolveKeys !== KEY_FILE_VERSION
  ) {
    return { ok: false, why: `expected an object with "devolveKeys": ${KEY_FILE_VERSION}` };
  }
  const raw = (value as { keys?: unknown }).keys;
  if (!Array.isArray(raw)) return { ok: false, why: '"keys" must be a list' };
  const names = new Set<string>();
  const keys: KeyEntry[] = [];
  for (const [index, item] of raw.entries()) {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const { name, type, publicKey, secret, createdAt } = entry;
    if (typeof name !== 'string' || !KEY_NAME.test(name))
      return { ok: false, why: `keys[${index}].name is missing or malformed` };
    if (names.has(name)) return { ok: false, why: `two keys are named '${name}'` };
    names.add(name);
    if (type !== 'ed25519' && type !== 'ethereum')
      return { ok: false, why: `key '${name}' has an unknown type` };
    if (typeof publicKey !== 'string' || typeof secret !== 'string' || typeof createdAt !== 'string') {
      return { ok: false, why: `key '${name}' needs string publicKey, secret and createdAt` };
    }
    keys.push({ name, type, publicKey, secret, createdAt });
  }
  return { ok: true, keys };
}

/** The text of a key file holding `keys`, as `devolve keys` writes it. */
export function keyFileText(keys: readonly KeyEntry[]): string {
  return `${JSON.stringify({ devolveKeys: KEY_FILE_VERSION, keys }, null, 2)}\n`;
}
