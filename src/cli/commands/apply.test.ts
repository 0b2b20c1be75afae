import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/serveProcess.js';

const TEMPLATE = readFileSync(new URL('../../../templates/dao.yaml', import.meta.url), 'utf8');
const BRAND = 'description: The Lumen name, logo and trademark registrations.';
const TREASURY = '    since: 2025-11-01\n    target: community';

/**
 * `devolve apply`, `export` and `rebuild` as a user runs them: the built CLI, a key file made by
 * `devolve keys new`, the dao template with the founder's key, and a PGlite data directory.
 */
// Set up like keysRegister.test.ts by design (a temp dir, the dao template, a key file): each
// CLI test reads as the session a user would type.
describe('devolve apply, export and rebuild', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-apply-'));
  const keys = join(work, 'keys.json');
  const charter = join(work, 'devolve.yaml');
  const data = join(work, 'data');
  const devolve = (...args: string[]) => runCli({ args, databaseUrl: undefined, cwd: work });
  const apply = (...args: string[]) => devolve('apply', charter, '--keys', keys, '--data', data, ...args);
  let maraKey = '';

  beforeAll(() => {
    const made = devolve('keys', 'new', '--keys', keys, '--json');
    expect(made.status, made.stderr).toBe(0);
    maraKey = (JSON.parse(made.stdout) as { key: { publicKey: string } }).key.publicKey;
    writeFileSync(
      charter,
      TEMPLATE.replace(
        '- { id: mara, name: Mara Okafor }',
        `- { id: mara, name: Mara Okafor, key: "${maraKey}" }`,
      ),
    );
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('creates the organization on the first apply, then records nothing while the charter is unchanged', () => {
    const created = apply('--key', 'default', '--json');
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      org: 'lumen-protocol',
      outcome: 'created',
      event: { seq: 0, actor: 'mara' },
    });
    const again = apply('--key', 'default');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('the charter is unchanged; nothing to record');
  });

  it('amends the charter when a founder-level unit changes', () => {
    writeFileSync(
      charter,
      readFileSync(charter, 'utf8').replace(BRAND, 'description: The Lumen name and logo.'),
    );
    const amended = apply('--key', 'default', '--json');
    expect(amended.status, amended.stderr).toBe(0);
    expect(JSON.parse(amended.stdout)).toMatchObject({
      outcome: 'amended',
      event: { seq: 1, actor: 'mara' },
    });
  });

  it('refuses a change to a unit above founder level, naming the unit, its level and the proposal it needs', () => {
    const text = readFileSync(charter, 'utf8');
    writeFileSync(charter, text.replace(TREASURY, '    since: 2025-11-01\n    target: autonomous'));
    const refused = apply('--key', 'default');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("unit 'treasury' is at level 1 (Transparent)");
    expect(refused.stderr).toContain('needs a proposal');
    writeFileSync(charter, text);
  });

  it('refuses to act as someone who is not a member (a usage error)', () => {
    const nobody = apply('--key', 'default', '--as', 'marra');
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain("did you mean 'mara'?");
  });

  it('exports a log that `devolve verify` accepts, and rebuilds identical projections', () => {
    const log = join(work, 'log.jsonl');
    const exported = devolve('export', '--out', log, '--data', data, '--json');
    expect(exported.status, exported.stderr).toBe(0);
    const summary = JSON.parse(exported.stdout) as { events: number; head: string };
    expect(summary.events).toBe(2);
    expect(readFileSync(log, 'utf8').split('\n')).toHaveLength(3); // two lines, each ending in \n
    const verified = devolve('verify', log, '--head', summary.head);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    const rebuilt = devolve('rebuild', '--data', data);
    expect(rebuilt.status, rebuilt.stdout + rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('lumen-protocol: 2 events replayed; the projection is identical');
  });
});

/**
 * An Ethereum account written in the charter in lower case — the README accepts any letter case —
 * creates the organization and amends it, though the key file holds the checksummed address.
 */
describe('devolve apply with a lower-case 0x address in the charter', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-apply-eth-'));
  const keys = join(work, 'keys.json');
  const charter = join(work, 'devolve.yaml');
  const devolve = (...args: string[]) => runCli({ args, databaseUrl: undefined, cwd: work });
  const apply = () => devolve('apply', charter, '--keys', keys, '--data', join(work, 'data'), '--json');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('creates and amends as that member', () => {
    const made = devolve('keys', 'new', '--type', 'ethereum', '--keys', keys, '--json');
    expect(made.status, made.stderr).toBe(0);
    const address = (JSON.parse(made.stdout) as { key: { publicKey: string } }).key.publicKey;
    expect(address).not.toBe(address.toLowerCase()); // checksummed, so the spellings differ
    writeFileSync(
      charter,
      TEMPLATE.replace(
        '- { id: mara, name: Mara Okafor }',
        `- { id: mara, name: Mara Okafor, key: "${address.toLowerCase()}" }`,
      ),
    );
    const created = apply();
    expect(created.status, created.stdout + created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ outcome: 'created', event: { actor: 'mara' } });
    writeFileSync(
      charter,
      readFileSync(charter, 'utf8').replace(BRAND, 'description: The Lumen name and logo.'),
    );
    const amended = apply();
    expect(amended.status, amended.stdout + amended.stderr).toBe(0);
    expect(JSON.parse(amended.stdout)).toMatchObject({ outcome: 'amended', event: { seq: 1 } });
  });
});
