import type { SignedAction } from '../core/log/Action.js';
import type { LogCrypto } from '../core/log/verifyLog.js';
import { ED25519_PREFIX, verifyEd25519 } from './ed25519.js';
import { sha256Hex } from './sha256.js';
import { verifyActionSignature } from './verifyActionSignature.js';

/**
 * The crypto `verifyLog` runs on, from Node's own crypto (and viem for Ethereum accounts). An
 * Ed25519 signature is checked against the signing text `verifyLog` already cut from the line,
 * which is byte for byte `actionSigningText(signed.action)`; an Ethereum signature against the
 * action's EIP-712 typed data.
 *
 * @example
 * const result = await verifyLog({ lines: readLogFile({ file }), crypto: logCrypto });
 */
export const logCrypto: LogCrypto = {
  sha256Hex,
  verifySignature(signed: SignedAction, signingText: string): boolean {
    const { key } = signed.action;
    if (typeof key === 'string' && key.startsWith(ED25519_PREFIX)) {
      return verifyEd25519({ publicKey: key, text: signingText, signature: signed.signature });
    }
    return verifyActionSignature(signed);
  },
};
