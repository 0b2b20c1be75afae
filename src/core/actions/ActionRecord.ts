import type { LogEvent } from '../log/LogEvent.js';
import type { Schema } from '../schema/Schema.js';
import type { OrgState } from '../state/OrgState.js';

/**
 * Who must have signed an action of a kind (the signature itself is checked before `applyEvent`):
 * - `founder` — the first action of a log; the actor is a member of the charter it carries;
 * - `member` — a member of the charter in force, with the registered key that signed;
 * - `claimant` — a member of the charter in force, signing with the key the action registers,
 *   which proves they hold it.
 */
export type Signer = 'founder' | 'member' | 'claimant';

/** What an action's checks and effect see: the state before it, the event, its checked payload. */
export interface ActionContext<State extends OrgState | undefined, Payload> {
  readonly state: State;
  readonly event: LogEvent;
  readonly payload: Payload;
  /** When the action takes effect: the event's `recordedAt`, epoch ms. */
  readonly at: number;
}

/**
 * One kind of action, all of it in one record: the shape of its payload (a schema that validates
 * it, types it and renders it in the OpenAPI document and the log's JSON Schema), who may take it
 * (`signer`, then `authorize`) and what it does (`apply`). `authorize` throws an `action/…`
 * `DevolveError` or returns what it found out (a resolved charter, say), which `apply` uses, so
 * nothing is worked out twice.
 *
 * @example
 * const record = actionRecordOf('charter.amend');
 * const checked = record.authorize(context);
 * const next = record.apply(context, checked);
 */
export interface ActionRecord<Payload = unknown, Checked = unknown> {
  readonly kind: string;
  /** One line for documentation: what the action does. */
  readonly summary: string;
  readonly payload: Schema<Payload>;
  readonly signer: Signer;
  authorize(context: ActionContext<OrgState, Payload>): Checked;
  apply(context: ActionContext<OrgState, Payload>, checked: Checked): OrgState;
}

/** The record of the one kind that starts a log: it has no state before it. */
export interface StartRecord<Payload = unknown, Checked = unknown> {
  readonly kind: string;
  readonly summary: string;
  readonly payload: Schema<Payload>;
  readonly signer: 'founder';
  authorize(context: ActionContext<undefined, Payload>): Checked;
  apply(context: ActionContext<undefined, Payload>, checked: Checked): OrgState;
}
