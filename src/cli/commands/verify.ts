import type { Command } from 'commander';
import { type LogVerification, verifyLog } from '../../core/log/verifyLog.js';
import { verifyRuleStatement } from '../../core/log/verifyRules.js';
import { logCrypto } from '../../identity/logCrypto.js';
import { readLogFile } from '../../log/readLogFile.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson } from '../output.js';

const HASH = /^[0-9a-f]{64}$/;
/** A terminal gets a live count once a run takes longer than this. */
const PROGRESS_AFTER_MS = 300;

/**
 * `devolve verify <log.jsonl>`: checks an exported log offline — every line's encoding, every
 * hash and chain link, every signature, and that every action was authorized under the rules in
 * force when it was taken. Exit 0 when all check out; exit 1 naming the first bad event.
 */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('verify an exported log offline: hashes, chain, signatures and authorization')
    .argument('<log>', 'the log file, as written by `devolve export` (JSON Lines)')
    .option('--head <hash>', 'also require the log to end at this head (a published or anchored hash)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { head?: string; json?: boolean }) => {
      if (options.head !== undefined && !HASH.test(options.head)) {
        throw usageError({
          code: 'bad-head',
          message: `'${options.head}' is not an event hash`,
          hint: 'a head is 64 lower-case hex digits, as `devolve verify` prints it',
        });
      }
      const progress = progressReporter();
      const started = performance.now();
      const result = await verifyLog({
        lines: readLogFile({ file }),
        crypto: logCrypto,
        expectedHead: options.head,
        onProgress: progress.update,
      });
      progress.finish({ result, seconds: (performance.now() - started) / 1000 });
      if (!result.ok) process.exitCode = 1;
      if (options.json) {
        printJson(
          result.ok
            ? {
                file,
                ok: true,
                events: result.events,
                organization: { id: result.state.id, name: result.state.organization.name },
                head: result.head,
              }
            : {
                file,
                ok: false,
                events: result.events,
                // The first bad line, 1-based, and the rule it breaks (README, "Rules").
                line: result.firstBad.index + 1,
                rule: result.firstBad.rule,
                firstBad: result.firstBad,
              },
        );
        return;
      }
      const style = defaultStyle();
      if (result.ok) {
        console.log(
          `${style.green('✓')} ${file}: ${count(result.events)} checked — hashes, chain, signatures and authorization`,
        );
        console.log(`  organization  ${result.state.organization.name} ${style.dim(`(${result.state.id})`)}`);
        console.log(`  head          ${result.head}`);
        if (options.head === undefined) {
          console.log(
            style.dim('  Compare the head with the one the organization published (or pass --head).'),
          );
        }
        return;
      }
      const { firstBad } = result;
      console.log(
        `${style.red('✗')} ${file}: event ${firstBad.index} is bad ${style.dim(`[${firstBad.code}]`)}`,
      );
      console.log(`  index   ${firstBad.index} (line ${firstBad.index + 1})`);
      console.log(`  rule    ${firstBad.rule}: ${verifyRuleStatement(firstBad.rule) ?? ''}`);
      console.log(`  id      ${firstBad.id}`);
      console.log(`  reason  ${firstBad.reason}`);
      console.log(style.dim(`  ${count(result.events)} before it checked out.`));
    });
}

function count(events: number): string {
  return `${events.toLocaleString('en')} event${events === 1 ? '' : 's'}`;
}

/**
 * Long logs show a live count on a terminal's stderr (redrawn at most ten times a second);
 * elsewhere — a pipe, a CI log — only one final line, so logs are not flooded.
 */
function progressReporter(): {
  update: (checked: number) => void;
  finish: (args: { result: LogVerification; seconds: number }) => void;
} {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(checked) {
      if (!tty) return;
      const now = performance.now();
      if (now - started < PROGRESS_AFTER_MS || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      process.stderr.write(`\rverifying… ${checked.toLocaleString('en')} events`);
    },
    finish({ result, seconds }) {
      if (tty) {
        if (drawn) process.stderr.write('\r\u001b[K');
        return;
      }
      const verdict = result.ok ? 'all good' : `stopped at bad event ${result.firstBad.index}`;
      process.stderr.write(
        `devolve verify: ${count(result.events)} good in ${seconds.toFixed(1)} s, ${verdict}\n`,
      );
    },
  };
}
