import type { Board } from '../../src/core/explain/buildBoard.js';
import type { UnitExplanation } from '../../src/core/explain/explainUnit.js';
import type { ProposalDetail, ProposalSummary } from '../../src/core/governance/views/proposalView.js';
import type { SignedAction } from '../../src/core/log/Action.js';
import type { Plan } from '../../src/core/planner/makePlan.js';
import type { BoardView } from '../../src/server/boardView.js';
import type { OrganizationView } from '../../src/server/organizationView.js';
import type { TimelineView } from '../../src/server/timelineView.js';
import type { TransparencyView } from '../../src/server/transparencyView.js';
import type { UnitView } from '../../src/server/unitView.js';
import type { OrganizationSummary } from '../../src/store/EventStore.js';

/** What `GET /api/orgs/{org}/plan` answers: the board, the plan, and the log position they reflect. */
export interface PlanResponse {
  readonly seq: number;
  readonly head: string;
  readonly board: Board;
  readonly plan: Plan;
}

export interface HeadResponse {
  readonly seq: number;
  readonly head: string;
  readonly recordedAt: string;
}

/** A value as it travels in JSON: bigints (weights, totals) arrive as decimal strings. */
export type Wire<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Wire<T[K]> }
      : T;

export type ProposalSummaryView = Wire<ProposalSummary>;
export type ProposalDetailView = Wire<ProposalDetail>;

/** What `POST /api/orgs/{org}/actions` answers: the event the action was sealed into. */
export interface RecordedAction {
  readonly event: { readonly seq: number; readonly hash: string };
  readonly created: boolean;
}

/**
 * A failed API call, carrying the RFC 9457 problem the server answered with: `code` is stable and
 * machine-readable, `message` says what went wrong in words.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** What to do about it, when the server says. */
  readonly hint: string | undefined;
  constructor(args: { code: string; status: number; message: string; hint?: string | undefined }) {
    super(args.message);
    this.name = 'ApiError';
    this.code = args.code;
    this.status = args.status;
    this.hint = args.hint;
  }
}

async function request<T>(path: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ code: 'network', status: 0, message: 'The server cannot be reached.' });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = (body ?? {}) as { code?: unknown; detail?: unknown; hint?: unknown };
    throw new ApiError({
      code: typeof problem.code === 'string' ? problem.code : `http/${response.status}`,
      status: response.status,
      message:
        typeof problem.detail === 'string' ? problem.detail : `The server answered ${response.status}.`,
      hint: typeof problem.hint === 'string' ? problem.hint : undefined,
    });
  }
  return body as T;
}

const get = <T>(path: string, signal?: AbortSignal) =>
  request<T>(path, { headers: { accept: 'application/json' } }, signal);

const at = (org: string) => `/api/orgs/${encodeURIComponent(org)}`;

/**
 * The dashboard's whole view of the API, one function per endpoint: the reads, and the one write,
 * a signed action.
 */
export const api = {
  organizations: (signal?: AbortSignal) => get<{ organizations: OrganizationSummary[] }>('/api/orgs', signal),
  organization: (org: string, signal?: AbortSignal) => get<OrganizationView>(at(org), signal),
  head: (org: string, signal?: AbortSignal) => get<HeadResponse>(`${at(org)}/head`, signal),
  plan: (org: string, signal?: AbortSignal) => get<PlanResponse>(`${at(org)}/plan`, signal),
  units: (org: string, signal?: AbortSignal) => get<{ units: UnitView[] }>(`${at(org)}/units`, signal),
  board: (org: string, signal?: AbortSignal) => get<BoardView>(`${at(org)}/board`, signal),
  unit: (org: string, unit: string, signal?: AbortSignal) =>
    get<UnitView>(`${at(org)}/units/${encodeURIComponent(unit)}`, signal),
  explain: (org: string, unit: string, signal?: AbortSignal) =>
    get<UnitExplanation>(`${at(org)}/units/${encodeURIComponent(unit)}/explain`, signal),
  timeline: (org: string, limit: number, before: number | null, signal?: AbortSignal) =>
    get<TimelineView>(
      `${at(org)}/timeline?limit=${limit}${before === null ? '' : `&before=${before}`}`,
      signal,
    ),
  transparency: (org: string, signal?: AbortSignal) =>
    get<TransparencyView>(`${at(org)}/transparency`, signal),
  exportUrl: (org: string) => `${at(org)}/export`,
  proposals: (org: string, signal?: AbortSignal) =>
    get<{ proposals: ProposalSummaryView[] }>(`${at(org)}/proposals`, signal),
  proposal: (org: string, id: string, signal?: AbortSignal) =>
    get<ProposalDetailView>(`${at(org)}/proposals/${encodeURIComponent(id)}`, signal),
  /** Records a signed action; a refusal is an `ApiError` with the server's code and words. */
  act: (org: string, signed: SignedAction) =>
    request<RecordedAction>(`${at(org)}/actions`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    }),
};
