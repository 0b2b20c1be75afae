import { setImmediate as nextTurn } from 'node:timers/promises';
import { checkCharterValueSteps } from '../core/charter/checkCharterValue.js';
import type { SignedAction } from '../core/log/Action.js';

/**
 * Checks the charter an action carries (`org.create`, `charter.amend`) in steps, giving the
 * event loop a turn between them, so that requests for other organizations are answered while a
 * large charter is checked. It decides nothing: the store checks the charter again, with
 * authority, when it applies the action — by then a charter within the limits takes a fraction
 * of a second, and one past them is refused before any work.
 *
 * @example
 * await paceCharterCheck({ signed }); // before store.append({ signed, now })
 */
export async function paceCharterCheck(args: { signed: SignedAction }): Promise<void> {
  const payload = args.signed.action.payload;
  const charter =
    typeof payload === 'object' && payload !== null ? (payload as { charter?: unknown }).charter : undefined;
  if (charter === undefined) return;
  const steps = checkCharterValueSteps({ value: charter });
  while (steps.next().done !== true) await nextTurn();
}
