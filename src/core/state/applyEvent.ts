import type { ActionContext, Signer } from '../actions/ActionRecord.js';
import { ACTION_KINDS, actionRecordOf, START_RECORD } from '../actions/actionKinds.js';
import { refuse } from '../actions/refuse.js';
import type { Action } from '../log/Action.js';
import type { LogEvent } from '../log/LogEvent.js';
import { sameIdentity } from '../log/sameIdentity.js';
import type { Schema, SchemaIssue } from '../schema/Schema.js';
import { memberOf, registeredKey } from './identityIndex.js';
import type { OrgState } from './OrgState.js';

/** The hint given to a member who acts before registering a key. */
export const REGISTER_HINT =
  'register your key first: `devolve keys register --as <member>` signs key.register with it (the signature proves you hold it)';

/** Checks the payload against its kind's schema: exactly the fields it names, each of its form. */
function checkPayload<P>(kind: string, schema: Schema<P>, payload: unknown): P {
  const issues: SchemaIssue[] = [];
  if (schema.validate(payload, ['payload'], issues)) return payload;
  const first = issues[0];
  throw refuse(
    'invalid-payload',
    `the payload of ${kind} is not valid${first === undefined ? '' : `: ${first.path.join('.')}: ${first.message}`}`,
    { kind, issues: issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) },
  );
}

/**
 * Who may sign, in one place: the actor must be a member of the charter in force; for `member`
 * kinds, acting with the key they registered. `claimant` kinds (registering a key) are signed
 * with the key being registered, which their record checks.
 */
function authenticate(state: OrgState, action: Action, signer: Signer): void {
  const { actor } = action;
  if (memberOf(state.organization, actor) === undefined) {
    throw refuse('unknown-actor', `'${actor}' is not a member of ${state.organization.name}`, { actor });
  }
  if (signer !== 'member') return;
  const registered = registeredKey(state, actor);
  if (registered === undefined) {
    throw refuse('key-not-registered', `'${actor}' has not registered a key yet`, { actor }, REGISTER_HINT);
  }
  // An Ethereum address is one account in any letter case (README, "Ethereum addresses").
  if (!sameIdentity(registered, action.key)) {
    throw refuse('wrong-key', `the action claims to be from '${actor}' but is signed with another key`, {
      actor,
    });
  }
}

/**
 * Applies one event to an organization's state, after checking that its actor had the right to
 * take it: the pure heart of both the store's projection and offline verification. The caller
 * has already checked the event's hash, chain link and signature; this checks what they mean.
 *
 * It dispatches through the action registry (`src/core/actions/actionKinds.ts`): the log starts
 * with `org.create` and only with it; every later kind is looked up, its signer checked
 * (`authenticate`), its payload checked against its schema, then its own `authorize` and `apply`
 * run. Unknown kinds are refused. The time of the action is the event's `recordedAt`.
 *
 * Returns the new state, or throws a `DevolveError` with an `action/…` code saying why not.
 *
 * @example
 * let state: OrgState | undefined;
 * for (const event of events) state = applyEvent({ state, event });
 */
export function applyEvent(args: { state: OrgState | undefined; event: LogEvent }): OrgState {
  const { state, event } = args;
  const { action } = event;
  const at = Date.parse(event.recordedAt);
  if (state === undefined) {
    if (action.kind !== START_RECORD.kind) {
      throw refuse(
        'no-organization',
        `the log of '${action.org}' must start with org.create, not ${action.kind}`,
      );
    }
    const payload = checkPayload(action.kind, START_RECORD.payload, action.payload);
    const context: ActionContext<undefined, unknown> = { state, event, payload, at };
    return START_RECORD.apply(context, START_RECORD.authorize(context));
  }
  if (action.org !== state.id) {
    throw refuse('wrong-organization', `the action is for '${action.org}', this log is '${state.id}'`);
  }
  const record = actionRecordOf(action.kind);
  authenticate(state, action, record?.signer ?? 'member');
  if (record === undefined) {
    throw refuse('unknown-kind', `unknown action kind '${action.kind}'`, {
      kind: action.kind,
      known: ACTION_KINDS.slice(1),
    });
  }
  const payload = checkPayload(action.kind, record.payload, action.payload);
  const context: ActionContext<OrgState, unknown> = { state, event, payload, at };
  return record.apply(context, record.authorize(context));
}
