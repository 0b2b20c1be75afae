import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VectorExpectation } from '../src/conformance/ConformanceVector.js';
import type { VectorResult } from '../src/conformance/compareWithVector.js';
import type { ConformanceReport } from '../src/conformance/runConformance.js';
import type { ErrorCode } from '../src/core/errors/ErrorCode.js';
import { canonicalJson } from '../src/core/log/canonicalJson.js';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { verifyRuleOf } from '../src/core/log/verifyRules.js';
import { badLineOf, type VerifyJson } from './support/brokenVerifierReport.js';
import { ensureBuilt, ROOT, runCli, scratchDirs } from './support/builtCli.js';
import { governedLumen } from './support/governedLog.js';
import { copy, reseal } from './support/signedLog.js';

/**
 * `devolve conformance` end to end: the built command runs real verifiers — `devolve verify`
 * itself, and deliberately broken ones — over vectors cut from a real governed log, with the
 * verdict and the first bad line stated by hand for each break.
 */
const scratch = scratchDirs('devolve-conformance-');
afterAll(() => scratch.cleanUp());
beforeAll(() => ensureBuilt());

const DEVOLVE_VERIFY = [process.execPath, join(ROOT, 'bin', 'devolve.js'), 'verify', '--json'];
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const broken = (flaw: string) => [
  process.execPath,
  '--import',
  TSX,
  join(ROOT, 'test', 'support', 'brokenVerifier.ts'),
  flaw,
];

/**
 * The Lumen Protocol (templates/dao.yaml) as a running organization, 14 events:
 *
 *   line 1      org.create       mara
 *   lines 2–13  key.register     every other member, in charter order (jonas is line 2)
 *   line 14     proposal.create  mara, a treasury decision
 */
const lumen = governedLumen({ org: 'lumen-conformance' });
lumen.as('mara', 'proposal.create', {
  id: 'fund-audit',
  unit: 'treasury',
  kind: 'decision',
  title: 'Fund an audit',
  subject: { outcome: 'Fund the audit' },
});
const events: readonly LogEvent[] = lumen.log.events.map(copy);
const jsonl = (list: readonly LogEvent[]) => list.map((event) => `${canonicalJson(event)}\n`).join('');

/**
 * Each break: the log, the arguments before its path, and the verdict stated by hand — for a bad
 * log its first bad line and the error code `devolve verify` names for that break.
 */
interface Case {
  readonly log: string;
  readonly args?: readonly string[];
  readonly expected: { verdict: 'ok' } | { verdict: 'bad'; line: number; code: ErrorCode };
}

const CASES: Record<string, Case> = {
  'good-log': { log: jsonl(events), expected: { verdict: 'ok' } },
  'good-log-at-its-head': {
    log: jsonl(events),
    args: ['--head', events[13]!.hash],
    expected: { verdict: 'ok' },
  },
  // A forger flips a character of priya's signature (line 3), recomputes its hash and cuts the
  // log after it: hashes and chain check out, the signature does not.
  'signature-flipped-line-3': {
    log: jsonl(
      reseal(
        events
          .slice(0, 3)
          .map((event, index) =>
            index === 2 ? { ...event, signature: flipChar(event.signature, 10) } : event,
          ),
      ),
    ),
    expected: { verdict: 'bad', line: 3, code: 'log/bad-signature' },
  },
  // A changed recording time on line 5, hashes left alone: its hash no longer matches.
  'time-changed-line-5': {
    log: jsonl(
      events.map((event, index) =>
        index === 4 ? { ...event, recordedAt: event.recordedAt.replace(/:(\d\d)\./, ':59.') } : event,
      ),
    ),
    expected: { verdict: 'bad', line: 5, code: 'log/bad-hash' },
  },
  // Line 4 deleted: the event now on line 4 says seq 4.
  'line-4-deleted': {
    log: jsonl(events.filter((_, index) => index !== 3)),
    expected: { verdict: 'bad', line: 4, code: 'log/out-of-order' },
  },
  // jonas's key.register (line 2) recorded a second time, sealed onto the end: a reused nonce.
  'nonce-replayed-line-15': {
    log: jsonl([...events, sealAgain(events[1]!)]),
    expected: { verdict: 'bad', line: 15, code: 'log/replayed-nonce' },
  },
  // jonas registers a key again — newly signed, but he has one: he has no right to.
  'key-registered-twice-line-15': {
    log: (() => {
      lumen.log.register({ key: lumen.keys['jonas']!, actor: 'jonas' });
      const text = jsonl(lumen.log.events);
      lumen.log.events.pop();
      return text;
    })(),
    expected: { verdict: 'bad', line: 15, code: 'action/key-registered' },
  },
};

function flipChar(text: string, at: number): string {
  const char = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + char + text.slice(at + 1);
}

/** An already recorded action, sealed again at the end of the log. */
function sealAgain(event: LogEvent): LogEvent {
  return reseal([...events, { ...event, seq: events.length, recordedAt: events.at(-1)!.recordedAt }]).at(-1)!;
}

/**
 * Writes every case as a vector into a fresh directory. `devolve verify --json` must find each bad
 * log bad at the line and with the code stated above; the rule the vector names is the one the
 * README's rule table gives that code (`verifyRuleOf`), stated here, not read from the verifier.
 */
function writeVectors(cases: Record<string, Case>): string {
  const dir = scratch.fresh();
  for (const [id, { log, args = [], expected }] of Object.entries(cases)) {
    writeFileSync(join(dir, `${id}.jsonl`), log);
    let expectation: VectorExpectation = { verdict: 'ok' };
    let rules: string[] = [];
    if (expected.verdict === 'bad') {
      const verified = runCli(dir, 'verify', '--json', ...args, join(dir, `${id}.jsonl`));
      expect(verified.code, `${id}: ${verified.stdout}${verified.stderr}`).toBe(1);
      const printed = JSON.parse(verified.stdout) as VerifyJson;
      expect(printed.firstBad?.code, id).toBe(expected.code);
      const rule = verifyRuleOf(expected.code);
      expect(badLineOf(printed), id).toEqual({ line: expected.line, rule });
      expectation = { verdict: 'bad', line: expected.line, rule };
      rules = [rule];
    }
    writeFileSync(
      join(dir, `${id}.json`),
      JSON.stringify({
        id,
        description: id.replaceAll('-', ' '),
        rules,
        ...expectation,
        ...(args.length ? { args } : {}),
      }),
    );
  }
  return dir;
}

/** `devolve conformance …`, run from a directory of its own. */
const conformanceCli = (...args: string[]) => runCli(scratch.fresh(), 'conformance', ...args);

function conformance(...args: string[]): { code: number | null; report: ConformanceReport; stderr: string } {
  const run = conformanceCli('--json', ...args);
  return { code: run.code, report: JSON.parse(run.stdout) as ConformanceReport, stderr: run.stderr };
}

const byId = (report: ConformanceReport) =>
  Object.fromEntries(report.results.map((result) => [result.id, result])) as Record<string, VectorResult>;

let vectors: string;

beforeAll(() => {
  vectors = writeVectors(CASES);
});

describe('devolve conformance -- devolve verify --json', () => {
  it('agrees with every vector written from a real log', () => {
    const { code, report } = conformance('--vectors', vectors, '--', ...DEVOLVE_VERIFY);
    expect(code).toBe(0);
    expect(report.totals).toMatchObject({ vectors: 7, disagree: 0 });
    for (const result of report.results) {
      expect({ id: result.id, agreement: result.agreement }).toEqual({ id: result.id, agreement: 'agree' });
    }
  });

  it('prints a table: the summary per rule and the totals', () => {
    const run = conformanceCli('--vectors', vectors, '--', ...DEVOLVE_VERIFY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('By rule');
    expect(run.stdout).not.toContain('Disagreements');
    expect(run.stdout).toMatch(/✓ 7 vectors: \d agree, \d partial, 0 disagree/);
  });

  const shipped = join(ROOT, 'conformance', 'vectors');
  // Hundreds of vectors, a `devolve verify` process each: minutes on a busy two-core machine.
  it(
    'agrees with every vector shipped in conformance/vectors (the default)',
    () => {
      const jobs = String(Math.max(2, availableParallelism()));
      const { code, report } = conformance('--jobs', jobs, '--', ...DEVOLVE_VERIFY);
      expect(report.results.filter((result) => result.agreement !== 'agree')).toEqual([]);
      expect(code).toBe(0);
      expect(report.totals.vectors).toBe(
        readdirSync(shipped).filter((name) => name.endsWith('.jsonl')).length,
      );
    },
    20 * 60_000,
  );
});

describe('devolve conformance against broken verifiers', () => {
  it('reports a verifier that skips signatures, at the vector and the rule it gets wrong', () => {
    const { code, report } = conformance('--vectors', vectors, '--', ...broken('accepts-any-signature'));
    expect(code).toBe(1);
    const results = byId(report);
    const flipped = results['signature-flipped-line-3']!;
    expect(flipped).toMatchObject({
      agreement: 'disagree',
      differs: ['verdict'],
      expected: { verdict: 'bad', line: 3 },
      answer: { kind: 'ok' },
    });
    // Every other vector is still judged right (on the verdict: this verifier prints no line).
    expect(
      report.results.filter((result) => result.agreement === 'disagree').map((result) => result.id),
    ).toEqual(['signature-flipped-line-3']);
    expect(results['time-changed-line-5']).toMatchObject({
      agreement: 'partial',
      unreported: ['line', 'rule'],
    });
    const [rule] = flipped.rules;
    expect(report.rules.find((row) => row.rule === rule)).toEqual({
      rule,
      vectors: 1,
      agree: 0,
      partial: 0,
      disagree: 1,
    });
  });

  it('reports a verifier that names the wrong line, vector by vector, in the table', () => {
    const run = conformanceCli('--vectors', vectors, '--', ...broken('off-by-one-line'));
    expect(run.code).toBe(1);
    // Every bad vector disagrees on the line alone: 5 of 7; both good logs agree.
    expect(run.stdout).toMatch(/✗ 7 vectors: 2 agree, 0 partial, 5 disagree/);
    const blocks = [
      ...run.stdout.matchAll(
        /✗ (\S+) \[rule (\S+)\]\n {6}expected {2}bad, line (\d+), rule (\S+)\n {6}came {6}bad, line (\d+), rule (\S+) \(exit 1\)\n/g,
      ),
    ];
    expect(blocks.map(([, id]) => id).sort()).toEqual(
      Object.keys(CASES)
        .filter((id) => CASES[id]!.expected.verdict === 'bad')
        .sort(),
    );
    for (const [, id, rules, expectedLine, expectedRule, cameLine, cameRule] of blocks) {
      expect({ id, expectedLine: Number(expectedLine) + 1, cameRule }).toEqual({
        id,
        expectedLine: Number(cameLine),
        cameRule: expectedRule,
      });
      expect(rules).toBe(expectedRule);
    }
  });

  it('kills a verifier that hangs, and reports the timeout for each vector', () => {
    const dir = writeVectors({ 'good-log': CASES['good-log']!, 'line-4-deleted': CASES['line-4-deleted']! });
    const run = conformanceCli('--vectors', dir, '--timeout', '1', '--', ...broken('hangs'));
    expect(run.code).toBe(1);
    expect(run.stdout.match(/came {6}timed out: still running after 1 s, killed/g)).toHaveLength(2);
    expect(run.stdout).toMatch(/✗ 2 vectors: 0 agree, 0 partial, 2 disagree/);
  });

  it.skipIf(process.platform === 'win32')(
    'stops the verifiers still running when it is interrupted',
    async () => {
      const dir = writeVectors({
        'good-log': CASES['good-log']!,
        'line-4-deleted': CASES['line-4-deleted']!,
      });
      const pids = join(scratch.fresh(), 'pids');
      // Each verifier notes its pid and then waits far longer than the test.
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'devolve.js'),
          'conformance',
          '--vectors',
          dir,
          '--',
          '/bin/sh',
          '-c',
          `echo $$ >> ${pids}; exec sleep 600`,
          'sh',
        ],
        { stdio: 'ignore' },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      const noted = () => (existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n') : []);
      while (noted().length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      child.kill('SIGINT');
      expect(await exited).toBe('SIGINT');
      // `kill -0` fails once a process is gone.
      const running = () => noted().filter((pid) => spawnSync('kill', ['-0', pid]).status === 0);
      for (let tries = 0; running().length > 0 && tries < 50; tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const left = running();
      for (const pid of left) process.kill(Number(pid), 'SIGKILL');
      expect(left).toEqual([]);
    },
  );
});

describe('devolve conformance usage errors', () => {
  it('needs the verifier after --, and names a vector file that is wrong; exit 2, one line', () => {
    const noCommand = conformanceCli('--vectors', vectors);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr.trim().split('\n')).toEqual([
      'devolve: no verifier command after -- — put the verifier after --, e.g. devolve conformance -- devolve verify --json',
    ]);
    const dir = scratch.fresh();
    writeFileSync(join(dir, 'v.jsonl'), '');
    writeFileSync(
      join(dir, 'v.json'),
      '{"id":"v","description":"","rules":[],"verdict":"bad","line":0,"rule":"1"}',
    );
    const malformed = conformanceCli('--vectors', dir, '--', ...DEVOLVE_VERIFY);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr).toContain(`${join(dir, 'v.json')} has "verdict": "bad" without "line"`);
    const empty = conformanceCli('--vectors', scratch.fresh(), '--', ...DEVOLVE_VERIFY);
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.stderr).toMatch(/holds no vectors/);
  });

  it('answers a usage error as JSON under --json, whatever the verifier arguments say', () => {
    const run = conformanceCli('--json', '--jobs', '0', '--', 'verify', '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'usage/invalid-argument' } });
    const plain = conformanceCli('--jobs', '0', '--', 'verify', '--json');
    expect(plain).toMatchObject({ code: 2, stdout: '' });
  });

  it('is a usage error when the verifier cannot be started at all', () => {
    const run = conformanceCli('--vectors', vectors, '--', join(vectors, 'no-such-verifier'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot start '");
  });
});
