import { Worker } from 'node:worker_threads';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { SqlDatabase, SqlExecutor } from './SqlDatabase.js';

/**
 * The database thread's whole program: PGlite, and one message per call in order. Plain
 * JavaScript that imports PGlite by the absolute URL the opening thread resolved, so it runs the
 * same whether Devolve runs from its build or from source. A transaction is PGlite's own
 * (`BEGIN` … `COMMIT`, with its check that `COMMIT` did commit): its first statement comes
 * marked `begin`, and `commit` or `rollback` ends it.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const ROLLBACK = Symbol('rollback');
let pglite;
let open;

function replyFor(id, error) {
  if (error instanceof Error) {
    const fields = {};
    for (const [key, value] of Object.entries(error)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
    return { id, error: { name: error.name, message: error.message, stack: error.stack, fields } };
  }
  try {
    return { id, thrown: structuredClone(error) };
  } catch {
    return { id, thrown: String(error) };
  }
}

function begin() {
  return new Promise((entered, failed) => {
    const done = pglite.transaction(
      (tx) => new Promise((commit, abort) => {
        open = { tx, commit, abort, done };
        entered(undefined);
      }),
    );
    done.catch(failed);
  });
}

async function run(message) {
  if (message.begin) await begin();
  if (message.tx && open === undefined) throw new Error('no transaction is open (BEGIN failed)');
  const on = message.tx ? open.tx : pglite;
  switch (message.op) {
    case 'open': {
      const { PGlite } = await import(workerData.pglite);
      pglite = await PGlite.create(workerData.dataDir === undefined ? {} : { dataDir: workerData.dataDir });
      return undefined;
    }
    case 'query':
      return (await on.query(message.text, message.params)).rows;
    case 'script':
      await on.exec(message.text);
      return undefined;
    case 'commit': {
      if (open === undefined) throw new Error('no transaction is open (BEGIN failed)');
      const { commit, done } = open;
      open = undefined;
      commit(undefined);
      await done;
      return undefined;
    }
    case 'rollback': {
      if (open === undefined) return undefined;
      const { abort, done } = open;
      open = undefined;
      abort(ROLLBACK);
      await done.catch((error) => {
        if (error !== ROLLBACK) throw error;
      });
      return undefined;
    }
    case 'close':
      await pglite?.close();
      pglite = undefined;
      return undefined;
    default:
      throw new Error('unknown operation ' + message.op);
  }
}

let chain = Promise.resolve();
parentPort.on('message', (message) => {
  chain = chain
    .then(() => run(message))
    .then(
      (value) => {
        try {
          parentPort.postMessage({ id: message.id, value });
        } catch (error) {
          parentPort.postMessage(replyFor(message.id, error));
        }
      },
      (error) => parentPort.postMessage(replyFor(message.id, error)),
    )
    // The chain must go on to the next message whatever became of this one.
    .catch(() => undefined);
});
`;

/** A statement; in a transaction, marked `tx` (and its first one `begin`). */
type Statement =
  | { readonly op: 'query'; readonly text: string; readonly params: readonly unknown[] }
  | { readonly op: 'script'; readonly text: string };

type Operation =
  | { readonly op: 'open' | 'commit' | 'rollback' | 'close' }
  | (Statement & { readonly tx?: true; readonly begin?: true });

interface Reply {
  readonly id: number;
  readonly value?: unknown;
  readonly error?: {
    readonly name: string;
    readonly message: string;
    readonly stack?: string;
    readonly fields: Readonly<Record<string, unknown>>;
  };
  readonly thrown?: unknown;
}

/** An error of the database thread, again an `Error` with its fields (`code`, `detail` …). */
function revive(reply: Reply): unknown {
  if (reply.error === undefined) return reply.thrown;
  const error = Object.assign(new Error(reply.error.message), reply.error.fields);
  error.name = reply.error.name;
  if (reply.error.stack !== undefined) error.stack = reply.error.stack;
  return error;
}

/** A database on PGlite in a thread of its own; `worker` is that thread. */
export interface PgliteThread extends SqlDatabase {
  readonly worker: Worker;
}

/**
 * One PGlite connection driven from this thread. Calls are answered in the order they are made;
 * a transaction holds the connection from `BEGIN` to `COMMIT`/`ROLLBACK`, and what is called
 * meanwhile outside it waits its turn (first come, first served) instead of joining it.
 */
class Thread implements PgliteThread {
  readonly worker: Worker;
  readonly #dataDir: string | undefined;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();
  /** Calls waiting for the connection; each starts when the ones before it have been sent. */
  readonly #waiting: (() => void)[] = [];
  #ids = 0;
  /** A transaction (or `close`) holds the connection. */
  #held = false;
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(dataDir: string | undefined) {
    this.#dataDir = dataDir;
    this.worker = new Worker(PROGRAM, {
      eval: true,
      execArgv: [],
      workerData: { pglite: import.meta.resolve('@electric-sql/pglite'), dataDir },
    });
    this.worker.on('message', (reply: Reply) => this.#answer(reply));
    this.worker.on('error', (error) => this.#stop(error.message, error));
    // An answer that cannot be read cannot be matched to its call either: stop rather than hang.
    this.worker.on('messageerror', (error) =>
      this.#stop(`an answer could not be read (${error.message})`, error),
    );
    this.worker.on('exit', (code) => this.#stop(`it exited with code ${code}`));
    // After the listeners, which would otherwise hold the process open again: the thread keeps
    // the process alive only while it owes answers.
    this.worker.unref();
  }

  async open(): Promise<void> {
    await this.#send({ op: 'open' });
  }

  query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.#turn(() => this.#send({ op: 'query', text, params }) as Promise<Row[]>);
  }

  async script(text: string): Promise<void> {
    await this.#turn(() => this.#send({ op: 'script', text }));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#turn(() => {
      this.#held = true;
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        this.#held = false;
        this.#drain();
      };
      const running = this.#inTransaction(work, release);
      running.then(release, release);
      return running;
    });
  }

  close(): Promise<void> {
    this.#closing ??= this.#turn(async () => {
      // Held until the thread is gone: whatever is called after `close` is then refused.
      this.#held = true;
      try {
        // A thread that stopped has nothing left to close.
        if (this.#stopped === undefined) await this.#send({ op: 'close' });
      } finally {
        this.#stopped ??= new DevolveError({
          code: 'store/data-dir-unusable',
          message: `the store on ${this.#dataDir ?? '(in memory)'} is closed`,
          details: { dir: this.#dataDir ?? null },
        });
        await this.worker.terminate();
        this.#held = false;
        this.#drain();
      }
    });
    return this.#closing;
  }

  /**
   * `BEGIN`, the work, `COMMIT`. The thread runs what it is sent in order, so `BEGIN` travels
   * with the work's first statement (one message fewer each way); the statements are marked as
   * the transaction's, and fail rather than run outside it if `BEGIN` failed. Work that sends no
   * statement needs no transaction. The connection is given back (`release`) once `COMMIT` is
   * sent: what comes next queues behind it in the thread.
   */
  async #inTransaction<T>(work: (tx: SqlExecutor) => Promise<T>, release: () => void): Promise<T> {
    let begun = false;
    let closed = false;
    const inside = <R>(statement: Statement): Promise<R> => {
      if (closed) return Promise.reject(new Error('Transaction is closed'));
      const first = !begun;
      begun = true;
      return this.#send({ ...statement, tx: true, ...(first ? { begin: true } : {}) }) as Promise<R>;
    };
    const tx: SqlExecutor = {
      query: (text, params = []) => inside({ op: 'query', text, params }),
      script: (text) => inside({ op: 'script', text }),
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      closed = true;
      // The work's error is the one to tell (a thread that cannot roll back has stopped, and
      // says so to the next call).
      if (begun) await this.#send({ op: 'rollback' }).catch(() => undefined);
      throw error;
    }
    closed = true;
    if (!begun) return result;
    const committed = this.#send({ op: 'commit' });
    release();
    await committed;
    return result;
  }

  /** Runs `start` when every call made before it has been sent (and no transaction is open). */
  #turn<T>(start: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push(() => {
        start().then(resolve, reject);
      });
      this.#drain();
    });
  }

  #drain(): void {
    while (!this.#held && this.#waiting.length > 0) this.#waiting.shift()!();
  }

  #send(operation: Operation): Promise<unknown> {
    if (this.#stopped !== undefined) return Promise.reject(this.#stopped);
    const id = this.#ids++;
    return new Promise((resolve, reject) => {
      // Held open while it owes answers (a command awaiting one must not exit), released after.
      if (this.#pending.size === 0) this.worker.ref();
      this.#pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...operation, id });
      } catch (error) {
        // Parameters that cannot be copied to the thread.
        this.#settle(id)?.reject(error);
      }
    });
  }

  #settle(id: number) {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.worker.unref();
    return pending;
  }

  #answer(reply: Reply): void {
    const pending = this.#settle(reply.id);
    if (reply.error === undefined && !('thrown' in reply)) pending?.resolve(reply.value);
    else pending?.reject(revive(reply));
  }

  #stop(reason: string, cause?: unknown): void {
    if (this.#stopped === undefined) {
      this.#stopped = new DevolveError({
        code: 'store/data-dir-unusable',
        message: `the database thread of ${this.#dataDir ?? '(in memory)'} stopped: ${reason}`,
        details: { dir: this.#dataDir ?? null },
        hint: 'restart Devolve: what was acknowledged is in the data directory',
        ...(cause === undefined ? {} : { cause }),
      });
    }
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
  }
}

/**
 * Opens PGlite (on `dataDir`, or in memory) in a worker thread of its own, behind the same
 * `SqlDatabase` as in-process PGlite: while the database works, this thread keeps serving
 * requests, sealing and checking signatures. Rows and PostgreSQL errors (with their `code` and
 * `detail`) come back as PGlite gives them; a thread that stops fails every pending and later
 * call with `store/data-dir-unusable` instead of leaving it waiting. Rejects with what PGlite
 * threw if it cannot open.
 *
 * @example
 * const db = await openPgliteThread({ dataDir: '.devolve/data' });
 */
export async function openPgliteThread(args: { dataDir?: string }): Promise<PgliteThread> {
  const thread = new Thread(args.dataDir);
  try {
    await thread.open();
  } catch (error) {
    await thread.worker.terminate();
    throw error;
  }
  return thread;
}
