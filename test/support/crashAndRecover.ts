import { expect } from 'vitest';
import type { SignedAction } from '../../src/core/log/Action.js';
import type { LogEvent } from '../../src/core/log/LogEvent.js';
import { callApi } from './callApi.js';
import { checkChain, driveLoad, readAllEvents } from './driveLoad.js';
import { exportAndVerify } from './exportAndVerify.js';
import { runCli, type ServeProcess, startServeProcess } from './serveProcess.js';

export interface CrashTarget {
  /** Arguments that point `devolve serve` and the other commands at the store. */
  readonly storeArgs: readonly string[];
  readonly databaseUrl: string | undefined;
}

/** What the crashed server is loaded with. */
export interface CrashWorkload {
  readonly org: string;
  /** Actions posted one by one before the load (each answered 201); the last one's event is the load's head. */
  setUp(args: { post: (signed: SignedAction) => Promise<LogEvent> }): Promise<void>;
  /** What client `client` signs as its `index`-th action, against `head`. */
  sign(args: { head: string; client: number; index: number }): SignedAction;
  readonly clients: number;
  /** An upper bound only: the server is killed long before every client is through. */
  readonly actionsPerClient: number;
  /** Kill once this many actions are acknowledged, while other clients' requests are in flight. */
  readonly killAfter: number;
}

/**
 * The built `devolve serve` is killed with SIGKILL in the middle of a load, then restarted on the
 * same store. Every action it acknowledged must still be there exactly once; the actions whose
 * answer was lost can be sent again and are recorded at most once; the exported log verifies
 * with `devolve verify`, and `devolve rebuild` finds the projection identical.
 *
 * @example
 * await crashAndRecover({ storeArgs: ['--data', dir], databaseUrl: undefined }, work, workload);
 */
export async function crashAndRecover(
  target: CrashTarget,
  work: string,
  workload: CrashWorkload,
): Promise<void> {
  const { org } = workload;
  let serve: ServeProcess = await startServeProcess({
    args: target.storeArgs,
    databaseUrl: target.databaseUrl,
  });
  try {
    let setUp = 0;
    let head = '';
    await workload.setUp({
      post: async (signed) => {
        const path = signed.action.kind === 'org.create' ? '/api/orgs' : `/api/orgs/${org}/actions`;
        const answer = await callApi(serve.url, 'POST', path, signed);
        expect(answer.status, `${answer.text} ${serve.stderr()}`).toBe(201);
        const { event } = answer.json as { event: LogEvent };
        setUp += 1;
        head = event.hash;
        return event;
      },
    });

    let killed = false;
    const load = await driveLoad({
      url: serve.url,
      dao: { org },
      head,
      clients: workload.clients,
      actionsPerClient: workload.actionsPerClient,
      sign: (args) => workload.sign(args),
      onAcknowledged: (count) => {
        if (count >= workload.killAfter && !killed) {
          killed = true;
          serve.child.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(await serve.exited).toBe('SIGKILL');
    expect(load.refused).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(workload.killAfter);
    // Mid-load: other clients' requests were in flight when the process died.
    expect(load.unanswered.length).toBeGreaterThan(0);

    serve = await startServeProcess({ args: target.storeArgs, databaseUrl: target.databaseUrl });
    const before = await readAllEvents({ url: serve.url, org });
    expect(checkChain({ events: before, acknowledged: load.acknowledged })).toEqual([]);

    // Clients whose answer was lost send their action again: recorded now, or found recorded.
    const retried: LogEvent[] = [];
    for (const signed of load.unanswered) {
      const retry = await callApi(serve.url, 'POST', `/api/orgs/${org}/actions`, signed);
      expect([200, 201], JSON.stringify(retry.json)).toContain(retry.status);
      retried.push((retry.json as { event: LogEvent }).event);
    }
    const after = await readAllEvents({ url: serve.url, org });
    expect(checkChain({ events: after, acknowledged: [...load.acknowledged, ...retried] })).toEqual([]);
    expect(after.length).toBe(setUp + load.acknowledged.length + load.unanswered.length);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    exportAndVerify({
      work,
      org,
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
