import { DevolveError } from '../../src/core/errors/DevolveError.js';
import { applyEvent } from '../../src/core/state/applyEvent.js';
import type { OrgState } from '../../src/core/state/OrgState.js';
import type { SigningKey } from '../../src/identity/signAction.js';
import type { LogBuilder } from './signedLog.js';

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
