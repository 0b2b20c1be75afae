import { actionSigningText, type SignedAction } from '../core/log/Action.js';
import { ED25519_PREFIX, verifyEd25519 } from './ed25519.js';
import { verifyActionEip712 } from './eip712.js';

/**
 * True when a signed action's signature was made by the key the action names. Never throws.
 * The key's form decides the scheme: `ed25519:…` keys sign `actionSigningText`; 0x addresses
 * (Ethereum accounts) sign the EIP-712 typed data, and the signer recovered from the signature
 * must be that address (compared without regard to checksum case).
 *
 * @example
 * if (!verifyActionSignature(signed)) throw new DevolveError({ code: 'action/bad-signature', … });
 */
export function verifyActionSignature(signed: SignedAction): boolean {
  const action = signed?.action;
  if (typeof action?.key !== 'string' || typeof signed.signature !== 'string') return false;
  try {
    if (action.key.startsWith(ED25519_PREFIX)) {
      return verifyEd25519({
        publicKey: action.key,
        text: actionSigningText(action),
        signature: signed.signature,
      });
    }
    if (action.key.startsWith('0x')) return verifyActionEip712({ action, signature: signed.signature });
  } catch {
    // An action whose payload cannot be encoded (not JSON) has no valid signature.
  }
  return false;
}
