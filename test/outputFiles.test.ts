import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, childEnv, requireBuiltCli } from './support/serveProcess.js';

/**
 * The files commands write, through the built CLI: a named pipe (standing in for a device such as
 * /dev/null, which a test may not touch) is written through and stays a pipe; a link to a regular
 * file is not written through; a key file that is a pipe is refused at once instead of waiting.
 */
describe.skipIf(process.platform === 'win32')('files the commands write and read', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-output-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const devolve = (...args: string[]) => {
    requireBuiltCli();
    return spawnSync(process.execPath, [CLI, ...args], {
      cwd: work,
      env: childEnv(undefined),
      encoding: 'utf8',
      // A command that waits for a pipe's other end would hang: this bound fails the test instead.
      timeout: 60_000,
    });
  };

  it('writes a report into a named pipe and leaves the pipe in place', async () => {
    expect(devolve('init', '--template', 'dao').status).toBe(0);
    const pipe = join(work, 'report.pipe');
    execFileSync('mkfifo', [pipe]);
    const reader = spawn('cat', [pipe], { stdio: ['ignore', 'pipe', 'inherit'] });
    let read = '';
    reader.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      read += chunk;
    });
    const done = new Promise<void>((resolve) => reader.once('exit', () => resolve()));
    const report = devolve('report', '--out', pipe, '--now', '2027-01-01');
    await done;
    expect(report.status, report.stderr).toBe(0);
    expect(read).toContain('# ');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('refuses to write a report through a link to a regular file, and leaves both alone', () => {
    writeFileSync(join(work, 'kept.md'), 'kept');
    symlinkSync(join(work, 'kept.md'), join(work, 'link.md'));
    const report = devolve('report', '--out', join(work, 'link.md'), '--json');
    expect(report.status).toBe(1);
    expect(JSON.parse(report.stdout)).toMatchObject({ error: { code: 'output/symlink' } });
    expect(readFileSync(join(work, 'kept.md'), 'utf8')).toBe('kept');
    expect(lstatSync(join(work, 'link.md')).isSymbolicLink()).toBe(true);
  });

  it('refuses a key file that is a named pipe at once', () => {
    const pipe = join(work, 'keys.pipe');
    execFileSync('mkfifo', ['-m', '600', pipe]);
    const listed = devolve('keys', 'list', '--keys', pipe, '--json');
    expect(listed.error).toBeUndefined();
    expect(listed.status).toBe(1);
    expect(JSON.parse(listed.stdout)).toMatchObject({ error: { code: 'keys/not-a-file' } });
  });
});
