import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api, type RecordedAction } from '../api.js';
import { type BrowserKey, listBrowserKeys } from './browserKeys.js';
import { type BrowserSigner, connectWallet, injectedWallet, signInBrowser } from './signInBrowser.js';

/** Who this browser acts as in an organization, remembered across visits (never a secret). */
interface Remembered {
  readonly member?: string;
  /** The public identity of the key or wallet account chosen. */
  readonly key?: string;
}

const storageKey = (org: string) => `devolve:acting-as:${org}`;

function remembered(org: string): Remembered {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(org)) ?? '{}') as Remembered;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

export interface SignerState {
  readonly member: string | undefined;
  readonly keys: readonly BrowserKey[];
  readonly signer: BrowserSigner | undefined;
  readonly walletAvailable: boolean;
  chooseMember(member: string): void;
  chooseKey(publicKey: string): void;
  /** Reads the browser's keys again (after one is made, imported or forgotten), choosing `select`. */
  reloadKeys(select?: string): Promise<void>;
  useWallet(): Promise<void>;
  /**
   * Signs `payload` as the chosen member against the log's current head and records it. Every
   * failure, the signing's included, is an `ApiError` for the form to show beside its button.
   */
  act(kind: string, payload: unknown, identity?: string): Promise<RecordedAction>;
}

/**
 * The member this browser acts as in `org` and what signs for them: a key kept in the browser
 * (IndexedDB) or an injected wallet's account. The choice is remembered per organization.
 */
export function useSigner(org: string): SignerState {
  const [choice, setChoice] = useState<Remembered>(() => remembered(org));
  const [keys, setKeys] = useState<readonly BrowserKey[]>([]);
  const [wallet, setWallet] = useState<BrowserSigner | undefined>(undefined);

  const save = useCallback(
    (next: Remembered) => {
      setChoice(next);
      localStorage.setItem(storageKey(org), JSON.stringify(next));
    },
    [org],
  );
  const reloadKeys = useCallback(
    async (select?: string) => {
      setKeys(await listBrowserKeys());
      if (select !== undefined) save({ ...remembered(org), key: select });
    },
    [org, save],
  );
  useEffect(() => {
    void reloadKeys();
  }, [reloadKeys]);

  const browserKey = keys.find((k) => k.publicKey === choice.key);
  const signer: BrowserSigner | undefined =
    browserKey !== undefined
      ? { type: 'ed25519', key: browserKey }
      : wallet !== undefined && wallet.type === 'wallet' && wallet.address === choice.key
        ? wallet
        : undefined;

  return {
    member: choice.member,
    keys,
    signer,
    walletAvailable: injectedWallet() !== undefined,
    chooseMember: (member) => save({ ...choice, member }),
    chooseKey: (key) => save({ ...choice, key }),
    reloadKeys,
    async useWallet() {
      const provider = injectedWallet();
      if (provider === undefined) throw new Error('there is no wallet in this browser');
      const address = await connectWallet(provider);
      setWallet({ type: 'wallet', provider, address });
      save({ ...choice, key: address });
    },
    async act(kind, payload, identity) {
      if (choice.member === undefined)
        throw new ApiError({
          code: 'client/no-member',
          status: 0,
          message: 'Choose who you are acting as first.',
        });
      if (signer === undefined)
        throw new ApiError({
          code: 'client/no-key',
          status: 0,
          message: 'Choose, make or import a key to sign with first.',
        });
      const { head } = await api.head(org);
      let signed: Awaited<ReturnType<typeof signInBrowser>>;
      try {
        signed = await signInBrowser({
          signer,
          org,
          kind,
          actor: choice.member,
          payload,
          head,
          now: new Date(),
          identity,
        });
      } catch (error) {
        throw new ApiError({
          code: 'client/not-signed',
          status: 0,
          message: `The action was not signed: ${(error as Error).message}`,
        });
      }
      return api.act(org, signed);
    },
  };
}
