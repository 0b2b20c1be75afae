/** A holder's key for aggregation, or why the text cannot be one. */
export type HolderKey =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly message: string };

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * EVM addresses are case-insensitive (upper case is only a checksum), so `0xAbC…` and `0xabc…`
 * are one holder: addresses are lowercased. Anything else not starting with `0x` is a member or
 * entity id, kept as written (trimmed). `0x` followed by anything but 40 hex digits is refused, so a
 * truncated address is reported rather than counted as a separate holder.
 *
 * @example
 * normalizeHolder('0xABCDEF0000000000000000000000000000000001') // { ok: true, key: '0xabcdef…0001' }
 */
export function normalizeHolder(text: string): HolderKey {
  if (text.length === 42 && isLowerHexAddress(text)) return { ok: true, key: text };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the holder is empty' };
  if (HEX_ADDRESS.test(trimmed)) return { ok: true, key: trimmed.toLowerCase() };
  if (/^0x/i.test(trimmed))
    return { ok: false, message: `'${trimmed}' is not an address (0x and 40 hex digits)` };
  return { ok: true, key: trimmed };
}

/** `0x` and 40 lowercase hex digits, checked by character codes: the common case, without a regex. */
function isLowerHexAddress(text: string): boolean {
  if (text.charCodeAt(0) !== 48 || text.charCodeAt(1) !== 120) return false;
  for (let i = 2; i < 42; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
