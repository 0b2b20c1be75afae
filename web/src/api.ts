import type { Board } from '../../src/core/explain/buildBoard.js';
import type { UnitExplanation } from '../../src/core/explain/explainUnit.js';
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

/**
 * A failed API call, carrying the RFC 9457 problem the server answered with: `code` is stable and
 * machine-readable, `message` says what went wrong in words.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(args: { code: string; status: number; message: string }) {
    super(args.message);
    this.name = 'ApiError';
    this.code = args.code;
    this.status = args.status;
  }
}

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
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
    const problem = (body ?? {}) as { code?: unknown; detail?: unknown };
    throw new ApiError({
      code: typeof problem.code === 'string' ? problem.code : `http/${response.status}`,
      status: response.status,
      message:
        typeof problem.detail === 'string' ? problem.detail : `The server answered ${response.status}.`,
    });
  }
  return body as T;
}

const at = (org: string) => `/api/orgs/${encodeURIComponent(org)}`;

/**
 * The dashboard's whole view of the API, one function per endpoint. Proposals (issue 7) add
 * their reads and the signed writes here.
 */
export const api = {
  organizations: (signal?: AbortSignal) => get<{ organizations: OrganizationSummary[] }>('/api/orgs', signal),
  organization: (org: string, signal?: AbortSignal) => get<OrganizationView>(at(org), signal),
  head: (org: string, signal?: AbortSignal) => get<HeadResponse>(`${at(org)}/head`, signal),
  plan: (org: string, signal?: AbortSignal) => get<PlanResponse>(`${at(org)}/plan`, signal),
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
};
