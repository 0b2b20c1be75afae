import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './serveProcess.js';

/**
 * Exports an organization's log with the built `devolve export` and checks it with `devolve
 * verify` against the head the test expects: both must succeed and the log must hold `events`
 * events.
 *
 * @example
 * exportAndVerify({ work, org, storeArgs: [], databaseUrl, head: events.at(-1)!.hash, events: events.length });
 */
export function exportAndVerify(args: {
  work: string;
  org: string;
  storeArgs: readonly string[];
  databaseUrl: string | undefined;
  head: string;
  events: number;
}): void {
  const log = join(args.work, 'log.jsonl');
  const exported = runCli({
    args: ['export', '--out', log, '--org', args.org, ...args.storeArgs],
    databaseUrl: args.databaseUrl,
  });
  expect(exported.status, exported.stderr).toBe(0);
  const verified = runCli({ args: ['verify', log, '--json', '--head', args.head], databaseUrl: undefined });
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: args.events });
}
