import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, scratchDirs } from './support/builtCli.js';

/**
 * The package as a library: a program in a directory of its own, with `devolve` installed in its
 * node_modules (a link to this package, as `npm install ../devolve` makes), imports it by name —
 * through package.json's "exports", so from the built dist/index.js — and uses it.
 */

const scratch = scratchDirs('devolve-entry-');
afterAll(() => scratch.cleanUp());

/** A consumer project whose node_modules/devolve is this package. */
function consumer(): string {
  ensureBuilt();
  const dir = scratch.fresh();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'devolve'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', type: 'module', private: true }),
  );
  return dir;
}

function runModule(dir: string, source: string): { code: number | null; stdout: string; stderr: string } {
  writeFileSync(join(dir, 'main.mjs'), source);
  const result = spawnSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("import … from 'devolve'", () => {
  it('loads a charter, plans it and measures concentration with the pure core', () => {
    const dir = consumer();
    const template = join(ROOT, 'templates', 'dao.yaml');
    const result = runModule(
      dir,
      `
import { readFileSync } from 'node:fs';
import { loadCharter, makePlan, NO_EVIDENCE, giniCoefficient, nakamotoCoefficient, canonicalJson, parseDuration } from 'devolve';
const now = Date.parse('2027-01-01T00:00:00Z');
const load = loadCharter({ text: readFileSync(${JSON.stringify(template)}, 'utf8'), file: 'dao.yaml', now });
if (!load.ok) throw new Error('the template does not load');
const plan = makePlan({ organization: load.organization, evidence: NO_EVIDENCE, now });
const bad = loadCharter({ text: 'devolve: 1\\norganization: {}\\n', file: 'bad.yaml', now });
console.log(JSON.stringify({
  org: load.organization.id,
  units: load.organization.units.length,
  moves: plan.recommendations.length,
  firstError: bad.ok ? null : bad.errors[0].code,
  gini: giniCoefficient({ holdings: [1n, 1n, 1n, 5n] }).ratio,
  nakamoto: nakamotoCoefficient({ holdings: [1n, 1n, 1n, 5n] }),
  canonical: canonicalJson({ b: 1, a: [true, null] }),
  week: parseDuration('7d'),
}, (_k, v) => typeof v === 'bigint' ? v.toString() : v));
`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(out['org']).toBe('lumen-protocol');
    expect(out['units']).toBeGreaterThanOrEqual(6);
    // Every unit below its target has one next move; nothing is at target in the dao template's plan.
    expect(out['moves']).toBeGreaterThan(0);
    expect(out['firstError']).toMatch(/^[a-z]+\/[a-z-]+$/);
    // Holdings 1, 1, 1, 5 (total 8), sorted ascending with ranks 1…4:
    // G = (2·Σ i·x_i)/(n·Σx) − (n+1)/n = 2·(1+2+3+20)/(4·8) − 5/4 = 52/32 − 40/32 = 12/32 = 3/8.
    expect(out['gini']).toEqual({ num: '3', den: '8' });
    // Over half of 8 needs the holder of 5 alone: one holder.
    expect(out['nakamoto']).toMatchObject({ count: 1 });
    // RFC 8785: keys sorted, no whitespace.
    expect(out['canonical']).toBe('{"a":[true,null],"b":1}');
    expect(out['week']).toMatchObject({ ok: true });
  });

  it('signs, records, serves and verifies a log with the store, server and verifier it exports', () => {
    const dir = consumer();
    const template = join(ROOT, 'templates', 'blank.yaml');
    const result = runModule(
      dir,
      `
import { readFileSync } from 'node:fs';
import { createApp, createPgliteStore, generateEd25519, loadCharter, logCrypto, signAction, verifyLog } from 'devolve';
const text = readFileSync(${JSON.stringify(template)}, 'utf8');
const load = loadCharter({ text, file: 'devolve.yaml', now: Date.now() });
if (!load.ok) throw new Error('blank does not load');
const pair = generateEd25519();
const signed = signAction({
  key: { type: 'ed25519', secret: pair.secret }, org: load.organization.id, kind: 'org.create',
  actor: 'founder', payload: { charter: load.input }, head: null, now: new Date(),
});
const store = await createPgliteStore();
await store.createOrganization({ signed, now: new Date() });
const app = createApp({ store });
const listed = await (await app.request('/api/orgs')).json();
const lines = [];
for await (const line of store.exportLog({ org: load.organization.id })) lines.push(line);
const verdict = await verifyLog({ lines, crypto: logCrypto });
await store.close();
console.log(JSON.stringify({ listed, ok: verdict.ok, events: verdict.events }));
`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { listed: unknown; ok: boolean; events: number };
    expect(out.ok).toBe(true);
    expect(out.events).toBe(1);
    expect(JSON.stringify(out.listed)).toContain('my-organization');
  });

  it('exposes only its entry point: the internals are not reachable by name', () => {
    const result = runModule(consumer(), "await import('devolve/dist/cli/main.js');");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
