import * as crypto from 'node:crypto';

type OneShotHash = (algorithm: string, data: string, encoding: 'hex') => string;

/**
 * Node's one-shot `crypto.hash` (Node 20.12 and later) skips building a Hash object, which for
 * the short texts of log events is a good part of the cost; older Node uses `createHash`.
 */
const oneShot = (crypto as { hash?: OneShotHash }).hash;

/**
 * SHA-256 of UTF-8 `text`, lower-case hex.
 *
 * @example
 * sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export const sha256Hex: (text: string) => string =
  oneShot === undefined
    ? (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')
    : (text) => oneShot('sha256', text, 'hex');
