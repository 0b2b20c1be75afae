import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDirs } from '../../test/support/builtCli.js';
import { daoFixture } from '../../test/support/daoFixture.js';
import { createPgliteStore } from './createPgliteStore.js';
import { lockDataDir } from './lockDataDir.js';

const scratch = scratchDirs('devolve-lock-');
afterAll(() => scratch.cleanUp());
/** A fresh directory of the test's own. */
const fresh = () => scratch.fresh();

/** The process id of a process that has already ended. */
function deadPid(): number {
  const ended = spawnSync(process.execPath, ['-e', '']);
  return ended.pid!;
}

const BUILT_LOCK = pathToFileURL(
  fileURLToPath(new URL('../../dist/store/lockDataDir.js', import.meta.url)),
).href;

/**
 * A separate `node` process that takes and releases data-directory locks when told to, through
 * the built `lockDataDir` (test/globalSetup builds it). `go <dir> <at>` waits, spinning, until the
 * clock reaches `at` — so several workers try at the same instant — then answers `won` or
 * `lost <code>`.
 */
interface Worker {
  readonly child: ChildProcess;
  send(line: string): void;
  next(): Promise<string>;
  stop(): Promise<void>;
}

const WORKER_CODE = `
import { createInterface } from 'node:readline';
const { lockDataDir } = await import(process.argv[1]);
let lock;
const out = (line) => process.stdout.write(line + '\\n');
out('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir, at] = line.split('\\t');
  if (command === 'go') {
    while (Date.now() < Number(at)) {}
    try { lock = lockDataDir({ dir }); out('won'); } catch (error) { out('lost\\t' + (error.code ?? error.message)); }
  } else if (command === 'release') { lock?.release(); lock = undefined; out('released'); }
}
`;

async function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', WORKER_CODE, BUILT_LOCK], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: Interface = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter === undefined) queue.push(line);
    else waiter(line);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const worker: Worker = {
    child,
    send: (line) => child.stdin!.write(`${line}\n`),
    next: () =>
      new Promise<string>((resolve, reject) => {
        const queued = queue.shift();
        if (queued !== undefined) return resolve(queued);
        const timer = setTimeout(() => reject(new Error('the lock worker did not answer')), 30_000);
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      }),
    async stop() {
      child.stdin!.end();
      child.kill('SIGKILL');
      await exited;
    },
  };
  expect(await worker.next()).toBe('ready');
  return worker;
}

describe('lockDataDir: one lock per directory, however it is spelled', () => {
  it('refuses a second store on another spelling of the directory (dir/., dir/, ../, a symlink)', async () => {
    const base = fresh();
    const data = join(base, 'data');
    const link = join(base, 'link');
    mkdirSync(data);
    symlinkSync(data, link);
    const dao = daoFixture({ org: 'lumen-lock' });
    const now = new Date();
    const first = await createPgliteStore({ dataDir: data });
    const { event } = await first.createOrganization({ signed: dao.create({ now }), now });
    try {
      for (const spelling of [
        `${data}/.`,
        `${data}/`,
        `${data}//`,
        join(data, '..', 'data'),
        link,
        `${link}/.`,
      ]) {
        await expect(createPgliteStore({ dataDir: spelling }), spelling).rejects.toMatchObject({
          code: 'store/data-dir-in-use',
        });
      }
    } finally {
      await first.close();
    }
    // Through the link, once free: the same directory, so the same log.
    const second = await createPgliteStore({ dataDir: link });
    try {
      expect(await second.readHead({ org: dao.org })).toMatchObject({ seq: 0, head: event.hash });
    } finally {
      await second.close();
    }
    expect(existsSync(`${data}.lock`)).toBe(false);
  });

  it('locks the real path and releases only once', () => {
    const base = fresh();
    const lock = lockDataDir({ dir: join(base, 'made', 'here', '.') });
    expect(lock.dir).toBe(join(base, 'made', 'here'));
    expect(JSON.parse(readFileSync(`${lock.dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir({ dir: join(base, 'made', 'here') })).toThrow(
      expect.objectContaining({ code: 'store/data-dir-in-use' }),
    );
    lock.release();
    expect(existsSync(`${lock.dir}.lock`)).toBe(false);
    const again = lockDataDir({ dir: join(base, 'made', 'here') });
    lock.release(); // a second release of the first lock leaves the new holder's lock alone
    expect(existsSync(`${again.dir}.lock`)).toBe(true);
    again.release();
  });

  it('gives each unusable --data its own code', () => {
    const base = fresh();
    writeFileSync(join(base, 'file'), '');
    symlinkSync(join(base, 'file'), join(base, 'file-link'));
    symlinkSync(join(base, 'nothing'), join(base, 'dangling'));
    const codeOf = (dir: string) => {
      try {
        lockDataDir({ dir }).release();
        return 'opened';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(codeOf(join(base, 'file'))).toBe('store/data-dir-not-a-directory');
    expect(codeOf(join(base, 'file', 'below'))).toBe('store/data-dir-not-a-directory');
    expect(codeOf(join(base, 'file-link'))).toBe('store/data-dir-not-a-directory');
    expect(codeOf(join(base, 'dangling'))).toBe('store/data-dir-dangling-link');
  });
});

describe('lockDataDir: a lock is stale only when its holder is proved gone', () => {
  it('takes over the lock of a process that has ended, and of an older format naming one', () => {
    const base = fresh();
    const dir = join(base, 'data');
    mkdirSync(dir);
    writeFileSync(`${dir}.lock`, `${JSON.stringify({ pid: deadPid(), host: hostname(), token: 'gone' })}\n`);
    lockDataDir({ dir }).release();
    writeFileSync(`${dir}.lock`, `${deadPid()}\n`);
    lockDataDir({ dir }).release();
  });

  it('refuses a lock it cannot read as a holder (an empty file proves nothing)', () => {
    const base = fresh();
    const dir = join(base, 'data');
    mkdirSync(dir);
    writeFileSync(`${dir}.lock`, '');
    expect(() => lockDataDir({ dir })).toThrow(expect.objectContaining({ code: 'store/data-dir-in-use' }));
    expect(existsSync(`${dir}.lock`)).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')(
    'refuses a live holder in another process, takes over after SIGKILL, and sees through pid reuse',
    async () => {
      const base = fresh();
      const dir = join(base, 'data');
      mkdirSync(dir);
      const worker = await startWorker();
      try {
        worker.send(`go\t${dir}\t0`);
        expect(await worker.next()).toBe('won');
        const held = readFileSync(`${dir}.lock`, 'utf8');
        expect(() => lockDataDir({ dir })).toThrow(
          expect.objectContaining({
            code: 'store/data-dir-in-use',
            details: expect.objectContaining({ pid: worker.child.pid }),
          }),
        );
        await worker.stop();
        // The same lock text, but naming a pid that is alive and started at another time (ours):
        // the holder is gone all the same.
        const reused = { ...JSON.parse(held), pid: process.pid };
        writeFileSync(`${dir}.lock`, `${JSON.stringify(reused)}\n`);
        lockDataDir({ dir }).release();
        // And as the worker left it, after SIGKILL.
        writeFileSync(`${dir}.lock`, held);
        lockDataDir({ dir }).release();
      } finally {
        await worker.stop();
      }
    },
  );
});

describe('lockDataDir: a race of processes started together', () => {
  const ROUNDS = 60;
  const WORKERS = 4;

  it(`has exactly one winner in each of ${ROUNDS} rounds, with and without a stale lock to take over`, async () => {
    const workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker()));
    try {
      const winners: number[] = [];
      const codes = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const base = fresh();
        const dir = join(base, 'data');
        mkdirSync(dir);
        symlinkSync(dir, join(base, 'link'));
        // Odd rounds start with the lock of a process that has ended: all race to take it over.
        if (round % 2 === 1) writeFileSync(`${dir}.lock`, `${deadPid()}\n`);
        const spellings = [dir, `${dir}/.`, join(base, 'link'), `${dir}/`];
        const at = Date.now() + 40;
        workers.forEach((worker, i) => {
          worker.send(`go\t${spellings[i % spellings.length]}\t${at}`);
        });
        const answers = await Promise.all(workers.map((worker) => worker.next()));
        winners.push(answers.filter((answer) => answer === 'won').length);
        for (const answer of answers) if (answer !== 'won') codes.add(answer);
        for (const worker of workers) worker.send('release');
        expect(await Promise.all(workers.map((worker) => worker.next()))).toEqual(
          workers.map(() => 'released'),
        );
        expect(existsSync(`${dir}.lock`)).toBe(false);
      }
      expect(winners).toEqual(Array.from({ length: ROUNDS }, () => 1));
      expect([...codes]).toEqual(['lost\tstore/data-dir-in-use']);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  }, 120_000);
});
