/**
 * The Devolve library: `import { loadCharter, makePlan, verifyLog } from 'devolve'`.
 *
 * The package's one entry point (the only barrel in the code base, as STYLE.md allows). It holds
 * what a program needs to use Devolve without its command line:
 *
 * - the pure core — charters, the organization model, readiness and the planner, policies in
 *   words, concentration metrics, the log format and its verifier. No I/O and no clock: every
 *   function that needs the time takes `now`;
 * - identity — signing actions with Ed25519 or Ethereum keys, and the crypto `verifyLog` needs;
 * - the store port (`EventStore`) with its two adapters, embedded PGlite and PostgreSQL;
 * - the HTTP API as a Hono app (`createApp`) and as a running server (`startServer`).
 *
 * Everything else (the CLI, file helpers) is internal and may change without notice.
 *
 * @example
 * import { loadCharter, makePlan, NO_EVIDENCE } from 'devolve';
 * const load = loadCharter({ text, file: 'devolve.yaml', now: Date.now() });
 * if (load.ok) console.log(makePlan({ organization: load.organization, evidence: NO_EVIDENCE, now: Date.now() }));
 */

export { charterJsonSchema } from './core/charter/charterJsonSchema.js';

// Charters and the organization model
export type { CharterInput } from './core/charter/charterSchema.js';
export { DEFAULT_DIMENSIONS, DEFAULT_LADDER } from './core/charter/defaults.js';
export { type CharterIssue, type CharterLoad, loadCharter } from './core/charter/loadCharter.js';
// Errors
export { DevolveError } from './core/errors/DevolveError.js';
export { ALL_ERROR_CODES, type ErrorCode, isErrorCode } from './core/errors/ErrorCode.js';
// Evidence, readiness, the planner and its renderings
export { type Evidence, NO_EVIDENCE } from './core/evidence/Evidence.js';
export { type EvidenceLoad, loadEvidence } from './core/evidence/loadEvidence.js';
export { type Board, buildBoard } from './core/explain/buildBoard.js';
export { explainUnit, type UnitExplanation } from './core/explain/explainUnit.js';
// The signed, hash-chained log
export { type Action, actionSigningText, actionTypedData, type SignedAction } from './core/log/Action.js';
export { canonicalJson } from './core/log/canonicalJson.js';
export { eventHashText, type LogEvent } from './core/log/LogEvent.js';
export {
  type BadEvent,
  type LogCrypto,
  type LogLine,
  type LogVerification,
  verifyLog,
} from './core/log/verifyLog.js';
// Concentration metrics (bigint holdings, exact results)
export { type ConcentrationReport, concentrationReport } from './core/metrics/concentrationReport.js';
export type { ExactValue } from './core/metrics/ExactValue.js';
export { giniCoefficient } from './core/metrics/giniCoefficient.js';
export { herfindahlIndex } from './core/metrics/herfindahlIndex.js';
export { nakamotoCoefficient } from './core/metrics/nakamotoCoefficient.js';
export { normalizedEntropy } from './core/metrics/normalizedEntropy.js';
export type { Holdings } from './core/metrics/sortHoldings.js';
export { theilIndex } from './core/metrics/theilIndex.js';
export { topKShare } from './core/metrics/topKShare.js';
// The model's types, by name: the entry point lists what is public, so the list repeats the names
// that modules using the model import (a deliberate repeat; `duplicates` pairs it with them).
export type {
  Commitment,
  Criterion,
  Dependency,
  Dimension,
  Ladder,
  Member,
  Organization,
  Party,
  Policy,
  Role,
  Unit,
  UnitLevel,
} from './core/model/Organization.js';
export {
  type CommitmentView,
  makePlan,
  type Plan,
  type Recommendation,
  type RoadmapStep,
} from './core/planner/makePlan.js';
export { describePolicy, explainPolicy, type PolicyExplanation } from './core/policy/describePolicy.js';
export { METHODS, type MethodName } from './core/policy/MethodName.js';
export { BINDABLE_SLOTS, type BindableSlot, SLOTS, type SlotName } from './core/policy/Slot.js';
export { parseRatio, type Ratio } from './core/ratio/Ratio.js';
export { assessMove, type MoveAssessment } from './core/readiness/assessMove.js';
export { renderPlanMarkdown } from './core/report/renderPlanMarkdown.js';
export type { OrgState } from './core/state/OrgState.js';
// Time (the core takes it as an argument; these read and write it)
export { formatDuration, parseDuration } from './core/time/Duration.js';
export { formatInstant, parseInstant } from './core/time/Instant.js';

// Identity: keys and signatures
export { generateEd25519 } from './identity/ed25519.js';
export { generateEthereum } from './identity/eip712.js';
export { logCrypto } from './identity/logCrypto.js';
export { publicIdentityOf, type SigningKey, signAction } from './identity/signAction.js';
export { verifyActionSignature } from './identity/verifyActionSignature.js';
// The HTTP API
export { createApp } from './server/createApp.js';
export { openApiDocument } from './server/openApiDocument.js';
export { DEFAULT_HOST, DEFAULT_PORT, type RunningServer, startServer } from './server/startServer.js';
// The store port and its adapters
export { createPgliteStore } from './store/createPgliteStore.js';
export { createPostgresStore } from './store/createPostgresStore.js';
export type {
  AppendResult,
  EventPage,
  EventStore,
  LogHead,
  OrganizationSummary,
  RebuildReport,
} from './store/EventStore.js';
