import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/serveProcess.js';

const TEMPLATE = readFileSync(new URL('../../../templates/dao.yaml', import.meta.url), 'utf8');
const LINK = 'https://audits.example/lumen-v3.pdf';

/** Every object under `value` whose `kind` is `checklist` and `item` is `item`. */
function checklistFacts(value: unknown, item: string): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((v) => checklistFacts(v, item));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const here = record['kind'] === 'checklist' && record['item'] === item ? [record] : [];
  return [...here, ...Object.values(record).flatMap((v) => checklistFacts(v, item))];
}

/**
 * `devolve attest` end to end on the dao template: mara (a founder, owning `upgrades`) signs the
 * v3 audit; hugo (security council, not an owner) is refused; `plan` then counts the item as met,
 * signed by mara, and `metrics log` reads the same log.
 */
describe('devolve attest', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-attest-'));
  const maraKeys = join(work, 'mara.json');
  const hugoKeys = join(work, 'hugo.json');
  const charter = join(work, 'devolve.yaml');
  const data = join(work, 'data');
  const devolve = (...args: string[]) => runCli({ args, databaseUrl: undefined, cwd: work });
  const asMara = (...args: string[]) => devolve(...args, '--as', 'mara', '--keys', maraKeys, '--data', data);

  beforeAll(() => {
    for (const file of [maraKeys, hugoKeys]) {
      const made = devolve('keys', 'new', '--keys', file);
      expect(made.status, made.stderr).toBe(0);
    }
    writeFileSync(charter, TEMPLATE);
    const created = devolve('apply', charter, '--as', 'mara', '--keys', maraKeys, '--data', data);
    expect(created.status, created.stderr).toBe(0);
    const registered = devolve('keys', 'register', '--as', 'hugo', '--keys', hugoKeys, '--data', data);
    expect(registered.status, registered.stderr).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a member the charter does not let attest, and an attestation without its evidence', () => {
    const hugo = devolve(
      'attest',
      'upgrades',
      'audit-v3',
      '--evidence',
      LINK,
      '--as',
      'hugo',
      '--keys',
      hugoKeys,
      '--data',
      data,
    );
    expect(hugo.status).toBe(1);
    expect(hugo.stderr).toContain("'hugo' may not attest 'audit-v3'");
    const bare = asMara('attest', 'upgrades', 'audit-v3', '--json');
    expect(bare.status).toBe(1);
    expect(JSON.parse(bare.stdout)).toMatchObject({ error: { code: 'action/evidence-required' } });
  });

  it('records a signed attestation that plan counts as met, naming the signer', () => {
    const before = devolve('plan', charter, '--data', data, '--json');
    expect(before.status, before.stderr).toBe(0);
    expect(
      checklistFacts(JSON.parse(before.stdout), 'audit-v3').every((f) => f['attestation'] === undefined),
    ).toBe(true);

    const signed = asMara(
      'attest',
      'upgrades',
      'audit-v3',
      '--evidence',
      LINK,
      '--note',
      'Both reports read',
    );
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stdout).toContain('attested audit-v3 for upgrades');

    const after = devolve('plan', charter, '--data', data, '--json');
    expect(after.status, after.stderr).toBe(0);
    const facts = checklistFacts(JSON.parse(after.stdout), 'audit-v3');
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts)
      expect(f['attestation']).toMatchObject({ by: 'mara', signed: true, role: 'founders', evidence: LINK });
    const text = devolve('plan', charter, '--data', data);
    expect(text.stdout).toContain('signed by Mara');
  });

  it('shows the log metrics per unit and window', () => {
    const shown = devolve(
      'metrics',
      'log',
      '--unit',
      'upgrades',
      '--window',
      '90d',
      '--data',
      data,
      '--json',
    );
    expect(shown.status, shown.stderr).toBe(0);
    const body = JSON.parse(shown.stdout) as {
      units: Record<string, Record<string, Record<string, number>>>;
    };
    expect(Object.keys(body.units)).toEqual(['upgrades']);
    expect(body.units['upgrades']?.['90d']).toMatchObject({ 'proposals-count': 0, 'emergency-uses': 0 });
    const bad = devolve('metrics', 'log', '--window', 'soon', '--data', data);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--window 'soon' is not a duration");
  });
});
