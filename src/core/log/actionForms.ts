/**
 * The forms of a signed action's and an event's fields, as "The log format" in the README states
 * them. One set, used by the store (checking what it receives) and by the verifier (checking what
 * it reads), so the two can never accept different logs.
 */
export const ACTION_FORMS = {
  /** An organization or member id: lower-case letters and digits in dash-separated words, ≤ 64. */
  id: /^(?=.{1,64}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
  /** An action kind such as `charter.amend`. */
  kind: /^[a-z][a-z0-9.-]{0,63}$/,
  /**
   * A public identity: `ed25519:` and 43 base64url characters in their one canonical spelling (the
   * last character's two unused low bits zero), or a 0x Ethereum address.
   */
  key: /^(ed25519:[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]|0x[0-9a-fA-F]{40})$/,
  /** 16 to 128 base64url characters. */
  nonce: /^[A-Za-z0-9_-]{16,128}$/,
  /** ISO-8601 UTC, `YYYY-MM-DDTHH:MM:SS[.fraction]Z`. */
  isoUtc: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/,
  /** An event hash: 64 lower-case hex digits. */
  hash: /^[0-9a-f]{64}$/,
} as const;
