import { secp256k1 } from '@noble/curves/secp256k1';
import { type Hex, hashTypedData, isAddress } from 'viem';
import { generatePrivateKey, privateKeyToAddress, publicKeyToAddress } from 'viem/accounts';
import { type Action, actionTypedData } from '../core/log/Action.js';

/**
 * Ethereum identities: a member who already holds an Ethereum account signs an action's EIP-712
 * typed data (`actionTypedData`), exactly as wallets and Snapshot sign, and the action's `key` is
 * the account's 0x address. Verification recovers the signer's address from the signature and
 * compares it with `action.key`, ignoring the checksum's letter case.
 *
 * viem computes the typed-data hash and the addresses. The secp256k1 step itself calls
 * `@noble/curves`, the library viem's own `signTypedData` and `recoverTypedDataAddress` call, but
 * directly: viem wraps it in promises, and a log verifier checks a signature per event in a tight
 * synchronous loop (and `signAction` has always been synchronous). The signatures are the same
 * bytes viem's `privateKeyToAccount(k).signTypedData(…)` returns; the tests hold both to that.
 */
export interface EthereumKeyPair {
  /** The account's checksummed 0x address: what charters and actions carry. */
  readonly publicKey: string;
  /** The 0x-hex 32-byte private key. Keep it in the key file, nowhere else. */
  readonly secret: string;
}

const PRIVATE_KEY = /^0x[0-9a-fA-F]{64}$/;
/** 65 bytes r ‖ s ‖ v, lower-case hex as wallets return it; `v` is 27 or 28. */
const SIGNATURE = /^0x[0-9a-f]{130}$/;

export function generateEthereum(): EthereumKeyPair {
  const secret = generatePrivateKey();
  return { publicKey: privateKeyToAddress(secret), secret };
}

/**
 * The checksummed address of a 0x-hex private key.
 *
 * @example
 * ethereumAddressOf('0xac09…ff80') // '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
 */
export function ethereumAddressOf(privateKey: string): string {
  return privateKeyToAddress(checkPrivateKey(privateKey));
}

function checkPrivateKey(privateKey: string): Hex {
  if (!PRIVATE_KEY.test(privateKey)) throw new RangeError('an Ethereum private key is 0x and 64 hex digits');
  return privateKey as Hex;
}

/**
 * Signs an action's EIP-712 typed data; returns the 0x-hex 65-byte signature (low `s`, `v` 27 or
 * 28). Deterministic (RFC 6979), as viem's is.
 *
 * @example
 * const signature = signActionEip712({ privateKey, action });
 */
export function signActionEip712(args: { privateKey: string; action: Action }): string {
  const privateKey = checkPrivateKey(args.privateKey);
  const hash = hashTypedData(actionTypedData(args.action));
  const { r, s, recovery } = secp256k1.sign(hash.slice(2), privateKey.slice(2), { lowS: true });
  return `0x${hex32(r)}${hex32(s)}${recovery === 1 ? '1c' : '1b'}`;
}

function hex32(value: bigint): string {
  return value.toString(16).padStart(64, '0');
}

/**
 * The address that signed an action's typed data, or undefined when the signature is malformed:
 * not 65 lower-case hex bytes, `v` not 27 or 28, or a high `s`. Refusing the high-`s` twin and
 * `v` 0/1 gives every signature one encoding only, so the same signed action can never appear
 * twice under two spellings. Never throws.
 */
export function recoverActionSigner(args: { action: Action; signature: string }): string | undefined {
  const { signature } = args;
  if (!SIGNATURE.test(signature)) return undefined;
  const v = signature.slice(130);
  if (v !== '1b' && v !== '1c') return undefined;
  try {
    const parsed = secp256k1.Signature.fromCompact(signature.slice(2, 130));
    if (parsed.hasHighS()) return undefined;
    const hash = hashTypedData(actionTypedData(args.action));
    const point = parsed.addRecoveryBit(v === '1c' ? 1 : 0).recoverPublicKey(hash.slice(2));
    return publicKeyToAddress(`0x${point.toHex(false)}`);
  } catch {
    return undefined;
  }
}

/**
 * True when `signature` is the EIP-712 signature of `action` by the account `action.key` names.
 * Never throws: a malformed key, signature or payload is simply not a valid signature.
 *
 * @example
 * verifyActionEip712({ action, signature }) // true
 */
export function verifyActionEip712(args: { action: Action; signature: string }): boolean {
  const { action } = args;
  if (typeof action.key !== 'string' || !isAddress(action.key, { strict: false })) return false;
  const signer = recoverActionSigner(args);
  return signer !== undefined && signer.toLowerCase() === action.key.toLowerCase();
}
