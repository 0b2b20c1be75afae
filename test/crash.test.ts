import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { callApi } from './support/callApi.js';
import { daoFixture } from './support/daoFixture.js';
import { createTestSchema, describeWithPostgres } from './support/describeWithPostgres.js';
import { checkChain, driveLoad, readAllEvents } from './support/driveLoad.js';
import { exportAndVerify } from './support/exportAndVerify.js';
import { runCli, type ServeProcess, startServeProcess } from './support/serveProcess.js';

const CLIENTS = 20;
/** An upper bound only: the server is killed long before 20 × 40 actions are through. */
const ACTIONS_PER_CLIENT = 40;
/** Kill once this many actions are acknowledged, while the other clients' requests are in flight. */
const KILL_AFTER = 40;

interface Target {
  /** Arguments that point `devolve serve` and the other commands at the store. */
  readonly storeArgs: readonly string[];
  readonly databaseUrl: string | undefined;
}

/**
 * The built `devolve serve` is killed with SIGKILL in the middle of a load, then restarted on the
 * same store. Every action it acknowledged must still be there exactly once; the actions whose
 * answer was lost can be sent again and are recorded at most once; the exported log verifies
 * with `devolve verify`, and `devolve rebuild` finds the projection identical.
 */
async function crashAndRecover(target: Target, work: string): Promise<void> {
  const dao = daoFixture({ org: 'lumen-crash' });
  let serve: ServeProcess = await startServeProcess({
    args: target.storeArgs,
    databaseUrl: target.databaseUrl,
  });
  try {
    const created = await callApi(serve.url, 'POST', '/api/orgs', dao.create());
    expect(created.status, serve.stderr()).toBe(201);
    // jonas registers the key the charter pins for him before he acts.
    const registered = await callApi(
      serve.url,
      'POST',
      `/api/orgs/${dao.org}/actions`,
      dao.register({ head: (created.json as { event: LogEvent }).event.hash, actor: 'jonas' }),
    );
    expect(registered.status, serve.stderr()).toBe(201);

    let killed = false;
    const load = await driveLoad({
      url: serve.url,
      dao,
      head: (registered.json as { event: LogEvent }).event.hash,
      clients: CLIENTS,
      actionsPerClient: ACTIONS_PER_CLIENT,
      onAcknowledged: (count) => {
        if (count >= KILL_AFTER && !killed) {
          killed = true;
          serve.child.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(await serve.exited).toBe('SIGKILL');
    expect(load.refused).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Mid-load: other clients' requests were in flight when the process died.
    expect(load.unanswered.length).toBeGreaterThan(0);

    serve = await startServeProcess({ args: target.storeArgs, databaseUrl: target.databaseUrl });
    const before = await readAllEvents({ url: serve.url, org: dao.org });
    expect(checkChain({ events: before, acknowledged: load.acknowledged })).toEqual([]);

    // Clients whose answer was lost send their action again: recorded now, or found recorded.
    const retried: LogEvent[] = [];
    for (const signed of load.unanswered) {
      const retry = await callApi(serve.url, 'POST', `/api/orgs/${dao.org}/actions`, signed);
      expect([200, 201], JSON.stringify(retry.json)).toContain(retry.status);
      retried.push((retry.json as { event: LogEvent }).event);
    }
    const after = await readAllEvents({ url: serve.url, org: dao.org });
    expect(checkChain({ events: after, acknowledged: [...load.acknowledged, ...retried] })).toEqual([]);
    expect(after.length).toBe(2 + load.acknowledged.length + load.unanswered.length);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    exportAndVerify({
      work,
      org: dao.org,
      storeArgs: target.storeArgs,
      databaseUrl: target.databaseUrl,
      head: after.at(-1)!.hash,
      events: after.length,
    });
    const rebuilt = runCli({
      args: ['rebuild', '--json', ...target.storeArgs],
      databaseUrl: target.databaseUrl,
    });
    expect(rebuilt.status, rebuilt.stdout + rebuilt.stderr).toBe(0);
  } finally {
    if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
    await serve.exited;
  }
}

describe('crash: SIGKILL during load on PGlite', () => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-crash-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('loses no acknowledged action, records none twice, and the log verifies', async () => {
    await crashAndRecover({ storeArgs: ['--data', join(work, 'data')], databaseUrl: undefined }, work);
  }, 180_000);
});

describeWithPostgres('crash: SIGKILL during load on PostgreSQL', (url) => {
  const work = mkdtempSync(join(tmpdir(), 'devolve-crash-pg-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('loses no acknowledged action, records none twice, and the log verifies', async () => {
    const schema = await createTestSchema({ url });
    try {
      await crashAndRecover({ storeArgs: [], databaseUrl: schema.url }, work);
    } finally {
      await schema.drop();
    }
  }, 180_000);
});
