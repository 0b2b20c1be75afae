import { canonicalJson } from './canonicalJson.js';

/**
 * An action is what a member signs: one change they ask the organization to record. It binds the
 * organization, the kind of change, its payload (which names the unit or proposal it concerns),
 * the actor and their key, the log head they saw, a nonce and the time it was issued — so a
 * signature is worthless anywhere but where it was made: in another organization the `org` differs,
 * against another unit or proposal the payload differs, and twice in the same log the nonce repeats.
 */
export interface Action<Payload = unknown> {
  /** Format version of actions. */
  readonly v: 1;
  /** Organization id. */
  readonly org: string;
  /** What the action does, e.g. `org.create`, `charter.amend`. */
  readonly kind: string;
  /** The member acting, by id. */
  readonly actor: string;
  /** The actor's public identity: `ed25519:<base64url 32 bytes>` or a 0x Ethereum address. */
  readonly key: string;
  /** JSON only: bigints travel as decimal strings. */
  readonly payload: Payload;
  /** Hash of the log head the actor made the action against; null only to create an organization. */
  readonly head: string | null;
  /** 16 random bytes, base64url: makes every action unique, so none can be recorded twice. */
  readonly nonce: string;
  /** When the actor issued it, ISO-8601 UTC. */
  readonly issuedAt: string;
}

export interface SignedAction<Payload = unknown> {
  readonly action: Action<Payload>;
  /** Ed25519: base64url of the 64-byte signature. Ethereum: the 0x-hex 65-byte EIP-712 signature. */
  readonly signature: string;
}

export const ACTION_DOMAIN = 'devolve/action/v1\n';

/**
 * The exact text an Ed25519 key signs (as UTF-8): a domain prefix, then the canonical JSON of the
 * action. The prefix keeps a Devolve signature from meaning anything in another protocol.
 *
 * @example
 * actionSigningText(action) // 'devolve/action/v1\n{"actor":"mara","head":null,…}'
 */
export function actionSigningText(action: Action): string {
  return ACTION_DOMAIN + canonicalJson(action);
}

/**
 * The EIP-712 typed data an Ethereum account signs, as wallets display it. The payload is carried
 * as its canonical JSON text so that the wallet shows exactly what is being agreed to.
 */
export function actionTypedData(action: Action) {
  return {
    domain: { name: 'Devolve', version: '1' },
    types: {
      Action: [
        { name: 'v', type: 'uint8' },
        { name: 'org', type: 'string' },
        { name: 'kind', type: 'string' },
        { name: 'actor', type: 'string' },
        { name: 'key', type: 'string' },
        { name: 'payload', type: 'string' },
        { name: 'head', type: 'string' },
        { name: 'nonce', type: 'string' },
        { name: 'issuedAt', type: 'string' },
      ],
    },
    primaryType: 'Action' as const,
    message: {
      v: action.v,
      org: action.org,
      kind: action.kind,
      actor: action.actor,
      key: action.key,
      payload: canonicalJson(action.payload),
      head: action.head ?? '',
      nonce: action.nonce,
      issuedAt: action.issuedAt,
    },
  };
}
