import { readCharter } from '../core/actions/charterPayload.js';
import { DevolveError } from '../core/errors/DevolveError.js';
import { type ErrorCode, isErrorCode } from '../core/errors/ErrorCode.js';
import { type EvidenceRecord, entryFromJson } from '../core/evidence/EvidenceRecord.js';
import type { SignedAction } from '../core/log/Action.js';
import type { OrgState } from '../core/state/OrgState.js';
import type { AppendResult, EventStore } from '../store/EventStore.js';
import { openStore } from './openStore.js';

/**
 * What a command that signs actions needs from where the log lives: the local store, or a running
 * `devolve serve` reached over HTTP. Either way the store or the server checks every right; the
 * command only signs.
 */
export type ActionTarget = Pick<
  EventStore,
  'createOrganization' | 'append' | 'readState' | 'readHead' | 'listOrganizations' | 'close' | 'readEvidence'
>;

/** The server named by `--server`, else by `DEVOLVE_SERVER`, else none. */
export function serverUrl(args: { server: string | undefined; env?: NodeJS.ProcessEnv }): string | undefined {
  const url = args.server ?? (args.env ?? process.env)['DEVOLVE_SERVER'];
  return url === undefined || url === '' ? undefined : url;
}

interface ProblemBody {
  readonly code?: unknown;
  readonly detail?: unknown;
  readonly hint?: unknown;
  readonly details?: unknown;
}

/**
 * A client of the Devolve HTTP API with the shape of a store: writes POST signed actions, reads
 * come from `GET /api/orgs/{org}/state` (the organization rebuilt from its charter, as
 * `applyEvent` builds it). A refusal from the server is a `DevolveError` with the server's code,
 * its code shown in the message so one line says what happened.
 *
 * @example
 * const target = serverClient({ url: 'http://127.0.0.1:4747' });
 * const state = await target.readState({ org: 'lumen-protocol' });
 */
export function serverClient(args: { url: string; fetch?: typeof fetch }): ActionTarget {
  const base = args.url.replace(/\/+$/, '');
  const send = args.fetch ?? fetch;

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await send(`${base}${path}`, init);
    } catch (error) {
      throw new DevolveError({
        code: 'server/unreachable',
        message: `cannot reach the Devolve server at ${base}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`,
        hint: 'start it with `devolve serve`, or check --server / DEVOLVE_SERVER',
        details: { server: base },
      });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.ok && body !== undefined) return body as T;
    const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
    // A server of another version may answer with a code this client does not know: it is kept in
    // the message and the details, under a code of our own.
    const given = typeof problem.code === 'string' ? problem.code : `http-${response.status}`;
    const code: ErrorCode = isErrorCode(given) ? given : 'server/bad-response';
    const detail =
      typeof problem.detail === 'string' ? problem.detail : `${response.status} ${response.statusText}`;
    throw new DevolveError({
      code,
      message: `${detail} [${given}]`,
      ...(typeof problem.hint === 'string' ? { hint: problem.hint } : {}),
      details: {
        ...(typeof problem.details === 'object' && problem.details !== null ? problem.details : {}),
        status: response.status,
        server: base,
        serverCode: given,
      },
    });
  }

  const post = (path: string, signed: SignedAction) =>
    call<AppendResult>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
  const orgPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}`;

  return {
    createOrganization: ({ signed }) => post('/api/orgs', signed),
    append: ({ signed }) => post(`${orgPath(signed.action.org)}/actions`, signed),
    async readState({ org }) {
      const state = await call<Omit<OrgState, 'organization'>>(`${orgPath(org)}/state`);
      return { ...state, organization: readCharter(state.charter).organization };
    },
    readHead: ({ org }) => call(`${orgPath(org)}/head`),
    async listOrganizations() {
      return (
        await call<{ organizations: Awaited<ReturnType<EventStore['listOrganizations']>> }>('/api/orgs')
      ).organizations;
    },
    async readEvidence({ org, after, filter = {} }) {
      const query = new URLSearchParams();
      if (after !== undefined) query.set('after', String(after));
      if (filter.kind !== undefined) query.set('kind', filter.kind);
      if (filter.unit !== undefined) query.set('unit', filter.unit);
      const { evidence } = await call<{ evidence: EvidenceRecord[] }>(`${orgPath(org)}/evidence?${query}`);
      return evidence.map((record) => ({ ...record, entry: entryFromJson(record.entry) }));
    },
    async close() {},
  };
}

/**
 * Where a command's actions go: the server named by `--server` or `DEVOLVE_SERVER` — so members
 * act while `devolve serve` holds the data directory — else the local store (`openStore`).
 *
 * @example
 * const { target, where } = await openTarget({ server: options.server, data: options.data, mode: 'read' });
 * try { … } finally { await target.close(); }
 */
export async function openTarget(args: {
  server: string | undefined;
  data?: string | undefined;
  charterFile?: string | undefined;
  mode: 'read' | 'write';
  env?: NodeJS.ProcessEnv;
}): Promise<{ target: ActionTarget; where: string; remote: boolean }> {
  const url = serverUrl({ server: args.server, ...(args.env === undefined ? {} : { env: args.env }) });
  if (url !== undefined) return { target: serverClient({ url }), where: `server ${url}`, remote: true };
  const { store, where } = await openStore({
    data: args.data,
    charterFile: args.charterFile,
    mode: args.mode,
    ...(args.env === undefined ? {} : { env: args.env }),
  });
  return { target: store, where, remote: false };
}

/** The `--server` option every command that acts or reads the log shares. */
export const SERVER_OPTION = [
  '--server <url>',
  'act through a running `devolve serve` (default: $DEVOLVE_SERVER; else the local store)',
] as const;
