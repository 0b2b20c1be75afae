import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerifier } from './runVerifier.js';

const node = process.execPath;
const dir = mkdtempSync(join(tmpdir(), 'devolve-run-verifier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (source: string, ...args: string[]) =>
  runVerifier({ command: node, args: ['-e', source, ...args], timeoutSeconds: 30 });

describe('runVerifier', () => {
  it('passes arguments as they are, with no shell to expand them', async () => {
    const run = await script(
      'console.log(JSON.stringify(process.argv.slice(1)))',
      '$(touch x); echo',
      '*',
      'a b',
    );
    expect(run).toMatchObject({ exitCode: 0, signal: null });
    expect(JSON.parse(run.stdout)).toEqual(['$(touch x); echo', '*', 'a b']);
  });

  it('reports the exit status, standard output and standard error', async () => {
    const run = await script('console.log("out"); console.error("err"); process.exit(3)');
    expect(run).toEqual({ exitCode: 3, signal: null, stdout: 'out\n', stderr: 'err\n' });
  });

  it('reports the signal that ended the verifier', async () => {
    const run = await script('process.kill(process.pid, "SIGSEGV")');
    expect(run).toMatchObject({ exitCode: null, signal: 'SIGSEGV' });
    expect(run).not.toHaveProperty('timedOutAfter');
  });

  it('kills a verifier that outlives its time limit, and says so', async () => {
    const run = await runVerifier({
      command: node,
      args: ['-e', 'console.log("started"); setInterval(() => {}, 1000)'],
      timeoutSeconds: 0.5,
    });
    expect(run).toMatchObject({ timedOutAfter: 0.5, exitCode: null, signal: 'SIGKILL', stdout: 'started\n' });
  });

  it.skipIf(process.platform === 'win32')('kills what a timed-out verifier started too', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    // A shell wrapper that starts a long sleep and waits for it: killing only the shell would leave
    // the sleep running with the output pipe open.
    const run = await runVerifier({
      command: '/bin/sh',
      args: ['-c', `sleep 300 & echo $! > ${pidFile}; wait`],
      timeoutSeconds: 0.5,
    });
    expect(run.timedOutAfter).toBe(0.5);
    const pid = readFileSync(pidFile, 'utf8').trim();
    // `kill -0` fails once the process is gone (it may linger a moment as a zombie of init).
    const alive = () =>
      spawnSync('/bin/sh', [
        '-c',
        `kill -0 ${pid} 2>/dev/null && ! grep -q '^State:.*Z' /proc/${pid}/status 2>/dev/null`,
      ]).status === 0;
    for (let tries = 0; alive() && tries < 50; tries++) await new Promise((done) => setTimeout(done, 100));
    expect(alive()).toBe(false);
  });

  it('reports a command that cannot be started', async () => {
    const run = await runVerifier({ command: join(dir, 'no-such-verifier'), args: [], timeoutSeconds: 30 });
    expect(run).toMatchObject({ startError: 'ENOENT', exitCode: null });
    expect(run).not.toHaveProperty('timedOutAfter');
  });
});
