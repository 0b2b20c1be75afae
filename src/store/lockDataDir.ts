import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DevolveError } from '../core/errors/DevolveError.js';

export interface DataDirLock {
  /** Removes the lock file; safe to call more than once. */
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite is PostgreSQL in single-user mode: two
 * processes opening one directory would each believe they own it and damage it. The claim is a
 * file `<dir>.lock` beside the directory holding our process id, created atomically; a lock left
 * by a process that no longer runs (after a crash or SIGKILL) is taken over.
 *
 * @example
 * const lock = lockDataDir({ dir: '.devolve/data' }); // throws store/data-dir-in-use if taken
 * try { … } finally { lock.release(); }
 */
export function lockDataDir(args: { dir: string }): DataDirLock {
  const file = `${args.dir.replace(/[\\/]+$/, '')}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      } catch {
        // Vanished or unreadable: try again.
      }
      if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new DevolveError({
          code: 'store/data-dir-in-use',
          message: `the data directory ${args.dir} is in use by process ${holder}`,
          details: { dir: args.dir, pid: holder },
          hint: `stop that process (is \`devolve serve\` running?), or delete ${file} if it is not Devolve`,
        });
      }
      if (holder === process.pid) {
        throw new DevolveError({
          code: 'store/data-dir-in-use',
          message: `the data directory ${args.dir} is already open in this process`,
          details: { dir: args.dir, pid: holder },
        });
      }
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      try {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    };
    process.on('exit', release);
    return { release };
  }
  throw new DevolveError({
    code: 'store/data-dir-in-use',
    message: `could not claim the data directory ${args.dir}`,
    details: { dir: args.dir },
    hint: `delete ${file} if no Devolve process is using it`,
  });
}
