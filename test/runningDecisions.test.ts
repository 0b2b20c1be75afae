import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithEnv } from './support/builtCli.js';
import { type ServeProcess, startServeProcess } from './support/serveProcess.js';

const TEMPLATE = readFileSync(new URL('../templates/dao.yaml', import.meta.url), 'utf8');

/**
 * Running decisions from the command line, as members type them, while `devolve serve` holds the
 * data directory: mara (a founder, owner of the founder-level `brand`) proposes, decides and
 * executes; jonas registers his key and delegates; the list and the ballot read back what happened.
 */
describe('devolve propose, decide, execute, delegate, proposals, proposal', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-decisions-'));
  const maraKeys = join(work, 'mara.json');
  const jonasKeys = join(work, 'jonas.json');
  const data = join(work, 'data');
  let serve: ServeProcess;
  const devolve = (...args: string[]) =>
    runCliWithEnv({ DATABASE_URL: undefined, DEVOLVE_SERVER: serve?.url }, work, ...args);
  const json = (...args: string[]) => {
    const run = devolve(...args, '--json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  };

  beforeAll(async () => {
    for (const file of [maraKeys, jonasKeys])
      expect(runCliWithEnv({}, work, 'keys', 'new', '--keys', file).code).toBe(0);
    writeFileSync(join(work, 'devolve.yaml'), TEMPLATE);
    const created = runCliWithEnv(
      { DATABASE_URL: undefined },
      work,
      'apply',
      '--as',
      'mara',
      '--keys',
      maraKeys,
      '--data',
      data,
    );
    expect(created.code, created.stderr).toBe(0);
    serve = await startServeProcess({ args: ['--data', data], databaseUrl: undefined });
  }, 180_000);
  afterAll(async () => {
    serve?.child.kill('SIGTERM');
    await serve?.exited;
    rmSync(work, { recursive: true, force: true });
  });

  it('opens a decision, decides it, executes it, and shows each step', () => {
    const opened = json(
      'propose',
      'decision',
      'brand',
      '--outcome',
      'Adopt the new logo',
      '--title',
      'New logo',
      '--keys',
      maraKeys,
    );
    expect(opened).toMatchObject({
      kind: 'proposal.create',
      payload: { id: 'brand-1', unit: 'brand', kind: 'decision' },
    });

    const waiting = json('proposal', 'brand-1');
    expect(waiting).toMatchObject({
      id: 'brand-1',
      phase: 'deciding',
      method: 'single-owner',
      proposer: 'mara',
    });

    // A single owner decides; nobody votes.
    const vote = devolve('vote', 'brand-1', 'for', '--keys', maraKeys);
    expect(vote.code).toBe(1);
    expect(vote.stderr.trim().split('\n')).toHaveLength(1);
    expect(vote.stderr).toContain('[proposal/wrong-method]');

    json('decide', 'brand-1', 'passed', '--reason', 'The board liked it', '--keys', maraKeys);
    expect(json('proposal', 'brand-1')).toMatchObject({
      phase: 'passed',
      executable: true,
      decision: { by: 'mara', outcome: 'passed', reason: 'The board liked it' },
    });
    json('execute', 'brand-1', '--keys', maraKeys);

    const listed = json('proposals');
    expect(listed['proposals']).toEqual([
      expect.objectContaining({ id: 'brand-1', phase: 'executed', executable: false, title: 'New logo' }),
    ]);
    const text = devolve('proposals');
    expect(text.stdout).toMatch(/brand-1\s+executed\s+brand · decision · New logo/);
  });

  it('refuses a move two notches away with the reason, and records nothing', () => {
    const ids = () =>
      (json('proposals')['proposals'] as { id: string; phase: string }[]).map((p) => `${p.id} ${p.phase}`);
    const before = ids();
    const refused = devolve('propose', 'move', 'treasury', '--to', 'community', '--keys', maraKeys);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('one notch');
    expect(ids()).toEqual(before);
  });

  it('lets jonas delegate half his founders weight and revoke it', async () => {
    json('keys', 'register', '--as', 'jonas', '--keys', jonasKeys);
    json('delegate', 'set', '--role', 'founders', '--to', 'mara=1/2', '--keys', jonasKeys);
    const delegations = (await (await fetch(`${serve.url}/api/orgs/lumen-protocol/delegations`)).json()) as {
      delegations: unknown[];
    };
    expect(JSON.stringify(delegations.delegations)).toContain('jonas');
    json('delegate', 'revoke', '--role', 'founders', '--keys', jonasKeys);
    const after = (await (await fetch(`${serve.url}/api/orgs/lumen-protocol/delegations`)).json()) as {
      delegations: unknown[];
    };
    expect(JSON.stringify(after.delegations)).not.toContain('jonas');
  });

  it('opens the charter-change proposal `devolve diff` says an edit needs', () => {
    const tighter = TEMPLATE.replace(
      '        quorum: 4%\n        timelock: P14D',
      '        quorum: 5%\n        timelock: P14D',
    );
    expect(tighter).not.toBe(TEMPLATE);
    writeFileSync(join(work, 'devolve.yaml'), tighter);
    const applied = devolve('apply', '--keys', maraKeys, '--as', 'mara');
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('[action/proposal-required]');
    const opened = json('propose', 'charter', '--keys', maraKeys);
    expect(opened).toMatchObject({ payload: { unit: 'upgrades', kind: 'charter-change' } });
    const id = (opened['payload'] as { id: string }).id;
    expect(json('proposal', id)).toMatchObject({
      unit: 'upgrades',
      phase: 'consultation',
      next: { phase: 'voting' },
    });
    writeFileSync(join(work, 'devolve.yaml'), TEMPLATE);
  });

  it('names a proposal that does not exist', () => {
    const missing = devolve('proposal', 'brand-404');
    // An unknown proposal is named like an unknown unit: a usage error (exit 2).
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no proposal 'brand-404'");
  });
});
