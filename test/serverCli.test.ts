import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithEnv } from './support/builtCli.js';
import { type ServeProcess, startServeProcess } from './support/serveProcess.js';

const TEMPLATE = readFileSync(new URL('../templates/dao.yaml', import.meta.url), 'utf8');
const BRAND = 'description: The Lumen name, logo and trademark registrations.';
/** Lowers the quorum of upgrades' community level (4): a loosening of a unit at level 2. */
const LOOSER = TEMPLATE.replace(
  '        quorum: 4%\n        timelock: P14D',
  '        quorum: 2%\n        timelock: P14D',
);

/**
 * Members acting while `devolve serve` holds the data directory: `diff`, `apply` and
 * `keys register` against the running server (`--server` or `DEVOLVE_SERVER`), and the runtime's
 * reads over HTTP.
 */
describe('the CLI against a running server', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-server-cli-'));
  const maraKeys = join(work, 'mara.json');
  const jonasKeys = join(work, 'jonas.json');
  const charter = join(work, 'devolve.yaml');
  const data = join(work, 'data');
  let serve: ServeProcess;
  const devolve = (env: Record<string, string | undefined>, ...args: string[]) =>
    runCliWithEnv({ DATABASE_URL: undefined, DEVOLVE_SERVER: undefined, ...env }, work, ...args);

  beforeAll(async () => {
    for (const file of [maraKeys, jonasKeys]) expect(devolve({}, 'keys', 'new', '--keys', file).code).toBe(0);
    writeFileSync(charter, TEMPLATE);
    const created = devolve({}, 'apply', charter, '--as', 'mara', '--keys', maraKeys, '--data', data);
    expect(created.code, created.stderr).toBe(0);
    // Read from the local store before the server takes the directory.
    writeFileSync(charter, LOOSER);
    const local = devolve({}, 'diff', charter, '--data', data, '--json');
    expect(local.code, local.stderr).toBe(0);
    expect(JSON.parse(local.stdout)).toMatchObject({
      applicable: false,
      units: [
        { unit: 'upgrades', route: 'proposal', decidedAt: { levelId: 'community', reasons: ['quorum'] } },
      ],
    });
    serve = await startServeProcess({ args: ['--data', data], databaseUrl: undefined });
  }, 180_000);
  afterAll(async () => {
    serve?.child.kill('SIGTERM');
    await serve?.exited;
    rmSync(work, { recursive: true, force: true });
  });

  it('diffs against the charter in force on the server, as it does locally', () => {
    writeFileSync(charter, LOOSER);
    const remote = devolve({}, 'diff', charter, '--server', serve.url);
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toMatch(
      /upgrades .*needs a proposal decided under level 4 \(community\); looser: quorum/,
    );
  });

  it('shows a refusal from the server as one line with its code, and records nothing', async () => {
    writeFileSync(charter, LOOSER);
    const refused = devolve({}, 'apply', charter, '--as', 'mara', '--keys', maraKeys, '--server', serve.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('[action/proposal-required]');
    const head = (await (await fetch(`${serve.url}/api/orgs/lumen-protocol/head`)).json()) as { seq: number };
    expect(head.seq).toBe(0);
  });

  it('applies, registers a key and applies as that member through DEVOLVE_SERVER', () => {
    const env = { DEVOLVE_SERVER: serve.url };
    writeFileSync(charter, TEMPLATE.replace(BRAND, 'description: The Lumen name and logo.'));
    const amended = devolve(env, 'apply', charter, '--as', 'mara', '--keys', maraKeys, '--json');
    expect(amended.code, amended.stderr).toBe(0);
    expect(JSON.parse(amended.stdout)).toMatchObject({
      outcome: 'amended',
      event: { seq: 1, actor: 'mara' },
    });

    const registered = devolve(env, 'keys', 'register', '--as', 'jonas', '--keys', jonasKeys, '--json');
    expect(registered.code, registered.stderr).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({ member: 'jonas', event: { seq: 2 } });

    writeFileSync(charter, TEMPLATE.replace(BRAND, 'description: The Lumen name.'));
    const byJonas = devolve(env, 'apply', charter, '--keys', jonasKeys, '--json');
    expect(byJonas.code, byJonas.stderr).toBe(0);
    expect(JSON.parse(byJonas.stdout)).toMatchObject({
      outcome: 'amended',
      event: { seq: 3, actor: 'jonas' },
    });

    const unchanged = devolve(env, 'diff', charter, '--json');
    expect(JSON.parse(unchanged.stdout)).toMatchObject({ seq: 3, sections: [], units: [], applicable: true });
  });

  it('says plainly when no server answers', () => {
    const down = devolve({}, 'diff', charter, '--server', 'http://127.0.0.1:9');
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('cannot reach the Devolve server at http://127.0.0.1:9');
  });

  it('serves the state, proposals and delegations, and 404s an unknown proposal with its code', async () => {
    const state = (await (await fetch(`${serve.url}/api/orgs/lumen-protocol/state`)).json()) as Record<
      string,
      unknown
    >;
    expect(state).toMatchObject({ id: 'lumen-protocol', levels: { upgrades: 2, brand: 0 } });
    expect(Object.keys(state['keys'] as object).sort()).toEqual(['jonas', 'mara']);
    expect(state).not.toHaveProperty('organization');
    expect(await (await fetch(`${serve.url}/api/orgs/lumen-protocol/proposals`)).json()).toEqual({
      proposals: [],
    });
    expect(await (await fetch(`${serve.url}/api/orgs/lumen-protocol/delegations`)).json()).toEqual({
      delegations: [],
    });
    const missing = await fetch(`${serve.url}/api/orgs/lumen-protocol/proposals/p-404`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('proposal/not-found');
  });

  it('documents each action payload from the payload schemas, every reference resolving', async () => {
    const document = (await (await fetch(`${serve.url}/openapi.json`)).json()) as {
      components: { schemas: Record<string, unknown> };
    };
    const { schemas } = document.components;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['ActionPayload.charter.amend', 'ActionPayload.key.rotate']),
    );
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(schemas, name).toHaveProperty([name]);
    expect(JSON.stringify(document)).not.toContain('#/$defs/');
  });
});
