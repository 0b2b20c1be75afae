import { hiddenSlot } from '../../lang/hiddenSlot.js';
import type { BallotRecord } from './Proposal.js';

/**
 * The ballots one state of a proposal holds: the first `length` records of `shared`, an array
 * successive states of the proposal share. A vote appends to the array in place when it is cast
 * on the latest state (no later state took the array on), so replaying n votes costs O(n), not the
 * O(n²) of copying the list on every vote; a vote cast on an earlier state copies its prefix first.
 * Either way no state ever sees a ballot cast after it.
 */
export interface BallotLog {
  readonly shared: readonly BallotRecord[];
  readonly length: number;
}

/** Arrays this module created and may therefore append to (never a caller's array). */
const appendable = new WeakSet<readonly BallotRecord[]>();
/**
 * The ballot log behind a proposal (or its JSON form) whose `ballots` this module defined. A
 * hidden slot, not a `WeakMap`: every vote makes two such holders (see `hiddenSlot`).
 */
const logs = hiddenSlot<BallotLog>();

/** The ballots of `holder` (a proposal or its JSON form), without copying them. */
export function ballotLogOf(holder: { readonly ballots: readonly BallotRecord[] }): BallotLog {
  const log = logs.get(holder);
  if (log !== undefined) return log;
  return { shared: holder.ballots, length: holder.ballots.length };
}

/** `log` with `record` after its ballots; `log` itself is unchanged. O(1) amortized on the latest state. */
export function appendBallot(log: BallotLog, record: BallotRecord): BallotLog {
  let shared = log.shared as BallotRecord[];
  if (!appendable.has(shared) || shared.length !== log.length) {
    shared = shared.slice(0, log.length);
    appendable.add(shared);
  }
  shared.push(record);
  return { shared, length: log.length + 1 };
}

/**
 * A copy of `source`'s own fields, in the same order, with `ballots` the records of `log`. The
 * copy's `ballots` reads as an ordinary array (made from the log on first read, then kept), so
 * every reader, `JSON.stringify` and spreading included, sees a plain list; `source`'s ballots
 * are not read, so copying a proposal with many ballots costs its few other fields only. Fields
 * whose value is undefined are left out, and `changes` replaces fields of `source`.
 */
export function withBallotLog<T extends { readonly ballots: readonly BallotRecord[] }>(
  source: T,
  log: BallotLog,
  changes: Partial<Record<keyof T, unknown>> = {},
): T {
  const out: Record<string, unknown> = {};
  const fields = source as Record<string, unknown>;
  const replaced = changes as Record<string, unknown>;
  // A vote copies a proposal without changes: then no field is looked up among them.
  let changing = false;
  for (const _ in replaced) {
    changing = true;
    break;
  }
  let defined = false;
  // Whether `out` has exactly `keys`, in order: then its own copies reuse the list.
  let same = true;
  const keys = keyLists.get(source) ?? Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === 'ballots') {
      Object.defineProperty(out, 'ballots', BALLOTS);
      defined = true;
    } else {
      const value = changing && Object.hasOwn(replaced, key) ? replaced[key] : fields[key];
      if (value !== undefined) out[key] = value;
      else same = false;
    }
  }
  if (!defined) Object.defineProperty(out, 'ballots', BALLOTS);
  logs.set(out, log);
  if (same && defined) keyLists.set(out, keys);
  return out as T;
}

/**
 * The own keys of a holder this function made, in order: a vote copies the proposal twice, and
 * listing the keys again each time would cost an array per copy. Holders are never changed after
 * they are made (proposals and their JSON forms are immutable), so the list stays true.
 */
const keyLists = hiddenSlot<readonly string[]>();

/** Arrays already made from a holder's log, on the first read of its `ballots`. */
const materialized = hiddenSlot<readonly BallotRecord[]>();

/** One accessor shared by every holder, so holders keep one shape (a getter made per holder would not). */
const BALLOTS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object): readonly BallotRecord[] {
    let ballots = materialized.get(this);
    if (ballots === undefined) {
      const log = logs.get(this)!;
      ballots = log.shared.slice(0, log.length);
      materialized.set(this, ballots);
    }
    return ballots;
  },
};
