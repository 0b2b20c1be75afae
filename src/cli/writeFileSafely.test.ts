import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDirs } from '../../test/support/builtCli.js';
import { writeFileSafely } from './writeFileSafely.js';

const scratch = scratchDirs('devolve-write-');
afterAll(() => scratch.cleanUp());
/** A fresh directory of the test's own. */
const fresh = () => scratch.fresh();

/** A named pipe made in the test's own directory, opened for reading so writes need not wait. */
function fifoWithReader(dir: string): { path: string; read(): string; close(): void } {
  const path = join(dir, 'pipe');
  execFileSync('mkfifo', [path]);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  return {
    path,
    read() {
      const buffer = Buffer.alloc(65_536);
      const n = readSync(fd, buffer, 0, buffer.length, null);
      return buffer.subarray(0, n).toString('utf8');
    },
    close: () => closeSync(fd),
  };
}

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('writeFileSafely', () => {
  it('creates a regular file atomically, leaving no temporary file behind', async () => {
    const dir = fresh();
    const file = join(dir, 'log.jsonl');
    const lines = (async function* () {
      yield 'one\n';
      yield 'two\n';
    })();
    expect(await writeFileSafely({ file, content: lines })).toEqual({ how: 'created', bytes: 8 });
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    expect(readdirSync(dir)).toEqual(['log.jsonl']);
  });

  it('replaces a regular file whole and keeps its permissions unless told otherwise', async () => {
    const dir = fresh();
    const file = join(dir, 'report.md');
    writeFileSync(file, 'old text that is longer than the new one', { mode: 0o640 });
    const before = statSync(file).ino;
    expect(await writeFileSafely({ file, content: 'new' })).toMatchObject({ how: 'replaced' });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    // Renamed over, not rewritten in place: a reader holding the old file still has it whole.
    expect(statSync(file).ino).not.toBe(before);
    await writeFileSafely({ file, content: 'secret', mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes into a named pipe directly and leaves the pipe a pipe', async () => {
    const dir = fresh();
    const pipe = fifoWithReader(dir);
    try {
      expect(await writeFileSafely({ file: pipe.path, content: 'through the pipe\n' })).toEqual({
        how: 'direct',
        bytes: 17,
      });
      expect(pipe.read()).toBe('through the pipe\n');
      expect(lstatSync(pipe.path).isFIFO()).toBe(true);
      expect(readdirSync(dir)).toEqual(['pipe']);
    } finally {
      pipe.close();
    }
  });

  it('follows a symbolic link to a pipe, and refuses one to a regular file or to nothing', async () => {
    const dir = fresh();
    const pipe = fifoWithReader(dir);
    try {
      symlinkSync(pipe.path, join(dir, 'to-pipe'));
      await writeFileSafely({ file: join(dir, 'to-pipe'), content: 'via the link\n' });
      expect(pipe.read()).toBe('via the link\n');
      expect(lstatSync(join(dir, 'to-pipe')).isSymbolicLink()).toBe(true);
    } finally {
      pipe.close();
    }
    writeFileSync(join(dir, 'real.txt'), 'keep me');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'to-file'));
    symlinkSync(join(dir, 'nothing'), join(dir, 'dangling'));
    expect(await codeOf(writeFileSafely({ file: join(dir, 'to-file'), content: 'x' }))).toBe(
      'output/symlink',
    );
    expect(await codeOf(writeFileSafely({ file: join(dir, 'dangling'), content: 'x' }))).toBe(
      'output/symlink',
    );
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'to-file')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
  });

  it('refuses a directory, an existing file when exclusive, and a pipe when only a regular file will do', async () => {
    const dir = fresh();
    expect(await codeOf(writeFileSafely({ file: dir, content: 'x' }))).toBe('output/is-directory');
    writeFileSync(join(dir, 'devolve.yaml'), 'mine');
    expect(
      await codeOf(writeFileSafely({ file: join(dir, 'devolve.yaml'), content: 'x', exclusive: true })),
    ).toBe('output/exists');
    expect(readFileSync(join(dir, 'devolve.yaml'), 'utf8')).toBe('mine');
    execFileSync('mkfifo', [join(dir, 'keys.json')]);
    expect(
      await codeOf(writeFileSafely({ file: join(dir, 'keys.json'), content: 'x', regularOnly: true })),
    ).toBe('output/unsupported-type');
    expect(lstatSync(join(dir, 'keys.json')).isFIFO()).toBe(true);
    expect(await codeOf(writeFileSafely({ file: join(dir, 'missing', 'x.md'), content: 'x' }))).toBe(
      'output/unwritable',
    );
  });
});
