import {
  type Action,
  actionSigningText,
  actionTypedData,
  type SignedAction,
} from '../../../src/core/log/Action.js';
import { toBase64url } from './base64url.js';
import { type BrowserKey, signWithBrowserKey } from './browserKeys.js';

/** The minimal EIP-1193 provider a wallet injects as `window.ethereum`. */
export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] }): Promise<unknown>;
}

/** What signs for the member acting: a key kept in this browser, or an injected wallet's account. */
export type BrowserSigner =
  | { readonly type: 'ed25519'; readonly key: BrowserKey }
  | { readonly type: 'wallet'; readonly provider: Eip1193Provider; readonly address: string };

/** The injected wallet, when the page has one. */
export function injectedWallet(): Eip1193Provider | undefined {
  const candidate = (window as { ethereum?: unknown }).ethereum;
  return typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as Eip1193Provider).request === 'function'
    ? (candidate as Eip1193Provider)
    : undefined;
}

/** The wallet's first account, after asking its holder to connect. */
export async function connectWallet(provider: Eip1193Provider): Promise<string> {
  const accounts = await provider.request({ method: 'eth_requestAccounts' });
  const first = Array.isArray(accounts) ? accounts[0] : undefined;
  if (typeof first !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(first))
    throw new Error('the wallet shared no account');
  return first;
}

/** The public identity a signer signs as. */
export function signerIdentity(signer: BrowserSigner): string {
  return signer.type === 'ed25519' ? signer.key.publicKey : signer.address;
}

/**
 * A wallet's signature in the one spelling the log accepts: lower-case hex, `v` 27 or 28. Some
 * wallets answer `v` as 0 or 1, which means the same signature.
 */
function walletSignature(raw: unknown): string {
  if (typeof raw !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(raw))
    throw new Error('the wallet returned no signature');
  const text = raw.toLowerCase();
  const v = text.slice(130);
  return v === '00' || v === '01' ? `${text.slice(0, 130)}${v === '00' ? '1b' : '1c'}` : text;
}

/**
 * Builds and signs an action in the browser exactly as the CLI's `signAction` does — the same
 * fields, the same canonical JSON and signing text (`actionSigningText`) for Ed25519, the same
 * EIP-712 typed data (`actionTypedData`) for a wallet, sent as `eth_signTypedData_v4`.
 *
 * `identity` is the key as the organization already spells it (a registered address in another
 * letter case), when it names the same key as the signer.
 */
export async function signInBrowser<P>(args: {
  signer: BrowserSigner;
  org: string;
  kind: string;
  actor: string;
  payload: P;
  head: string;
  now: Date;
  identity?: string | undefined;
}): Promise<SignedAction<P>> {
  const own = signerIdentity(args.signer);
  const key =
    args.identity !== undefined && args.identity.toLowerCase() === own.toLowerCase() ? args.identity : own;
  const action: Action<P> = {
    v: 1,
    org: args.org,
    kind: args.kind,
    actor: args.actor,
    key,
    payload: args.payload,
    head: args.head,
    nonce: toBase64url(crypto.getRandomValues(new Uint8Array(16))),
    issuedAt: args.now.toISOString(),
  };
  if (args.signer.type === 'ed25519') {
    return { action, signature: await signWithBrowserKey(args.signer.key, actionSigningText(action)) };
  }
  const typed = actionTypedData(action);
  // eth_signTypedData_v4 takes the domain's own type too; the hash is the one viem computes.
  const document = {
    ...typed,
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
      ],
      ...typed.types,
    },
  };
  const raw = await args.signer.provider.request({
    method: 'eth_signTypedData_v4',
    params: [args.signer.address, JSON.stringify(document)],
  });
  return { action, signature: walletSignature(raw) };
}
