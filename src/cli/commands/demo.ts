import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { NO_EVIDENCE } from '../../core/evidence/Evidence.js';
import { buildBoard } from '../../core/explain/buildBoard.js';
import { makePlan } from '../../core/planner/makePlan.js';
import { organizationInForce } from '../../core/state/organizationInForce.js';
import { formatDate } from '../../core/time/Instant.js';
import { createKey, loadSigningKey } from '../../identity/keyFile.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../server/startServer.js';
import { createPgliteStore } from '../../store/createPgliteStore.js';
import { assertPortFree, explainListenFailure } from '../assertPortFree.js';
import { DEMO_FOUNDER, HISTORY_DAYS } from '../demoHistory.js';
import { DEFAULT_CHARTER } from '../findCharter.js';
import { terminalWidth } from '../fitToWidth.js';
import { storeDirFor } from '../openStore.js';
import { defaultStyle } from '../output.js';
import { parsePort } from '../parsePort.js';
import { DEFAULT_EVIDENCE } from '../readEvidence.js';
import { readPlan } from '../readPlan.js';
import { recordCharter } from '../recordCharter.js';
import { recordDemoHistory } from '../recordDemoHistory.js';
import { renderStatus } from '../renderStatus.js';
import { schemaComment } from '../schemaComment.js';
import { statusLabel } from '../statusLabel.js';
import { syncCharterText } from '../syncCharterText.js';
import { findTemplate } from '../templates.js';
import { untilStopped } from '../untilStopped.js';

// The board and the move labels are drawn exactly as `status` and `plan` draw them.

const DEMO_DIR = join('.devolve', 'demo');
const DEMO_TEMPLATE = 'dao';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `devolve demo` (what `npm start` runs): a realistic organization, running. The first time, it
 * writes the `dao` template and its sample evidence to `.devolve/demo`, makes a signing key for
 * the founder, and records the charter as the first event of a signed log in an embedded database
 * (PGlite, `.devolve/demo/.devolve/data`, beside the charter as for any charter) — always embedded, whatever `DATABASE_URL` says. Then it shows the
 * board and the plan, and serves the API until Ctrl-C. Later runs reuse everything.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('set up and serve a realistic demo organization on the embedded database')
    .option('--dir <dir>', 'where the demo lives', DEMO_DIR)
    .option('--port <port>', 'port for the API (0: any free port)', String(DEFAULT_PORT))
    .option('--no-serve', 'set up and show the demo, then exit')
    .option('--json', 'print the demo as JSON lines: the setup, then where the API listens')
    .action(async (options: { dir: string; port: string; serve: boolean; json?: boolean }) => {
      const port = parsePort(options.port);
      // Before anything is written or shown: a busy port is one clear line with the way out.
      if (options.serve) await assertPortFree({ port, host: DEFAULT_HOST });
      const json = options.json === true;
      const style = defaultStyle();
      // With --json, standard output carries JSON only; the words go nowhere.
      const say = (line: string) => {
        if (!json) console.log(line);
      };
      const charterFile = join(options.dir, DEFAULT_CHARTER);
      const keysFile = join(options.dir, 'keys.json');
      await mkdir(options.dir, { recursive: true });
      if (!(await exists(charterFile))) {
        const template = await findTemplate(DEMO_TEMPLATE);
        await writeFile(charterFile, schemaComment(options.dir) + template.text);
        if (template.evidence !== undefined)
          await writeFile(join(options.dir, DEFAULT_EVIDENCE), template.evidence);
        say(style.dim(`Wrote ${charterFile} and its sample evidence from the '${DEMO_TEMPLATE}' template.`));
      }
      if (!(await exists(keysFile))) await createKey({ file: keysFile, type: 'ed25519', now: new Date() });

      const { charter, now, evidence } = await readPlan({
        file: charterFile,
        evidence: undefined,
        now: undefined,
        json,
      });
      const { organization, input } = charter;

      // Beside the demo's charter, as for any charter, so `devolve export` there finds it.
      const store = await createPgliteStore({ dataDir: storeDirFor({ charterFile }) });
      try {
        const signer = await loadSigningKey({ keysFile });
        // A new demo starts months ago, so its history has happened by today.
        const start = new Date(Date.now() - HISTORY_DAYS * 86_400_000);
        const fresh = !(await store.listOrganizations()).some((o) => o.id === organization.id);
        const { outcome } = await recordCharter({
          store,
          organization,
          input,
          signer,
          as: DEMO_FOUNDER,
          now: () => (fresh ? start : new Date()),
        });
        if (outcome === 'created') {
          say(style.dim(`Recorded the charter as the first signed event, by ${DEMO_FOUNDER}.`));
          const evidenceFile = join(options.dir, DEFAULT_EVIDENCE);
          const evidenceText = (await exists(evidenceFile))
            ? await readFile(evidenceFile, 'utf8')
            : undefined;
          const steps = await recordDemoHistory({
            store,
            org: organization.id,
            members: organization.members.map((m) => m.id),
            keysFile,
            start,
            evidenceText,
          });
          // The history changed the charter (a commitment): the file says what the log says.
          const { charter: recorded } = await store.readState({ org: organization.id });
          const text = await readFile(charterFile, 'utf8');
          await writeFile(charterFile, syncCharterText({ text, recorded }));
          say(
            style.dim(`Recorded ${steps} actions of six months' history, signed by the members' own keys.`),
          );
        }
        if (outcome === 'amended') say(style.dim(`Recorded the edited charter, signed by ${DEMO_FOUNDER}.`));
        const head = await store.readHead({ org: organization.id });
        // The board and the next moves as the organization runs today: units at the levels the
        // log has moved them to (the history's slider move), not those the charter first declared.
        const running = organizationInForce({ state: await store.readState({ org: organization.id }) });
        const plan = makePlan({ organization: running, evidence, now });
        if (json) {
          console.log(
            JSON.stringify({
              dir: options.dir,
              charter: charterFile,
              org: organization.id,
              head,
              recommendations: plan.recommendations.map((r) => ({
                rank: r.rank,
                unit: r.unit,
                to: r.to.id,
                status: r.status,
              })),
            }),
          );
        } else {
          const next = new Map(plan.recommendations.map((r) => [r.unit, r]));
          say('');
          say(
            renderStatus({
              board: buildBoard({ organization: running }),
              next,
              style,
              width: terminalWidth(),
            }),
          );
          say(`\n${style.bold(`Next moves (as of ${formatDate(now)})`)}`);
          for (const r of plan.recommendations.slice(0, 3)) {
            say(`  ${r.rank}. ${r.unitName}: ${r.from.name} → ${r.to.name}  ${statusLabel(r.status, style)}`);
            say(style.dim(`     ${r.summary}`));
          }
          say(`\n${style.dim(`Signed log: ${head.seq + 1} event(s), head ${head.head.slice(0, 16)}…`)}`);
          say(
            style.dim(
              `Explore: npx devolve plan ${charterFile} · npx devolve explain treasury ${charterFile}`,
            ),
          );
        }
        if (!options.serve) return;
        // The dashboard weighs the demo's readiness against the same sample evidence as the plan above.
        const server = await startServer({
          store,
          port,
          host: DEFAULT_HOST,
          evidence: async (org) => (org === organization.id ? evidence : NO_EVIDENCE),
        }).catch((error: unknown) => {
          throw explainListenFailure(error, { port, host: DEFAULT_HOST });
        });
        if (json) console.log(JSON.stringify({ url: server.url, port: server.port }));
        say('');
        say(`Devolve dashboard for ${organization.name} on ${style.bold(server.url)}/`);
        say(style.dim(`  ${server.url}/public/${organization.id} (the public transparency page)`));
        say(style.dim(`  ${server.url}/api/orgs/${organization.id}`));
        say(style.dim(`  ${server.url}/api/orgs/${organization.id}/units`));
        say(style.dim(`  ${server.url}/openapi.json · stop with Ctrl-C`));
        await untilStopped();
        await server.close();
      } finally {
        await store.close();
      }
    });
}
