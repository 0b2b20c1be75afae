import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { CONFORMANCE_DIR, conformanceFiles } from '../conformance/generate.js';
import type { Vector } from '../conformance/vectors.js';
import { registerVerify } from '../src/cli/commands/verify.js';
import { ACTION_KINDS } from '../src/core/actions/actionKinds.js';
import { VERIFY_RULES } from '../src/core/log/verifyRules.js';
import { ROOT } from './support/builtCli.js';

/** What a vector's `.json` file states: the vector without its log. */
type Expected = Omit<Vector, 'content'>;

const VECTORS = join(CONFORMANCE_DIR, 'vectors');

/** The committed vectors, as a verifier from elsewhere reads them: from the files alone. */
function committed(): { expected: Expected; log: string; content: Buffer }[] {
  return readdirSync(VECTORS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const log = join(VECTORS, name.replace(/\.json$/, '.jsonl'));
      return {
        expected: JSON.parse(readFileSync(join(VECTORS, name), 'utf8')) as Expected,
        log,
        content: readFileSync(log),
      };
    });
}

/** `devolve verify --json [args] <log>`, the built command, as any verifier is run. */
function verify(args: readonly string[], log: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'devolve.js'), 'verify', '--json', ...args, log],
      { env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code ?? -1), stdout }),
    );
  });
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width)
    results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}

describe('conformance vectors', () => {
  it('are exactly what the generator writes: the committed files equal a fresh generation, byte for byte', () => {
    const fresh = conformanceFiles();
    const onDisk = new Map<string, Buffer>();
    for (const folder of ['vectors', 'schema'])
      for (const name of readdirSync(join(CONFORMANCE_DIR, folder)))
        onDisk.set(`${folder}/${name}`, readFileSync(join(CONFORMANCE_DIR, folder, name)));
    expect([...onDisk.keys()].sort()).toEqual([...fresh.keys()].sort());
    const stale = [...fresh].filter(([path, content]) => !content.equals(onDisk.get(path)!)).map(([p]) => p);
    expect(stale, 'run `npm run conformance:generate`').toEqual([]);
  });

  it('number at least 150, each well formed, and cover every rule and every action kind both ways', () => {
    const vectors = committed();
    expect(vectors.length).toBeGreaterThanOrEqual(150);
    const ruleIds = VERIFY_RULES.map((rule) => rule.id);
    const broken = new Set<string>();
    const kindsOk = new Set<string>();
    const kindsBad = new Set<string>();
    for (const { expected, content } of vectors) {
      expect(expected.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(expected.description.length).toBeGreaterThan(0);
      for (const rule of expected.rules) expect(ruleIds).toContain(rule);
      const lines = content.toString('utf8').split('\n');
      const kindOn = (line: number): string | undefined => {
        try {
          return (JSON.parse(lines[line - 1] ?? '') as { action: { kind: string } }).action.kind;
        } catch {
          return undefined;
        }
      };
      if (expected.verdict === 'ok') {
        for (let line = 1; line < lines.length; line++) {
          const kind = kindOn(line);
          if (kind !== undefined) kindsOk.add(kind);
        }
      } else {
        expect(expected.rules).toEqual([expected.rule]);
        expect(expected.line).toBeGreaterThanOrEqual(1);
        broken.add(expected.rule!);
        const kind = kindOn(expected.line!);
        if (kind !== undefined && expected.rule!.startsWith('A')) kindsBad.add(kind);
      }
    }
    // E1 is the verifier's own fault: no log can be built to break it.
    expect(ruleIds.filter((id) => id !== 'E1' && !broken.has(id))).toEqual([]);
    expect(ACTION_KINDS.filter((kind) => !kindsOk.has(kind))).toEqual([]);
    expect(ACTION_KINDS.filter((kind) => !kindsBad.has(kind))).toEqual([]);
  });

  it('get the stated verdict from `devolve verify --json`, every one: its output names the first bad line and its rule', async () => {
    const disagreements: string[] = [];
    for (const { expected, log } of committed()) {
      const { code, stdout } = await verifyInProcess([...(expected.args ?? []), log]);
      const got = describeResult(code, stdout);
      const want = wanted(expected);
      if (got !== want) disagreements.push(`${expected.id}: expected ${want}, got ${got}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('get the same verdicts from the built command, exit status included (one vector per rule)', async () => {
    const seen = new Set<string>();
    const sample = committed().filter(({ expected }) => {
      const key = expected.rule ?? (expected.args === undefined ? 'ok' : 'ok-args');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const disagreements = (
      await inBatches(sample, 2, async ({ expected, log }) => {
        const { code, stdout } = await verify(expected.args ?? [], log);
        const got = describeResult(code, stdout);
        return got === wanted(expected)
          ? undefined
          : `${expected.id}: expected ${wanted(expected)}, got ${got}`;
      })
    ).filter((line) => line !== undefined);
    expect(disagreements).toEqual([]);
  });
});

function wanted(expected: Expected): string {
  return expected.verdict === 'ok' ? 'ok (exit 0)' : `bad line ${expected.line} ${expected.rule} (exit 1)`;
}

function describeResult(code: number, stdout: string): string {
  const result = JSON.parse(stdout) as { ok: boolean; line?: number; rule?: string };
  return result.ok ? `ok (exit ${code})` : `bad line ${result.line} ${result.rule} (exit ${code})`;
}

/**
 * `devolve verify --json <args>` through the command's own registration, in this process (a
 * process per vector would take minutes): its standard output and the exit status it sets.
 */
async function verifyInProcess(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  const program = new Command('devolve').exitOverride();
  registerVerify(program);
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['verify', '--json', ...args], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
}
