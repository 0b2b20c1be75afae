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
/** The ballot log behind a proposal (or its JSON form) whose `ballots` this module defined. */
const logs = new WeakMap<object, BallotLog>();

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
  let ballots: readonly BallotRecord[] | undefined;
  const keys = Object.keys(source);
  if (!keys.includes('ballots')) keys.push('ballots');
  for (const key of keys) {
    if (key === 'ballots') {
      Object.defineProperty(out, 'ballots', {
        enumerable: true,
        configurable: true,
        get: () => {
          ballots ??= log.shared.length === log.length ? log.shared.slice() : log.shared.slice(0, log.length);
          return ballots;
        },
      });
      continue;
    }
    const value =
      key in changes ? (changes as Record<string, unknown>)[key] : (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  logs.set(out, log);
  return out as T;
}
