import { type ChildProcess, spawn } from 'node:child_process';
import type { VerifierRun } from './VerifierRun.js';

/** Output beyond this is dropped: the start of stderr and the end of stdout are what is read. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** After a child exits, how long its output pipes may stay open (held by a process it left behind). */
const DRAIN_MS = 1000;
const GROUPS = process.platform !== 'win32';

const running = new Set<ChildProcess>();

/**
 * Runs a verifier under test once: no shell (each argument is passed as is), standard input
 * closed, standard output and error collected. When `timeoutSeconds` pass first, the child — with
 * every process it started, its whole process group on POSIX — is killed and the run says so.
 *
 * @example
 * await runVerifier({ command: 'devolve', args: ['verify', '--json', 'log.jsonl'], timeoutSeconds: 20 })
 */
export function runVerifier(args: {
  command: string;
  args: readonly string[];
  timeoutSeconds: number;
}): Promise<VerifierRun> {
  return new Promise((resolve) => {
    const stdout = new Collected('tail');
    const stderr = new Collected('head');
    let timedOut = false;
    let settled = false;
    const child = spawn(args.command, args.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: GROUPS });
    running.add(child);
    const finish = (run: Omit<VerifierRun, 'stdout' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(child);
      resolve({
        ...run,
        ...(timedOut && run.startError === undefined ? { timedOutAfter: args.timeoutSeconds } : {}),
        stdout: stdout.text(),
        stderr: stderr.text(),
      });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child);
    }, args.timeoutSeconds * 1000);
    child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish({ exitCode: null, signal: null, startError: error.code ?? error.message }),
    );
    child.on('close', (exitCode, signal) => finish({ exitCode, signal }));
    child.on('exit', (exitCode, signal) => {
      // A grandchild that kept the pipes open must not hold the run past its verifier's exit.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish({ exitCode, signal });
      }, DRAIN_MS).unref();
    });
  });
}

/** Kills every verifier still running (and what each started): for an interrupted run. */
export function killRunningVerifiers(): void {
  for (const child of running) kill(child);
}

function kill(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (GROUPS) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

/** A capped copy of one output stream: its first or its last MAX_OUTPUT_BYTES. */
class Collected {
  private chunks: Buffer[] = [];
  private bytes = 0;

  constructor(private readonly keep: 'head' | 'tail') {}

  add(chunk: Buffer): void {
    if (this.keep === 'head' && this.bytes >= MAX_OUTPUT_BYTES) return;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    if (this.keep === 'tail') {
      while (this.bytes - this.chunks[0]!.length >= MAX_OUTPUT_BYTES)
        this.bytes -= this.chunks.shift()!.length;
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
