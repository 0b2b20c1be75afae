import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/serveProcess.js';

const TEMPLATE = readFileSync(new URL('../../../templates/dao.yaml', import.meta.url), 'utf8');
const BRAND = 'description: The Lumen name, logo and trademark registrations.';

/**
 * `devolve keys register` as members run it: mara creates the organization with `apply`; jonas,
 * with a key file of his own, is refused until he registers his key, then acts.
 */
// Set up like apply.test.ts by design (a temp dir, the dao template, key files): each CLI test
// reads as the session a user would type.
describe('devolve keys register', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-keys-register-'));
  const maraKeys = join(work, 'mara.json');
  const jonasKeys = join(work, 'jonas.json');
  const charter = join(work, 'devolve.yaml');
  const data = join(work, 'data');
  const devolve = (...args: string[]) => runCli({ args, databaseUrl: undefined, cwd: work });

  beforeAll(() => {
    for (const file of [maraKeys, jonasKeys]) {
      const made = devolve('keys', 'new', '--keys', file);
      expect(made.status, made.stderr).toBe(0);
    }
    writeFileSync(charter, TEMPLATE);
    const created = devolve('apply', charter, '--as', 'mara', '--keys', maraKeys, '--data', data);
    expect(created.status, created.stderr).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a member without a registered key, saying how to register; then registers once', () => {
    writeFileSync(charter, TEMPLATE.replace(BRAND, 'description: The Lumen name and logo.'));
    const early = devolve('apply', charter, '--as', 'jonas', '--keys', jonasKeys, '--data', data);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('devolve keys register');

    const registered = devolve(
      'keys',
      'register',
      '--as',
      'jonas',
      '--keys',
      jonasKeys,
      '--data',
      data,
      '--json',
    );
    expect(registered.status, registered.stderr).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({
      org: 'lumen-protocol',
      member: 'jonas',
      event: { seq: 1 },
    });

    const amended = devolve('apply', charter, '--as', 'jonas', '--keys', jonasKeys, '--data', data, '--json');
    expect(amended.status, amended.stderr).toBe(0);
    expect(JSON.parse(amended.stdout)).toMatchObject({
      outcome: 'amended',
      event: { seq: 2, actor: 'jonas' },
    });

    const again = devolve('keys', 'register', '--as', 'jonas', '--keys', jonasKeys, '--data', data);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a registered key');
  });

  it("refuses registering a key that is someone else's", () => {
    const taken = devolve('keys', 'register', '--as', 'priya', '--keys', maraKeys, '--data', data);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("registered to 'mara'");
  });
});
