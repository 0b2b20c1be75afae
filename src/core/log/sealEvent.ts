import type { SignedAction } from './Action.js';
import { eventHashText, type LogEvent } from './LogEvent.js';

/**
 * Turns a signed action into the next log entry: its position, the link to the entry before it,
 * the time it is recorded, and its hash. `sha256Hex` is passed in so the core stays free of any
 * platform's crypto. `actionText`, the action's canonical JSON, is passed when the caller already
 * made it (to check the signature), so the hash does not make it again.
 *
 * @example
 * const event = sealEvent({ signed, seq: head.seq + 1, prev: head.hash, recordedAt, sha256Hex });
 */
export function sealEvent(args: {
  signed: SignedAction;
  seq: number;
  prev: string | null;
  recordedAt: string;
  sha256Hex: (text: string) => string;
  actionText?: string;
}): LogEvent {
  const body = {
    seq: args.seq,
    prev: args.prev,
    recordedAt: args.recordedAt,
    action: args.signed.action,
    signature: args.signed.signature,
  };
  return { ...body, hash: args.sha256Hex(eventHashText(body, args.actionText)) };
}
