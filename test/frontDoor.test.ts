import { mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithEnv, scratchDirs } from './support/builtCli.js';

/**
 * The front door, end to end on the built command line: where commands look for the charter and
 * its store, what they leave on disk, and how they answer a busy port or a mistyped option.
 */

const scratch = scratchDirs('devolve-front-');

/**
 * The CLI as a user without DATABASE_URL runs it: these tests are about the embedded store that
 * lives beside a charter (with DATABASE_URL set, every command would use that server instead).
 */
const runCli = (cwd: string, ...args: string[]) => runCliWithEnv({ DATABASE_URL: undefined }, cwd, ...args);
afterAll(() => scratch.cleanUp());

/** Every entry under `dir`, hidden ones included, as relative paths. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const nonEmptyLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('commands run below the charter find it, as git finds .git', () => {
  let root: string;
  let deep: string;
  beforeAll(() => {
    root = scratch.fresh();
    expect(runCli(root, 'init', '--template', 'dao').code).toBe(0);
    deep = join(root, 'docs', 'notes');
    mkdirSync(deep, { recursive: true });
  });

  it('status, check and explain work from two folders down', () => {
    const status = runCli(deep, 'status');
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Lumen Protocol');
    const check = runCli(deep, 'check');
    expect(check.code).toBe(0);
    // The charter is named as it is reached from where the command runs.
    expect(check.stdout).toContain(`${join('..', '..', 'devolve.yaml')} is valid: Lumen Protocol`);
    expect(runCli(deep, 'explain', 'treasury').code).toBe(0);
  });

  it('plan reads the evidence beside the charter it found, not beside the working directory', () => {
    const plan = runCli(deep, 'plan', '--json');
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as { evidence: string | null }).evidence).toBe(
      join('..', '..', 'evidence.yaml'),
    );
  });
});

describe('commands that only read create nothing', () => {
  it.each([['export'], ['export', '--out', 'log.jsonl'], ['rebuild'], ['status'], ['plan'], ['check']])(
    '%s in an empty directory leaves it empty (exit 2, one line)',
    (...args: string[]) => {
      const dir = scratch.fresh();
      const result = runCli(dir, ...args);
      expect(result.code).toBe(2);
      expect(nonEmptyLines(result.stderr)).toHaveLength(1);
      expect(tree(dir)).toEqual([]);
    },
  );

  it('export beside a charter that was never applied says so, and creates no store', () => {
    const dir = scratch.fresh();
    expect(runCli(dir, 'init', '--template', 'blank').code).toBe(0);
    const before = tree(dir);
    const result = runCli(dir, 'export', '--json', '--out', 'log.jsonl');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'usage/no-store', message: `there is no signed log at ${join('.devolve', 'data')}` },
    });
    expect(tree(dir)).toEqual(before);
  });
});

describe('the store lives beside its charter', () => {
  it('apply org/devolve.yaml from the parent and export from inside org/ share one log', () => {
    const parent = scratch.fresh();
    const org = join(parent, 'org');
    expect(runCli(parent, 'init', '--template', 'blank', '--dir', 'org').code).toBe(0);
    const keys = join(parent, 'keys.json');
    expect(runCli(parent, 'keys', 'new', '--keys', keys).code).toBe(0);

    const applied = runCli(
      parent,
      'apply',
      join('org', 'devolve.yaml'),
      '--as',
      'founder',
      '--keys',
      keys,
      '--json',
    );
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ org: 'my-organization', outcome: 'created' });
    // The log went to org/.devolve, and nothing was made in the parent.
    expect(tree(parent).filter((path) => path.startsWith('.devolve'))).toEqual([]);
    expect(tree(org)).toContain(join('.devolve', 'data', 'PG_VERSION'));

    // Applied again from inside: the same log, so nothing new to record.
    const again = runCli(org, 'apply', '--as', 'founder', '--keys', keys, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'unchanged', head: { seq: 0 } });

    const sub = join(org, 'sub');
    mkdirSync(sub);
    const exported = runCli(sub, 'export');
    expect(exported.code).toBe(0);
    expect(nonEmptyLines(exported.stdout)).toHaveLength(1);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      seq: 0,
      action: { kind: 'org.create', actor: 'founder' },
    });
  });
});

describe('a busy port is reported before any work, with the way out', () => {
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen({ port: 0, host: '127.0.0.1' }, resolve));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('serve: exit 1, one line naming the port and --port, and no store made', () => {
    const dir = scratch.fresh();
    const result = runCli(dir, 'serve', '--port', String(port));
    expect(result.code).toBe(1);
    expect(nonEmptyLines(result.stderr)).toEqual([
      `devolve: port ${port} on 127.0.0.1 is already in use (another devolve serve or demo, or another program) — choose another port: \`devolve serve --port 4799\`; --port 0 takes any free one`,
    ]);
    expect(result.stdout).toBe('');
    expect(tree(dir)).toEqual([]);
  });

  it('demo (npm start): the same, naming npm start, before writing or printing anything', () => {
    const dir = scratch.fresh();
    const result = runCli(dir, 'demo', '--port', String(port));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(result.stderr).toContain('`npm start -- --port 4799`');
    expect(result.stdout).toBe('');
    expect(tree(dir)).toEqual([]);
  });

  it('--json: the error as data, with its own code', () => {
    const result = runCli(scratch.fresh(), 'serve', '--port', String(port), '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'server/port-in-use', details: { port, host: '127.0.0.1' } },
    });
  });
});

describe('mistyped command lines get a did-you-mean and the usage', () => {
  it('an unknown option', () => {
    const result = runCli(scratch.fresh(), 'status', '--jsn');
    expect(result.code).toBe(2);
    expect(nonEmptyLines(result.stderr)).toEqual([
      "devolve: unknown option '--jsn' for devolve status — did you mean '--json'? Usage: devolve status [options] [file] (see devolve status --help)",
    ]);
  });

  it('an unknown option, under --json', () => {
    const result = runCli(scratch.fresh(), 'keys', 'new', '--nmae', 'x', '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'usage/unknown-option',
        message: "unknown option '--nmae' for devolve keys new",
        hint: "did you mean '--name'? Usage: devolve keys new [options] (see devolve keys new --help)",
      },
    });
  });

  it('an unknown command, and an unknown subcommand', () => {
    expect(nonEmptyLines(runCli(scratch.fresh(), 'stauts').stderr)).toEqual([
      "devolve: unknown command 'stauts' — did you mean 'status'? (see devolve --help)",
    ]);
    expect(nonEmptyLines(runCli(scratch.fresh(), 'keys', 'lst').stderr)).toEqual([
      "devolve: unknown command 'lst' for devolve keys — did you mean 'list'? (see devolve keys --help)",
    ]);
  });

  it('an option without its value, and too many arguments', () => {
    const port = runCli(scratch.fresh(), 'serve', '--port');
    expect(port.code).toBe(2);
    expect(nonEmptyLines(port.stderr)).toEqual([
      "devolve: option '--port <port>' needs a value — usage: devolve serve [options] (see devolve serve --help)",
    ]);
    const extra = runCli(scratch.fresh(), 'check', 'a.yaml', 'b.yaml');
    expect(extra.code).toBe(2);
    expect(nonEmptyLines(extra.stderr)).toEqual([
      'devolve: devolve check takes at most 1 argument, got 2 — usage: devolve check [options] [file] (see devolve check --help)',
    ]);
  });

  it('init without --template lists the templates, blank among them, and writes nothing', () => {
    const dir = scratch.fresh();
    const result = runCli(dir, 'init');
    expect(result.code).toBe(2);
    expect(nonEmptyLines(result.stderr)).toEqual([
      'devolve: devolve init needs --template <name> — choose one of blank, content-platform, dao, open-source, rollup, self-managed-company (`devolve templates` describes them; blank starts from scratch)',
    ]);
    expect(tree(dir)).toEqual([]);
  });
});
