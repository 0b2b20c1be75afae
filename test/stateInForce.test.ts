import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithEnv, scratchDirs } from './support/builtCli.js';

/**
 * `status`, `plan`, `explain` and `report` show the state in force: once a charter has a signed
 * log, a unit stands where the executed slider moves put it, not where the file declares it, and
 * each command says in one line which source it read. End to end on the built command line: the
 * dao template (its `brand` unit at founder level, mara deciding alone, its readiness for
 * Transparent removed so the move is ready without evidence) is applied, then mara moves `brand`
 * from Founder-controlled to Transparent through a proposal she decides and executes.
 */

const scratch = scratchDirs('devolve-in-force-');
afterAll(() => scratch.cleanUp());

/** Without DATABASE_URL or DEVOLVE_SERVER: the log is the one beside the charter, or `--data`. */
const devolve = (cwd: string, ...args: string[]) =>
  runCliWithEnv({ DATABASE_URL: undefined, DEVOLVE_SERVER: undefined }, cwd, ...args);

function json<T>(cwd: string, ...args: string[]): T {
  const run = devolve(cwd, ...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface StatusJson {
  readonly source: { readonly kind: string; readonly seq?: number; readonly why?: string };
  readonly dimensions: readonly {
    readonly units: readonly { readonly id: string; readonly level: { readonly id: string } }[];
  }[];
}

const levelIn = (status: StatusJson, unit: string) =>
  status.dimensions.flatMap((d) => d.units).find((u) => u.id === unit)?.level.id;

const BRAND_READINESS = `    readiness:
      transparent:
        checklist: brand-guidelines
        text: Brand guidelines published under a permissive licence
        evidence: optional
`;

describe('reading commands show the levels the log moved units to', () => {
  let work: string;
  let elsewhere: string;
  let today: string;
  beforeAll(() => {
    work = scratch.fresh();
    elsewhere = scratch.fresh();
    expect(devolve(work, 'init', '--template', 'dao').code).toBe(0);
    const charter = join(work, 'devolve.yaml');
    const text = readFileSync(charter, 'utf8');
    expect(text).toContain(BRAND_READINESS);
    writeFileSync(charter, text.replace(BRAND_READINESS, ''));
    const keys = join(work, 'mara.json');
    expect(devolve(work, 'keys', 'new', '--keys', keys).code).toBe(0);
    today = new Date().toISOString().slice(0, 10);
  }, 60_000);

  it('reads the file, and says so, while there is no log', () => {
    const status = json<StatusJson>(work, 'status');
    expect(status.source).toEqual({
      kind: 'file',
      file: 'devolve.yaml',
      why: 'no signed log beside it (`devolve apply` records one)',
    });
    expect(levelIn(status, 'brand')).toBe('founder');
    const text = devolve(work, 'explain', 'brand');
    expect(text.stdout.split('\n')[0]).toBe(
      'Declared levels from devolve.yaml: no signed log beside it (`devolve apply` records one)',
    );
  });

  it('shows brand at Transparent after its move executed, in every reading command', () => {
    const act = (...args: string[]) => {
      const run = devolve(work, ...args, '--keys', 'mara.json');
      expect(run.code, run.stderr).toBe(0);
    };
    act('apply', '--as', 'mara');
    act('propose', 'move', 'brand', '--to', 'transparent');
    act('decide', 'brand-1', 'passed');
    act('execute', 'brand-1');
    // Events: 0 org.create, 1 proposal.create, 2 proposal.decide, 3 proposal.execute.

    const status = json<StatusJson>(work, 'status');
    expect(status.source).toMatchObject({ kind: 'log', seq: 3, fileDiffers: false });
    expect(levelIn(status, 'brand')).toBe('transparent');
    // The file still declares where brand started.
    expect(readFileSync(join(work, 'devolve.yaml'), 'utf8')).toMatch(/id: brand[\s\S]*?level: founder/);
    const statusText = devolve(work, 'status', '--now', today);
    expect(statusText.stdout).toMatch(
      /^Levels in force from the signed log: PGlite \.devolve\/data, event 3/,
    );
    expect(statusText.stdout).toMatch(/Brand & trademark\s+●─◆─◎─·─·─·\s+1\/5 Transparent/);

    const plan = json<{
      source: { kind: string };
      recommendations: { unit: string; from: { id: string }; to: { id: string } }[];
    }>(work, 'plan');
    expect(plan.source.kind).toBe('log');
    expect(plan.recommendations.find((r) => r.unit === 'brand')).toMatchObject({
      from: { id: 'transparent' },
      to: { id: 'consultative' },
    });

    const explained = json<{ today: { name: string }; since: string; source: { kind: string } }>(
      work,
      'explain',
      'brand',
    );
    expect(explained).toMatchObject({
      today: { name: 'Transparent' },
      since: today,
      source: { kind: 'log' },
    });
    expect(devolve(work, 'explain', 'brand').stdout).toContain(
      `Owned today by Founders. At Transparent since ${today}. Target: Consultative.`,
    );

    const report = devolve(work, 'report', '--now', today);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/\*Levels in force from the signed log: PGlite \.devolve\/data, event 3 /);
    expect(report.stdout).toMatch(/Brand & trademark.*Transparent/);
    expect(report.stdout).not.toMatch(/Brand & trademark.*Founder-controlled/);
  });

  it('shows declared beside observed: the founders made brand’s one decision, so at most Consultative', () => {
    const brand = {
      declared: 'transparent',
      observed: 'consultative',
      teamShare: { value: 1, decisions: 1 },
      findings: [],
    };
    const unobserved = { declared: 'transparent', observed: null, findings: [] };
    for (const command of ['status', 'plan']) {
      const { observed } = json<{ observed: Record<string, unknown> }>(work, command);
      expect(observed['brand']).toEqual(brand);
      expect(observed['treasury']).toEqual(unobserved);
    }
    // The decision was made today, after midnight: plan as of now.
    const plan = devolve(work, 'plan');
    expect(plan.stdout).toContain('Declared vs observed');
    expect(plan.stdout).toContain('brand: declared transparent, observed consultative');
  });

  it('reads the log named by --data from anywhere, and refuses a --data that holds none', () => {
    const charter = join(work, 'devolve.yaml');
    const data = join(work, '.devolve', 'data');
    const status = json<StatusJson>(elsewhere, 'status', charter, '--data', data);
    expect(status.source).toMatchObject({ kind: 'log', seq: 3 });
    expect(levelIn(status, 'brand')).toBe('transparent');

    const empty = join(elsewhere, 'nothing');
    const refused = devolve(elsewhere, 'plan', charter, '--data', empty);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('no signed log');
  });

  it('notes an edit of the file that is not in force', () => {
    const charter = join(work, 'devolve.yaml');
    const text = readFileSync(charter, 'utf8');
    writeFileSync(charter, text.replace('quorum: 4%', 'quorum: 5%'));
    try {
      expect(json<StatusJson>(work, 'status').source).toMatchObject({ kind: 'log', fileDiffers: true });
    } finally {
      writeFileSync(charter, text);
    }
  });
});
