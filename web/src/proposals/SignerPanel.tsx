import { useState } from 'preact/hooks';
import { keyFileText, readKeyEntries } from '../../../src/identity/keyFileFormat.js';
import { ApiError } from '../api.js';
import { createBrowserKey, exportBrowserKey, importBrowserKey } from '../signing/browserKeys.js';
import { signerIdentity } from '../signing/signInBrowser.js';
import type { SignerState } from '../signing/useSigner.js';
import { ActForm, Field, Problem, TextField } from './ActForm.js';

export interface MemberView {
  readonly id: string;
  readonly name: string;
  readonly key?: string;
}

const short = (key: string) => (key.length > 22 ? `${key.slice(0, 18)}…${key.slice(-4)}` : key);
const failure = (error: unknown) =>
  error instanceof ApiError
    ? error
    : new ApiError({ code: 'client/keys', status: 0, message: (error as Error).message });

/**
 * Who is acting and with which key: pick a member of the organization, then a key kept in this
 * browser (made here with WebCrypto, or imported from a `devolve keys` file) or an injected
 * wallet. A member with no registered key registers the chosen one here (`key.register`, signed
 * by that key — the proof that its holder holds it).
 */
export function SignerPanel(props: { signer: SignerState; members: readonly MemberView[] }) {
  const { signer, members } = props;
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [exported, setExported] = useState<string | undefined>(undefined);
  const [importText, setImportText] = useState('');
  const [name, setName] = useState('browser');
  const [exportable, setExportable] = useState(false);
  const member = members.find((m) => m.id === signer.member);
  const identity = signer.signer === undefined ? undefined : signerIdentity(signer.signer);
  const guard = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(failure(e));
    }
  };
  return (
    <section class="card signer" aria-labelledby="signer-title">
      <h2 id="signer-title">Sign as a member</h2>
      <div class="signer__row">
        <Field id="acting-as" label="Acting as">
          <select
            id="acting-as"
            value={signer.member ?? ''}
            onChange={(e) => signer.chooseMember(e.currentTarget.value)}
          >
            <option value="">Choose a member…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.id}){m.key === undefined ? ' — no key yet' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id="signing-key" label="Signing key">
          <select
            id="signing-key"
            value={identity ?? ''}
            onChange={(e) => signer.chooseKey(e.currentTarget.value)}
          >
            <option value="">
              {signer.keys.length === 0 ? 'No key in this browser yet' : 'Choose a key…'}
            </option>
            {signer.keys.map((k) => (
              <option key={k.publicKey} value={k.publicKey}>
                {k.name} · {short(k.publicKey)}
                {k.privateKey.extractable ? ' (exportable)' : ''}
              </option>
            ))}
            {signer.signer?.type === 'wallet' && (
              <option value={signer.signer.address}>Wallet · {short(signer.signer.address)}</option>
            )}
          </select>
        </Field>
      </div>
      {member !== undefined && identity !== undefined && (
        <div class="signer__status">
          {member.key === undefined ? (
            <ActForm
              title={`${member.name} has no registered key`}
              submit={`Register this key as ${member.id}`}
              build={() => ({ kind: 'key.register', payload: {} })}
              act={(kind, payload) => signer.act(kind, payload)}
            >
              <p class="muted small">
                The registration is signed with the key itself, so only its holder can make it. A pinned key
                in the charter must match.
              </p>
            </ActForm>
          ) : member.key.toLowerCase() === identity.toLowerCase() ? (
            <p class="signer__ok" role="status">
              Signing as {member.name} with their registered key.
            </p>
          ) : (
            <p class="signer__warn" role="status">
              {member.name}'s registered key is <code>{short(member.key)}</code>; the chosen key is another
              one, so the server will refuse what it signs.
            </p>
          )}
        </div>
      )}
      <details class="signer__manage">
        <summary>Manage keys in this browser</summary>
        <div class="signer__tools">
          <form
            class="act"
            onSubmit={(e) => {
              e.preventDefault();
              void guard(async () => {
                const key = await createBrowserKey({
                  name: name.trim() || 'browser',
                  exportable,
                  now: new Date(),
                });
                await signer.reloadKeys(key.publicKey);
              });
            }}
          >
            <h3>New Ed25519 key</h3>
            <Field id="new-key-name" label="Key name">
              <input id="new-key-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </Field>
            <label class="check">
              <input
                type="checkbox"
                checked={exportable}
                onChange={(e) => setExportable(e.currentTarget.checked)}
              />{' '}
              Exportable (to use the same key with the CLI); otherwise it never leaves this browser
            </label>
            <button type="submit" class="button">
              Make a key
            </button>
          </form>
          <form
            class="act"
            onSubmit={(e) => {
              e.preventDefault();
              void guard(async () => {
                let value: unknown;
                try {
                  value = JSON.parse(importText);
                } catch {
                  throw new Error('the key file is not JSON');
                }
                const read = readKeyEntries(value);
                if (!read.ok) throw new Error(`the key file is not valid: ${read.why}`);
                const entry = read.keys.find((k) => k.type === 'ed25519');
                if (entry === undefined) throw new Error('the key file holds no Ed25519 key');
                try {
                  const key = await importBrowserKey({ entry, exportable });
                  await signer.reloadKeys(key.publicKey);
                } catch (e) {
                  throw new Error(`key '${entry.name}' was not imported: ${(e as Error).message}`);
                }
                setImportText('');
              });
            }}
          >
            <h3>Import from a key file</h3>
            <TextField
              id="import-key"
              label="Key file (the JSON `devolve keys` writes)"
              rows={4}
              value={importText}
              onInput={setImportText}
            />
            <button type="submit" class="button">
              Import the key
            </button>
          </form>
          <div class="act">
            <h3>Export or connect</h3>
            <button
              type="button"
              class="button button--quiet"
              disabled={signer.signer?.type !== 'ed25519'}
              onClick={() =>
                guard(async () => {
                  if (signer.signer?.type !== 'ed25519') return;
                  setExported(keyFileText([await exportBrowserKey(signer.signer.key)]));
                })
              }
            >
              Export the chosen key
            </button>{' '}
            {signer.walletAvailable && (
              <button
                type="button"
                class="button button--quiet"
                onClick={() => guard(() => signer.useWallet())}
              >
                Use my wallet (EIP-712)
              </button>
            )}
            {exported !== undefined && (
              <Field
                id="exported-key"
                label="Key file — keep it secret"
                hint="Save it as keys.json for `devolve --keys`."
              >
                <textarea
                  id="exported-key"
                  rows={6}
                  readOnly
                  value={exported}
                  aria-describedby="exported-key-hint"
                />
              </Field>
            )}
          </div>
        </div>
      </details>
      {error !== undefined && <Problem id="signer-error" error={error} />}
    </section>
  );
}
