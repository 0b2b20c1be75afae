import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { ProblemIn } from '../core/errors/ErrorCode.js';

export interface DataDirLock {
  /** The directory's resolved real path: what the lock is on, and what the store should open. */
  readonly dir: string;
  /** Removes the lock file; safe to call more than once. */
  release(): void;
}

/**
 * Who holds a lock, written once, complete, into the lock file. `start` (the process's start
 * time in clock ticks since boot) and `boot` (the kernel's boot id) come from /proc where there
 * is one: together with `pid` they name one process for ever, so a pid reused by an unrelated
 * process is not mistaken for the holder. `token` makes every lock file's text unique.
 */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly start?: string;
  readonly boot?: string;
}

/** How many times a claim is retried while another process is busy taking over a stale lock. */
const MAX_ATTEMPTS = 200;
const RETRY_WAIT_MS = 5;
/** A takeover of a takeover of … a lock: only a process dying mid-takeover, again and again, nests. */
const MAX_TAKEOVER_DEPTH = 3;

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function processStart(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

const bootId = readOptional('/proc/sys/kernel/random/boot_id')?.trim();

function self(): Holder {
  const start = processStart(process.pid);
  return {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(12).toString('base64url'),
    ...(start === undefined ? {} : { start }),
    ...(bootId === undefined ? {} : { boot: bootId }),
  };
}

/** A lock file's holder; a bare process id is what earlier versions wrote. Undefined: unreadable. */
function parseHolder(text: string): Holder | undefined {
  if (/^\d+\n?$/.test(text)) return { pid: Number(text.trim()), host: hostname(), token: text.trim() };
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (
      Number.isSafeInteger(value.pid) &&
      (value.pid ?? 0) > 0 &&
      typeof value.host === 'string' &&
      typeof value.token === 'string'
    ) {
      return value as Holder;
    }
  } catch {
    // Not ours, or damaged.
  }
  return undefined;
}

/**
 * True only when the holder is proved to be gone: same machine, and either the machine has
 * rebooted since, or no process has its pid, or the process with its pid started at another
 * time. Anything short of proof (another host, no /proc) counts as alive.
 */
function holderGone(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.boot !== undefined && bootId !== undefined && holder.boot !== bootId) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if (errno(error) === 'ESRCH') return true;
  }
  if (holder.start === undefined) return false;
  const start = processStart(holder.pid);
  return start !== undefined && start !== holder.start;
}

/**
 * Creates `file` holding `text`, complete, or reports that it exists: the text goes to a
 * temporary file first, which is then hard-linked to `file` — link(2) fails if `file` exists,
 * so no one ever sees a lock file half written.
 */
function createComplete(file: string, text: string, token: string): boolean {
  const temporary = `${file}.${token}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

class Busy extends Error {
  constructor(
    readonly holder: Holder | undefined,
    readonly file: string,
  ) {
    super('busy');
  }
}

/**
 * Claims `file` for `me`. A lock whose holder is proved gone is taken over, and the takeover is
 * itself a claim, on `<file>.break-<hash of the stale text>`: of all the processes that find the
 * same stale lock, only the one holding that claim may delete it, and only while it still holds
 * exactly the stale text. So a live holder's lock is never deleted, and of the processes racing
 * for it exactly one link(2) succeeds.
 */
function claim(file: string, me: Holder, depth: number): void {
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createComplete(file, text, me.token)) return;
    const found = readOptional(file);
    if (found === undefined) continue; // released between our link and our read
    const holder = parseHolder(found);
    if (holder === undefined || !holderGone(holder)) throw new Busy(holder, file);
    if (depth >= MAX_TAKEOVER_DEPTH) throw new Busy(holder, file);
    const breaker = `${file}.break-${createHash('sha256').update(found).digest('hex').slice(0, 16)}`;
    try {
      claim(breaker, { ...me, token: `${me.token}b${depth}` }, depth + 1);
    } catch (error) {
      if (!(error instanceof Busy)) throw error;
      sleep(RETRY_WAIT_MS); // another process is taking the stale lock over: see who wins
      continue;
    }
    try {
      if (readOptional(file) === found) unlinkSync(file);
    } finally {
      unlinkSync(breaker);
    }
  }
  throw new Busy(undefined, file);
}

function dataDirError(
  code: ProblemIn<'store'>,
  message: string,
  dir: string,
  hint?: string,
  cause?: unknown,
): DevolveError {
  return new DevolveError({
    code: `store/${code}`,
    message,
    details: { dir },
    ...(hint === undefined ? {} : { hint }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * The directory `dir` names, created when missing, as its real path: symbolic links followed
 * (deliberately: a data directory may live elsewhere), `.`, `..` and trailing slashes gone.
 * Every spelling of one directory resolves to the same text, which is what the lock is on.
 */
export function resolveDataDir(dir: string): string {
  const notADirectory = () =>
    dataDirError(
      'data-dir-not-a-directory',
      `the data directory ${dir} is not a directory`,
      dir,
      'pass a directory with --data (it is created when missing)',
    );
  const unusable = (error: unknown) =>
    dataDirError(
      'data-dir-unusable',
      `cannot use ${dir} as a data directory: ${(error as Error).message}`,
      dir,
      undefined,
      error,
    );
  let exists = true;
  try {
    lstatSync(dir);
  } catch (error) {
    if (errno(error) === 'ENOTDIR') throw notADirectory();
    if (errno(error) !== 'ENOENT') throw unusable(error);
    exists = false;
  }
  if (!exists) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw errno(error) === 'ENOTDIR' || errno(error) === 'EEXIST' ? notADirectory() : unusable(error);
    }
  }
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    if (errno(error) !== 'ENOENT') throw unusable(error);
    throw dataDirError(
      'data-dir-dangling-link',
      `the data directory ${dir} is a symbolic link to something that does not exist`,
      dir,
      'point the link at a directory, or pass the directory itself with --data',
    );
  }
  if (!isDirectory) throw notADirectory();
  return realpathSync.native(dir);
}

/**
 * Claims a PGlite data directory for this process. PGlite is PostgreSQL in single-user mode: two
 * processes opening one directory would each believe they own it and damage it. The claim is on
 * the directory's real path (`resolveDataDir`), so `data`, `data/.`, `data/` and a symbolic link
 * to it all meet the same lock: a file `<real path>.lock` beside the directory naming the holder
 * (pid, its start time and boot id where the system tells them, host, a random token), created
 * complete and exclusively with link(2). A lock is taken over only when its holder is proved
 * gone (after a crash or SIGKILL); a lock held by a live process, this one included, is refused
 * with `store/data-dir-in-use`.
 *
 * @example
 * const lock = lockDataDir({ dir: '.devolve/data' }); // throws store/data-dir-in-use if taken
 * try { open(lock.dir) … } finally { lock.release(); }
 */
export function lockDataDir(args: { dir: string }): DataDirLock {
  const dir = resolveDataDir(args.dir);
  const file = `${dir}.lock`;
  const me = self();
  try {
    claim(file, me, 0);
  } catch (error) {
    if (!(error instanceof Busy)) {
      throw dataDirError(
        'data-dir-unusable',
        `cannot lock the data directory ${args.dir}: ${(error as Error).message}`,
        args.dir,
        `Devolve needs to create ${file} beside the directory`,
        error,
      );
    }
    const { holder } = error;
    const here = holder?.pid === process.pid && holder.host === me.host;
    throw new DevolveError({
      code: 'store/data-dir-in-use',
      message:
        holder === undefined
          ? `the data directory ${args.dir} is locked (${error.file} cannot be read as a Devolve lock)`
          : here
            ? `the data directory ${args.dir} is already open in this process`
            : `the data directory ${args.dir} is in use by process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}`,
      details: { dir: args.dir, realPath: dir, ...(holder === undefined ? {} : { pid: holder.pid }) },
      hint: `stop that process (is \`devolve serve\` running?), or delete ${error.file} if no Devolve process uses it`,
    });
  }
  const text = `${JSON.stringify(me)}\n`;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { dir, release };
}
