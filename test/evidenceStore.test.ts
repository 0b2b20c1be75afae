import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithEnv, scratchDirs } from './support/builtCli.js';

/**
 * Evidence kept in the store, end to end on the built command line: the dao template is applied
 * (its sample evidence file removed, so the store is the only evidence), a holdings CSV is
 * imported with `--record`, and `plan` then judges Brand's `holder-nakamoto ≥ 7` criterion
 * from the stored observation, which `evidence list` shows with its source.
 */

const scratch = scratchDirs('devolve-evidence-store-');
afterAll(() => scratch.cleanUp());

const BRAND_READINESS = `    readiness:
      transparent:
        checklist: brand-guidelines
        text: Brand guidelines published under a permissive licence
        evidence: optional
`;
const NAKAMOTO_READINESS = `    readiness:
      transparent:
        metric: holder-nakamoto
        atLeast: 7
`;

const devolve = (cwd: string, ...args: string[]) =>
  runCliWithEnv({ DATABASE_URL: undefined, DEVOLVE_SERVER: undefined }, cwd, ...args);

interface Node {
  readonly facts?: {
    readonly kind: string;
    readonly metric?: string;
    readonly actual?: { value: number; source?: string };
  };
  readonly status?: string;
  readonly [key: string]: unknown;
}

/** Every holder-nakamoto verdict anywhere in a plan. */
function nakamotoVerdicts(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nakamotoVerdicts);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Node;
  const here = node.facts?.kind === 'metric' && node.facts.metric === 'holder-nakamoto' ? [node] : [];
  return [...here, ...Object.values(node).flatMap(nakamotoVerdicts)];
}

function plan(cwd: string): unknown {
  const run = devolve(cwd, 'plan', '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('evidence in the store', () => {
  let work: string;
  beforeAll(() => {
    work = scratch.fresh();
    expect(devolve(work, 'init', '--template', 'dao').code).toBe(0);
    rmSync(join(work, 'evidence.yaml'));
    // Brand's next move (to Transparent) asks for holder-nakamoto ≥ 7 instead of its checklist item.
    const charter = join(work, 'devolve.yaml');
    const text = readFileSync(charter, 'utf8');
    expect(text).toContain(BRAND_READINESS);
    writeFileSync(charter, text.replace(BRAND_READINESS, NAKAMOTO_READINESS));
    expect(devolve(work, 'keys', 'new', '--keys', 'mara.json').code).toBe(0);
    const apply = devolve(work, 'apply', '--as', 'mara', '--keys', 'mara.json');
    expect(apply.code, apply.stderr).toBe(0);
  }, 120_000);

  it('imports holdings with --record, and plan judges the criterion from the stored observation', () => {
    const before = nakamotoVerdicts(plan(work));
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((v) => v.status)).toContain('unknown');
    expect(before.map((v) => v.status)).not.toContain('met');

    // 14 equal holders: more than half the supply needs 8 of them, so the Nakamoto coefficient
    // is 8 ≥ 7.
    const rows = Array.from({ length: 14 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')},100`);
    writeFileSync(join(work, 'holdings.csv'), `address,balance\n${rows.join('\n')}\n`);
    const imported = devolve(work, 'import', 'holdings', 'holdings.csv', '--record', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 14, recorded: 5 });

    const after = nakamotoVerdicts(plan(work));
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((v) => v.status === 'met')).toBe(true);
    expect(after[0]!.facts!.actual).toMatchObject({ value: 8, source: 'holdings holdings.csv' });

    const listed = devolve(work, 'evidence', 'list', '--kind', 'observation', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const { evidence } = JSON.parse(listed.stdout) as {
      evidence: { entry: { observation: { metric: string } }; origin: unknown }[];
    };
    expect(evidence.map((r) => r.entry.observation.metric)).toEqual([
      'holder-gini',
      'holder-nakamoto',
      'holder-hhi',
      'holder-top10-share',
      'holder-entropy',
    ]);
    expect(evidence[1]!.origin).toEqual({ command: 'import holdings', from: 'holdings.csv' });
  }, 120_000);

  it('records an evidence file with each entry’s line, its attestations unsigned', () => {
    writeFileSync(
      join(work, 'more.yaml'),
      'evidence: 1\nobservations:\n  - { metric: participation, unit: treasury, value: 0.3, window: P90D, at: 2026-11-01T00:00:00Z }\nattestations:\n  - { checklist: audit-v3, at: 2026-11-01T00:00:00Z, evidence: "https://example.org/audit" }\n',
    );
    const added = devolve(work, 'evidence', 'add', 'more.yaml', '--json');
    expect(added.code, added.stderr).toBe(0);
    const { records } = JSON.parse(added.stdout) as {
      records: { entry: { kind: string; attestation?: { unsigned?: boolean } }; origin: { line?: number } }[];
    };
    expect(records.map((r) => [r.entry.kind, r.origin.line])).toEqual([
      ['observation', 3],
      ['attestation', 5],
    ]);
    expect(records[1]!.entry.attestation?.unsigned).toBe(true);
    // A file that is not valid evidence records nothing and says where it is wrong.
    writeFileSync(
      join(work, 'bad.yaml'),
      'evidence: 1\nobservations:\n  - { metric: partcipation, value: 1, at: 2026-11-01T00:00:00Z }\n',
    );
    const bad = devolve(work, 'evidence', 'add', 'bad.yaml');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('bad.yaml:3');
    const all = devolve(work, 'evidence', 'list', '--json');
    expect((JSON.parse(all.stdout) as { evidence: unknown[] }).evidence).toHaveLength(7);
  }, 120_000);
});
