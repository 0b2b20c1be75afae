/**
 * True when two public identities name the same key: Ethereum addresses compare without regard
 * to letter case (a checksummed address and its lower-case spelling are one account, as the
 * README promises), Ed25519 identities exactly (each has one canonical spelling). Every place that
 * compares a charter's `members[].key`, a registered key or an action's `key` goes through here.
 * Pure, so the core's authorization (`applyEvent`) can use it as well as the CLI.
 *
 * @example
 * sameIdentity('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266') // true
 */
export function sameIdentity(a: string, b: string): boolean {
  if (a.startsWith('0x') && b.startsWith('0x')) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
