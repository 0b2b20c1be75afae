import type { Context, Hono } from 'hono';
import { DevolveError } from '../core/errors/DevolveError.js';
import { type Evidence, NO_EVIDENCE } from '../core/evidence/Evidence.js';
import {
  type EvidenceEntry,
  type EvidenceRecord,
  evidenceOfRecords,
  mergeEvidence,
} from '../core/evidence/EvidenceRecord.js';
import type { EventStore } from '../store/EventStore.js';
import type { EvidenceSource } from './dashboardRoutes.js';

const KINDS: readonly EvidenceEntry['kind'][] = ['observation', 'control', 'attestation'];

/**
 * The planner's evidence per organization: what the store keeps, beside `file` (the evidence file
 * `demo` reads) when given. Stored evidence only grows, so each organization's is read once and
 * then only what was recorded since; while nothing new arrives the same object comes back, so
 * plans made from it are reused.
 */
export function storedEvidenceSource(args: { store: EventStore; file?: EvidenceSource }): EvidenceSource {
  const known = new Map<string, { records: EvidenceRecord[]; evidence: Evidence; file: Evidence }>();
  return async (org) => {
    const file = args.file === undefined ? NO_EVIDENCE : await args.file(org);
    const cached = known.get(org);
    const after = cached?.records.at(-1)?.id;
    const fresh = await args.store.readEvidence({ org, ...(after === undefined ? {} : { after }) });
    if (cached !== undefined && fresh.length === 0 && cached.file === file) return cached.evidence;
    const records = [...(cached?.records ?? []), ...fresh];
    const evidence = records.length === 0 ? file : mergeEvidence(file, evidenceOfRecords(records));
    known.set(org, { records, evidence, file });
    return evidence;
  };
}

/**
 * `GET /api/orgs/{org}/evidence`: the evidence the store keeps for an organization, in recording
 * order, each entry with where it came from and when it was recorded; `kind`, `unit` and `after`
 * narrow it. Read-only: evidence is recorded from the command line, not over the API.
 */
export function registerEvidenceRoutes(args: {
  app: Hono;
  store: EventStore;
  json: (c: Context, value: unknown) => Response;
  limit: (c: Context, name: string, fallback: number, min: number, max: number) => number;
}): void {
  const { app, store, json } = args;
  app.get('/api/orgs/:org/evidence', async (c) => {
    const kind = c.req.query('kind');
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
      throw new DevolveError({
        code: 'request/bad-query',
        message: `'kind' must be one of ${KINDS.join(', ')}`,
        details: { kind },
      });
    }
    const unit = c.req.query('unit');
    const after = args.limit(c, 'after', 0, 0, 9_999_999_999);
    const evidence = await store.readEvidence({
      org: c.req.param('org'),
      after,
      filter: {
        ...(kind === undefined ? {} : { kind: kind as EvidenceEntry['kind'] }),
        ...(unit === undefined ? {} : { unit }),
      },
    });
    return json(c, { evidence });
  });
}
