import { type SignedAction, actionSigningText } from '../core/log/Action.js';
import { ED25519_PREFIX, verifyEd25519 } from './ed25519.js';

/**
 * True when a signed action's signature was made by the key the action names. Never throws.
 * Ed25519 keys sign `actionSigningText`; Ethereum accounts sign the EIP-712 typed data.
 */
export function verifyActionSignature(signed: SignedAction): boolean {
  const { action } = signed;
  if (typeof action?.key !== 'string' || typeof signed.signature !== 'string') return false;
  if (action.key.startsWith(ED25519_PREFIX)) {
    return verifyEd25519({ publicKey: action.key, text: actionSigningText(action), signature: signed.signature });
  }
  return false;
}
