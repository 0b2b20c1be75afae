import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/planner/makePlan.js';
import type { TimelineEntry } from '../../src/server/timelineView.js';
import { ROOT, scratchDirs } from '../support/builtCli.js';
import { CLI, childEnv, requireBuiltCli } from '../support/serveProcess.js';

const scratch = scratchDirs('devolve-demo-web-');
afterAll(() => scratch.cleanUp());

describe('npm start (devolve demo) serves the dashboard', () => {
  it('answers / with the dashboard and plans the demo against its sample evidence', async () => {
    requireBuiltCli();
    const dir = scratch.fresh();
    const child = spawn(process.execPath, [CLI, 'demo', '--dir', dir, '--port', '0', '--json'], {
      cwd: ROOT,
      env: childEnv(undefined),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          err += chunk;
        });
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const listening = out
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as { url?: string })
            .find((line) => line.url !== undefined);
          if (listening?.url !== undefined) resolve(listening.url);
        });
        child.once('exit', (code) =>
          reject(new Error(`devolve demo exited (${code}) before listening: ${err}`)),
        );
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toMatch(
        /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/,
      );
      const linked = await fetch(`${url}/public/lumen-protocol`);
      expect(linked.status).toBe(200);
      // The demo's evidence is behind the dashboard's plan: the grants move needs 12 decisions at
      // its level and 20 distinct proposers, which only the sample evidence (14 and 26) can show;
      // without it both would be unknown.
      const { plan } = (await (await fetch(`${url}/api/orgs/lumen-protocol/plan`)).json()) as { plan: Plan };
      expect(plan.assessments.find((a) => a.unit === 'grants')?.status).toBe('ready');

      // The demo's history moved the treasury by an executed proposal: the board shows it at the
      // level the log put it at, the plan proposes the move after it, and the timeline tells the
      // move and the executed decisions — not the votes and key registrations along the way.
      const units = (await (await fetch(`${url}/api/orgs/lumen-protocol/units`)).json()) as {
        units: { id: string; level: { id: string } }[];
      };
      expect(units.units.find((u) => u.id === 'treasury')?.level.id).toBe('consultative');
      expect(plan.assessments.find((a) => a.unit === 'treasury')?.to).toBe(3); // delegated
      const timeline = (await (await fetch(`${url}/api/orgs/lumen-protocol/timeline?limit=500`)).json()) as {
        entries: TimelineEntry[];
      };
      const move = timeline.entries.find((e) => e.kind === 'moved');
      expect(move).toMatchObject({
        action: 'proposal.execute',
        unit: 'treasury',
        from: { id: 'transparent' },
        to: { id: 'consultative' },
      });
      expect(timeline.entries.filter((e) => e.kind === 'decided').length).toBeGreaterThan(0);
      expect(timeline.entries.some((e) => e.action === 'vote.cast' || e.action === 'key.register')).toBe(
        false,
      );
    } finally {
      child.kill('SIGTERM');
    }
  });
});
