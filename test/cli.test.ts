import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../src/core/charter/loadCharter.js';
import { explainUnit } from '../src/core/explain/explainUnit.js';
import type { Organization, Unit } from '../src/core/model/Organization.js';
import { type CliRun, runCli, templateNames } from './support/builtCli.js';
import { positionOf } from './support/charterText.js';

/**
 * The CLI end to end, as a user runs it: `node bin/devolve.js …` on the built package, in fresh
 * empty directories. The expected content comes from the same charter loaded in process.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'devolve.js');
const SCHEMA = join(ROOT, 'schema', 'devolve.schema.json');
const TEMPLATES_DIR = join(ROOT, 'templates');
const TEMPLATES = templateNames();

type Run = CliRun;
const run = runCli;

/**
 * `run`, without waiting: independent commands go in parallel, the machine's cores permitting.
 * Without DATABASE_URL or DEVOLVE_SERVER, which would name a log for the reading commands to show.
 */
function runAsync(cwd: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['DATABASE_URL'];
  delete env['DEVOLVE_SERVER'];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function json(result: Run): unknown {
  return JSON.parse(result.stdout) as unknown;
}

/** The non-empty lines of an output. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

const scratch: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'devolve-cli-'));
  scratch.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe.each(TEMPLATES)('in an empty directory, with the %s template', (template) => {
  let dir: string;
  let init: Run;
  let text: string;
  let organization: Organization;
  /** A unit below the top of its ladder, so that `explain` has a next level to show. */
  let unit: Unit;
  /** The commands after init, run together. */
  let out: Record<'check' | 'checkJson' | 'status' | 'statusJson' | 'explain' | 'explainJson', Run>;

  beforeAll(async () => {
    dir = freshDir();
    init = run(dir, 'init', '--template', template);
    text = readFileSync(join(dir, 'devolve.yaml'), 'utf8');
    const load = loadCharter({ text, file: 'devolve.yaml' });
    if (!load.ok) throw new Error(`${template} does not load`);
    organization = load.organization;
    unit = organization.units.find((u) => u.level < u.levels.length - 1) ?? organization.units[0]!;
    const [check, checkJson, status, statusJson, explain, explainJson] = await Promise.all([
      runAsync(dir, 'check'),
      runAsync(dir, 'check', '--json'),
      runAsync(dir, 'status'),
      runAsync(dir, 'status', '--json'),
      runAsync(dir, 'explain', unit.id),
      runAsync(dir, 'explain', unit.id, '--json'),
    ]);
    out = {
      check: check!,
      checkJson: checkJson!,
      status: status!,
      statusJson: statusJson!,
      explain: explain!,
      explainJson: explainJson!,
    };
  });

  it('init writes devolve.yaml from the template and says so', () => {
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(
      `wrote devolve.yaml from template '${template}' (${organization.units.length} units)`,
    );
    const first = text.indexOf('\n') + 1;
    expect(text.slice(first)).toBe(readFileSync(join(TEMPLATES_DIR, `${template}.yaml`), 'utf8'));
  });

  it('init starts the charter with a yaml-language-server comment that finds the real schema', () => {
    const match = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
    expect(match).not.toBeNull();
    const path = match![1]!;
    expect(path.startsWith('./') || path.startsWith('../')).toBe(true);
    expect(resolve(dir, path)).toBe(SCHEMA);
  });

  it('check exits 0 and names the organization', () => {
    expect(out.check.code).toBe(0);
    expect(out.check.stdout).toContain(
      `devolve.yaml is valid: ${organization.name}, ${organization.units.length} unit${organization.units.length === 1 ? '' : 's'}`,
    );
    expect(out.check.stderr).toBe('');
  });

  it('check --json reports a valid charter with no errors or warnings', () => {
    expect(out.checkJson.code).toBe(0);
    expect(json(out.checkJson)).toEqual({
      file: 'devolve.yaml',
      valid: true,
      errors: [],
      warnings: [],
      organization: {
        id: organization.id,
        name: organization.name,
        units: organization.units.length,
        dimensions: organization.dimensions.length,
      },
    });
  });

  it('status exits 0 and draws every unit under its dimension', () => {
    expect(out.status.code).toBe(0);
    const rows = out.status.stdout.split('\n');
    // No log was ever recorded: the board is the file's, and its first line says so.
    expect(rows[0]).toMatch(/^Declared levels from devolve\.yaml: no signed log beside it/);
    expect(rows.findIndex((line) => line.startsWith(`${organization.name} (`))).toBeGreaterThan(0);
    for (const u of organization.units) {
      const row = rows.findIndex((line) => line.startsWith(`  ${u.name} `));
      expect(row, `${u.name} has a row`).toBeGreaterThan(0);
      // Where the unit stands: level 2 of 0–5 reads '2/5 Consultative'.
      expect(rows[row]).toContain(`${u.level}/${u.levels.length - 1} ${u.levels[u.level]!.name}`);
      // The nearest heading above the row is the unit's own dimension.
      const dimension = organization.dimensions.find((d) => d.id === u.dimension)!;
      const heading = rows
        .slice(0, row)
        .reverse()
        .find((line) => line !== '' && !line.startsWith(' '));
      expect(heading).toBe(dimension.name);
    }
  });

  it('status --json is the board: every unit under its dimension, with its level and target', () => {
    expect(out.statusJson.code).toBe(0);
    const board = json(out.statusJson) as {
      organization: { id: string; name: string };
      dimensions: {
        id: string;
        units: { id: string; level: { index: number }; target: { index: number } }[];
      }[];
      readiness: Record<string, unknown>;
    };
    expect(board.organization).toMatchObject({ id: organization.id, name: organization.name });
    const units = board.dimensions.flatMap((d) => d.units.map((u) => ({ dimension: d.id, ...u })));
    expect(units.map((u) => u.id).sort()).toEqual(organization.units.map((u) => u.id).sort());
    for (const u of organization.units) {
      expect(units.find((b) => b.id === u.id)).toMatchObject({
        dimension: u.dimension,
        level: { index: u.level },
        target: { index: u.target },
      });
    }
    expect(typeof board.readiness).toBe('object');
  });

  it('explain <unit> exits 0 and says, in plain words, who decides today and at the next level', () => {
    expect(out.explain.code).toBe(0);
    const expected = explainUnit({ organization, unit: unit.id });
    const said = out.explain.stdout;
    expect(said).toContain(`${unit.name} (${unit.id}, ${expected.dimension.name})`);
    expect(said).toContain(`Today — level ${expected.today.index} · ${expected.today.name}`);
    for (const sentence of Object.values(expected.today.policy)) expect(said).toContain(sentence);
    expect(said).toContain(expected.today.policyLine);
    expect(expected.next).toBeDefined();
    expect(said).toContain(`Next — level ${expected.next!.index} · ${expected.next!.name}`);
    for (const sentence of Object.values(expected.next!.policy)) expect(said).toContain(sentence);
  });

  it('explain --json is the unit explanation', () => {
    expect(out.explainJson.code).toBe(0);
    const { source, since, ...explanation } = json(out.explainJson) as Record<string, unknown>;
    expect(explanation).toEqual(JSON.parse(JSON.stringify(explainUnit({ organization, unit: unit.id }))));
    expect(source).toEqual({
      kind: 'file',
      file: 'devolve.yaml',
      why: 'no signed log beside it (`devolve apply` records one)',
    });
    // The day the charter says the unit reached its level, when it says.
    expect(since).toBe(
      unit.since === undefined ? undefined : new Date(unit.since).toISOString().slice(0, 10),
    );
  });
});

describe('templates', () => {
  // Which templates ship is pinned by the catalogue test; here, that the CLI lists every one.
  it('lists every template with its description', () => {
    const result = run(freshDir(), 'templates');
    expect(result.code).toBe(0);
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(6);
    for (const name of TEMPLATES) {
      const first = readFileSync(join(TEMPLATES_DIR, `${name}.yaml`), 'utf8').split('\n')[0]!;
      const description = first.replace(/^# Devolve charter for /, '');
      expect(result.stdout).toMatch(
        new RegExp(`^ {2}${name} +${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
      );
    }
  });

  it('--json lists them as data', () => {
    const result = run(freshDir(), 'templates', '--json');
    expect(result.code).toBe(0);
    const list = json(result) as { name: string; description: string }[];
    expect(list.map((t) => t.name)).toEqual(TEMPLATES);
    for (const t of list) expect(t.description.length).toBeGreaterThan(20);
  });
});

describe('init', () => {
  it('refuses to overwrite an existing charter, in one line, leaving it untouched', () => {
    const dir = freshDir();
    expect(run(dir, 'init', '--template', 'dao').code).toBe(0);
    const charter = join(dir, 'devolve.yaml');
    writeFileSync(charter, '# my own charter\n');
    const result = run(dir, 'init', '--template', 'rollup');
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'devolve: devolve.yaml already exists — keep it, choose another --dir, or pass --force to overwrite it',
    ]);
    expect(readFileSync(charter, 'utf8')).toBe('# my own charter\n');
  });

  it('overwrites with --force', () => {
    const dir = freshDir();
    const charter = join(dir, 'devolve.yaml');
    writeFileSync(charter, '# my own charter\n');
    const result = run(dir, 'init', '--template', 'rollup', '--force');
    expect(result.code).toBe(0);
    expect(readFileSync(charter, 'utf8')).toContain('# Devolve charter for an Ethereum zk-rollup');
  });

  it('writes into --dir, creating it, with a schema comment that resolves from there', () => {
    const dir = freshDir();
    const result = run(dir, 'init', '--template', 'open-source', '--dir', 'governance/charter', '--json');
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({
      file: join('governance', 'charter', 'devolve.yaml'),
      template: 'open-source',
    });
    const text = readFileSync(join(dir, 'governance', 'charter', 'devolve.yaml'), 'utf8');
    const path = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)![1]!;
    expect(resolve(dir, 'governance', 'charter', path)).toBe(SCHEMA);
    expect(run(dir, 'check', join('governance', 'charter', 'devolve.yaml')).code).toBe(0);
  });

  it('refuses an unknown template with a did-you-mean hint (exit 2)', () => {
    const dir = freshDir();
    const result = run(dir, 'init', '--template', 'rolup');
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual(["devolve: unknown template 'rolup' — did you mean 'rollup'?"]);
    expect(existsSync(join(dir, 'devolve.yaml'))).toBe(false);
  });
});

describe('a broken charter', () => {
  let dir: string;
  let text: string;

  beforeAll(() => {
    dir = freshDir();
    run(dir, 'init', '--template', 'dao');
    const path = join(dir, 'devolve.yaml');
    text = readFileSync(path, 'utf8').replace('owners: [founders]', 'owners: [foundrs]');
    writeFileSync(path, text);
  });

  it('check exits 1 and prints file:line:column, the code and the hint', () => {
    const result = run(dir, 'check');
    expect(result.code).toBe(1);
    const { line, column } = positionOf(text, 'foundrs');
    expect(result.stdout).toContain(
      `devolve.yaml:${line}:${column} error unknown role 'foundrs' [charter/unknown-role]`,
    );
    expect(result.stdout).toContain("hint: did you mean 'founders'?");
    // The offending line is shown with a caret under the column.
    expect(result.stdout).toContain(`${' '.repeat(column - 1)}^`);
    expect(result.stdout).toContain('✗ devolve.yaml: 1 error');
  });

  it('check --json exits 1 with the located error', () => {
    const result = run(dir, 'check', '--json');
    expect(result.code).toBe(1);
    expect(json(result)).toMatchObject({
      file: 'devolve.yaml',
      valid: false,
      errors: [
        {
          file: 'devolve.yaml',
          ...positionOf(text, 'foundrs'),
          code: 'charter/unknown-role',
          hint: "did you mean 'founders'?",
        },
      ],
    });
  });

  it('status and explain exit 1, naming the problem', () => {
    for (const args of [['status'], ['explain', 'treasury']]) {
      const result = run(dir, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('[charter/unknown-role]');
      expect(result.stderr).toContain('devolve: devolve.yaml is not a valid charter (1 error)');
    }
  });

  it('check reports a YAML syntax error at its line and column', () => {
    const broken = join(dir, 'tabs.yaml');
    writeFileSync(broken, 'devolve: 1\norganization:\n\tid: acme\n');
    const result = run(dir, 'check', 'tabs.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'tabs.yaml:3:1 error Tabs are not allowed as indentation [yaml/tab-as-indent]',
    );
    expect(result.stdout).toContain('hint: indent with spaces, not tabs');
  });
});

describe('usage errors exit 2', () => {
  it('a missing charter file, in one line', () => {
    const result = run(freshDir(), 'check', 'nope.yaml');
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual(['devolve: no charter at nope.yaml — check the path']);
    expect(result.stdout).toBe('');
  });

  it('no devolve.yaml here or above, with a hint to init one that names the command run', () => {
    // The hint shows the command the user ran, with the charter named where that command takes it.
    const cases: [string[], string][] = [
      [['check'], 'devolve check path/to/devolve.yaml'],
      [['status'], 'devolve status path/to/devolve.yaml'],
      [['plan', '--json'], 'devolve plan path/to/devolve.yaml'],
      [['explain', 'treasury'], 'devolve explain <unit> path/to/devolve.yaml'],
      [['apply'], 'devolve apply path/to/devolve.yaml'],
    ];
    const message = 'no devolve.yaml here or in any folder above';
    for (const [args, shown] of cases) {
      const result = run(freshDir(), ...args);
      expect(result.code, args.join(' ')).toBe(2);
      const hint = `create one with \`devolve init --template <name>\` (see \`devolve templates\`), or pass the file: ${shown}`;
      if (args.includes('--json')) {
        expect(json(result), args.join(' ')).toEqual({
          error: { code: 'usage/charter-not-found', message, hint },
        });
      } else {
        expect(lines(result.stderr), args.join(' ')).toEqual([`devolve: ${message} — ${hint}`]);
      }
    }
  });

  it('an unknown command', () => {
    const result = run(freshDir(), 'frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('an unknown option', () => {
    const result = run(freshDir(), 'check', '--frob');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frob'");
  });

  it('a missing argument', () => {
    const result = run(freshDir(), 'explain');
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'devolve: devolve explain needs <unit> — usage: devolve explain [options] <unit> [file] (see devolve explain --help)',
    ]);
  });

  describe('explain of an unknown unit', () => {
    let dir: string;
    beforeAll(() => {
      dir = freshDir();
      run(dir, 'init', '--template', 'dao');
    });

    it('answers in one line with a did-you-mean hint', () => {
      const result = run(dir, 'explain', 'tresury');
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toEqual([
        "devolve: no unit 'tresury' in Lumen Protocol — did you mean 'treasury'?",
      ]);
    });

    it('answers with a JSON error under --json', () => {
      const result = run(dir, 'explain', 'tresury', '--json');
      expect(result.code).toBe(2);
      expect(json(result)).toMatchObject({
        error: {
          code: 'unit/not-found',
          message: "no unit 'tresury' in Lumen Protocol",
          hint: "did you mean 'treasury'?",
        },
      });
    });
  });
});

describe('schema', () => {
  it('prints the JSON Schema committed in schema/devolve.schema.json, so the two cannot drift', () => {
    const result = run(freshDir(), 'schema');
    expect(result.code).toBe(0);
    // If this fails after a change to the charter format, run `npm run schema` and commit the result.
    expect(json(result)).toEqual(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  });

  it('is a draft 2020-12 schema of the charter with its recursive criterion under $defs', () => {
    const schema = json(run(freshDir(), 'schema')) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['required']).toEqual(['devolve', 'organization', 'members', 'roles', 'units']);
    expect(Object.keys(schema['$defs'] as object)).toContain('Criterion');
  });
});

describe('help and version', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = run(freshDir(), '--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('--help lists the commands', () => {
    const result = run(dirname(BIN), '--help');
    expect(result.code).toBe(0);
    for (const command of ['templates', 'init', 'check', 'status', 'explain', 'schema']) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    }
  });
});
