/** The outcome of one item of a group: each item succeeds or fails on its own. */
export type Settled<R> =
  | { readonly ok: true; readonly value: R }
  | { readonly ok: false; readonly error: unknown };

export interface GroupQueue<I, R> {
  /** Queues `item` under `key`; settles once the group it joined has run. */
  submit(key: string, item: I): Promise<R>;
}

interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Groups concurrent work by key: items submitted under one key run in submission order, at most
 * `maxGroup` at a time, one group after another (each starting a turn of the event loop after
 * the one before). While a group runs, the items that arrive queue
 * for the next one — so under load each group carries everything that came in meanwhile, and a
 * lone item runs at once. `run` returns one outcome per item, in order; if it throws, every item
 * of its group fails with that error (none of them took effect, e.g. a transaction rolled back).
 * Keys are independent: groups of different keys may run at the same time.
 *
 * @example
 * const queue = createGroupQueue({ maxGroup: 256, run: (org, actions) => appendInOneTransaction(org, actions) });
 * const result = await queue.submit('lumen', action);
 */
export function createGroupQueue<I, R>(args: {
  maxGroup: number;
  run: (key: string, items: readonly I[]) => Promise<readonly Settled<R>[]>;
}): GroupQueue<I, R> {
  const queues = new Map<string, Waiting<I, R>[]>();

  async function drain(key: string, queue: Waiting<I, R>[]): Promise<void> {
    while (queue.length > 0) {
      // One turn of the event loop first: whatever else arrives in it (the callers of the group
      // just settled, coming back with their next item) joins this group instead of the next.
      await new Promise((resolve) => setImmediate(resolve));
      const group = queue.splice(0, args.maxGroup);
      let outcomes: readonly Settled<R>[];
      try {
        outcomes = await args.run(
          key,
          group.map((waiting) => waiting.item),
        );
        if (outcomes.length !== group.length) {
          throw new Error(`a group of ${group.length} gave ${outcomes.length} outcomes`);
        }
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
        continue;
      }
      group.forEach((waiting, index) => {
        const outcome = outcomes[index]!;
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    }
    queues.delete(key);
  }

  return {
    submit(key, item) {
      return new Promise<R>((resolve, reject) => {
        const queue = queues.get(key);
        if (queue !== undefined) {
          queue.push({ item, resolve, reject });
          return;
        }
        const fresh: Waiting<I, R>[] = [{ item, resolve, reject }];
        queues.set(key, fresh);
        void drain(key, fresh);
      });
    },
  };
}
