import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalFromJson } from '../src/core/governance/lifecycle/proposalJson.js';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { verifyLog } from '../src/core/log/verifyLog.js';
import { logCrypto } from '../src/identity/logCrypto.js';
import { runCli, runCliWithEnv, scratchDirs } from './support/builtCli.js';

const scratch = scratchDirs('devolve-demo-');
afterAll(() => scratch.cleanUp());

describe('devolve demo (npm start)', () => {
  it('sets up the demo organization on the embedded database, shows it, and reuses it next time', () => {
    const dir = scratch.fresh();
    // DATABASE_URL must not redirect the demo: it always runs on the embedded database.
    const first = runCli(dir, 'demo', '--no-serve');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Lumen Protocol');
    expect(first.stdout).toContain('Recorded the charter as the first signed event, by mara.');
    expect(first.stdout).toMatch(/Contract upgrades\s+●─●─◆─○─◎─·/);
    expect(first.stdout).toContain('Next moves');
    // Months of history follow the charter, each action signed by its member's own key.
    const events = Number(/Signed log: (\d+) event\(s\)/.exec(first.stdout)?.[1]);
    expect(events).toBeGreaterThan(40);
    const demo = join(dir, '.devolve', 'demo');
    for (const file of ['devolve.yaml', 'evidence.yaml', 'keys.json'])
      expect(existsSync(join(demo, file))).toBe(true);
    // The log lives beside the demo's charter, where any command run there finds it.
    expect(existsSync(join(demo, '.devolve', 'data'))).toBe(true);
    // The founder's signing key is readable by its owner only.
    expect(statSync(join(demo, 'keys.json')).mode & 0o777).toBe(0o600);

    const second = runCli(dir, 'demo', '--no-serve');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('Recorded');
    expect(second.stdout).toContain(`Signed log: ${events} event(s)`);

    const json = runCli(dir, 'demo', '--no-serve', '--json');
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as {
      org: string;
      head: { seq: number };
      recommendations: unknown[];
    };
    expect(summary.org).toBe('lumen-protocol');
    expect(summary.head.seq).toBe(events - 1);
    expect(summary.recommendations.length).toBeGreaterThan(0);
    // Three whole runs of the CLI, each starting the embedded database: generous on a busy machine.
  }, 180_000);

  it('records months of governance, made by its members with their own keys, that verify passes', async () => {
    const dir = scratch.fresh();
    expect(runCli(dir, 'demo', '--no-serve').code).toBe(0);
    const demo = join(dir, '.devolve', 'demo');
    // The demo's log is the embedded one beside its charter, whatever DATABASE_URL says.
    const exported = runCliWithEnv(
      { DATABASE_URL: undefined },
      demo,
      'export',
      '--out',
      join(dir, 'log.jsonl'),
    );
    expect(exported.code, exported.stderr).toBe(0);
    const verified = runCli(dir, 'verify', 'log.jsonl');
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    const log = lines.map((line) => JSON.parse(line) as LogEvent);
    const kinds = new Set(log.map((e) => e.action.kind));
    for (const kind of [
      'org.create',
      'key.register',
      'proposal.create',
      'proposal.advise',
      'vote.cast',
      'proposal.veto',
      'proposal.execute',
      'delegation.set',
    ])
      expect(kinds).toContain(kind);
    // The history is in the past: it starts months before today and ends before now.
    const times = log.map((e) => Date.parse(e.recordedAt));
    expect(Date.now() - times[0]!).toBeGreaterThan(150 * 86_400_000);
    expect(times.at(-1)!).toBeLessThan(Date.now());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const replayed = await verifyLog({ lines, crypto: logCrypto });
    if (!replayed.ok) throw new Error(replayed.firstBad.reason);
    const { state } = replayed;
    // The treasury moved up a notch, from transparent, through an executed slider move.
    expect(state.levels['treasury']).toBe(2);
    const proposals = Object.values(state.proposals).map((p) => proposalFromJson(p));
    const executed = proposals.filter((p) => p.executedAt !== undefined).map((p) => p.kind);
    expect(new Set(executed)).toEqual(new Set(['decision', 'slider-move', 'commitment']));
    // A grant ran only after its unit's timelock; another was vetoed and never ran.
    const grants = proposals.filter((p) => p.unit === 'grants');
    expect(grants.some((p) => p.executedAt !== undefined)).toBe(true);
    expect(grants.some((p) => p.vetoes.length > 0 && p.executedAt === undefined)).toBe(true);
    expect(state.delegations.length).toBe(1);

    // Each member registered a key the demo's key file holds under their name: a user acts as them.
    const keys = JSON.parse(readFileSync(join(demo, 'keys.json'), 'utf8')) as {
      keys: { name: string; publicKey: string }[];
    };
    const registered = log.filter((e) => e.action.kind === 'key.register');
    expect(registered.length).toBe(12);
    for (const event of registered)
      expect(keys.keys.find((k) => k.name === event.action.actor)?.publicKey).toBe(event.action.key);
    expect(new Set(log.map((e) => e.action.actor)).size).toBeGreaterThan(8);

    // The commitment the history added is in the demo's charter file too, so a later run keeps it.
    expect(readFileSync(join(demo, 'devolve.yaml'), 'utf8')).toContain('id: front-end-consultative');
  }, 180_000);
});
