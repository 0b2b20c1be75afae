import { DevolveError } from '../../src/core/errors/DevolveError.js';
import { applyEvent } from '../../src/core/state/applyEvent.js';
import type { OrgState } from '../../src/core/state/OrgState.js';
import type { SigningKey } from '../../src/identity/signAction.js';
import { copy, daoCharter, ed25519Key, type JsonObject, LogBuilder } from './signedLog.js';

/**
 * A log under construction with its state kept beside it, for tests of who may do what: `act`
 * signs, seals and applies an action; `refusal` does the same for one that must be refused,
 * returns its code and leaves the log as it was.
 *
 * @example
 * const org = new ReplayedLog(log);
 * org.act({ key: keys.jonas, actor: 'jonas', kind: 'key.register', payload: {} });
 * expect(org.refusal({ key: keys.mara, actor: 'jonas', kind: 'key.rotate', payload: { key } })).toBe('action/wrong-key');
 */
export class ReplayedLog {
  state: OrgState | undefined;

  constructor(readonly log: LogBuilder) {
    for (const event of log.events) this.state = applyEvent({ state: this.state, event });
  }

  act(args: { key: SigningKey; actor: string; kind: string; payload: unknown }): OrgState {
    const event = this.log.append(args);
    try {
      this.state = applyEvent({ state: this.state, event });
    } catch (error) {
      this.log.events.pop();
      throw error;
    }
    return this.state;
  }

  refusal(args: { key: SigningKey; actor: string; kind: string; payload: unknown }): string {
    try {
      this.act(args);
    } catch (error) {
      if (error instanceof DevolveError) return error.code;
      throw error;
    }
    throw new Error(`${args.kind} by ${args.actor} was accepted`);
  }

  /** The error of the refused action, for tests that look at more than its code. */
  error(args: { key: SigningKey; actor: string; kind: string; payload: unknown }): DevolveError {
    try {
      this.act(args);
    } catch (error) {
      if (error instanceof DevolveError) return error;
      throw error;
    }
    throw new Error(`${args.kind} by ${args.actor} was accepted`);
  }
}

/**
 * The dao template (Lumen Protocol) as a replayed log: `prepare` edits the charter, mara creates
 * the organization, then each of `registered` registers the key pinned for them. `amend` signs a
 * `charter.amend` of a copy of the charter edited by `edit`, for `act` or `refusal`.
 *
 * @example
 * const { org, amend } = lumenRuntime({ org: 'lumen-x', registered: ['jonas'] });
 * org.act(amend('jonas', (c) => { unitOf(c, 'brand')['description'] = 'New.'; }));
 */
export function lumenRuntime(args: {
  org: string;
  registered: readonly string[];
  prepare?: (charter: JsonObject) => void;
}) {
  const keys: Record<string, SigningKey> = Object.fromEntries(
    ['mara', ...args.registered].map((id) => [id, ed25519Key()]),
  );
  const charter = daoCharter({ org: args.org, keys });
  args.prepare?.(charter);
  const log = new LogBuilder({ org: args.org });
  log.append({ key: keys['mara']!, actor: 'mara', kind: 'org.create', payload: { charter } });
  for (const member of args.registered) log.register({ key: keys[member]!, actor: member });
  const org = new ReplayedLog(log);
  const amend = (actor: string, edit: (c: JsonObject) => void) => {
    const next = copy(charter);
    edit(next);
    return { key: keys[actor]!, actor, kind: 'charter.amend', payload: { charter: next } };
  };
  return { org, keys, charter, amend };
}
