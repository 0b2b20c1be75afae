import type { Command } from 'commander';
import { loadSigningKey } from '../../identity/keyFile.js';
import { DATA_OPTION } from '../openStore.js';
import { defaultStyle, printJson } from '../output.js';
import { readValidCharter } from '../readValidCharter.js';
import { recordCharter, resolveActor } from '../recordCharter.js';
import { openTarget, SERVER_OPTION } from '../serverClient.js';

interface ApplyOptions {
  as?: string;
  key?: string;
  keys?: string;
  data?: string;
  server?: string;
  json?: boolean;
}

/**
 * `devolve apply [file]`: turns the charter into a signed event. The first apply creates the
 * organization (`org.create`); a later one records the changed charter (`charter.amend`), or does
 * nothing when it is unchanged. A change to how a unit above its founder-controlled level is
 * governed is refused — it needs a proposal under the unit's current policy — naming the unit
 * and its level (exit 1).
 */
export function registerApply(program: Command): void {
  program
    .command('apply')
    .description('record the charter in the signed log: create the organization, or amend its charter')
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option('--as <member>', 'the member acting (default: the member whose key signs)')
    .option('--key <name>', 'the key to sign with, by name (default: the only key, or "default")')
    .option('--keys <file>', 'the key file (default: $DEVOLVE_KEYS or ~/.devolve/keys.json)')
    .option(...DATA_OPTION)
    .option(...SERVER_OPTION)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: ApplyOptions) => {
      const json = options.json === true;
      const charter = await readValidCharter({ file, json });
      const { organization, input } = charter;
      const members = organization.members.map((m) => m.id);
      // Whoever acts must be a member of the charter they apply (creating or amending), so a
      // mistyped --as is caught before the store is opened.
      if (options.as !== undefined)
        resolveActor({ as: options.as, publicKey: '', members, keys: {}, org: organization.id });
      const signer = await loadSigningKey({ keysFile: options.keys, name: options.key });
      const { target: store, where } = await openTarget({
        server: options.server,
        data: options.data,
        charterFile: charter.file,
        mode: 'write',
      });
      try {
        const { outcome, event } = await recordCharter({
          store,
          organization,
          input,
          signer,
          as: options.as,
          now: () => new Date(),
        });
        const head = await store.readHead({ org: organization.id });
        if (json) {
          printJson({
            org: organization.id,
            outcome,
            ...(event === undefined
              ? {}
              : { event: { seq: event.seq, hash: event.hash, actor: event.action.actor } }),
            head,
          });
          return;
        }
        const style = defaultStyle();
        const name = `${organization.name} ${style.dim(`(${organization.id})`)}`;
        if (outcome === 'unchanged') {
          console.log(`${style.green('✓')} ${name}: the charter is unchanged; nothing to record`);
        } else if (event !== undefined) {
          const verb =
            outcome === 'created'
              ? 'created'
              : outcome === 'amended'
                ? 'charter amended'
                : 'already recorded';
          console.log(`${style.green('✓')} ${name}: ${verb} by ${event.action.actor} — event ${event.seq}`);
        }
        console.log(
          style.dim(`  head ${head.head} · ${head.seq + 1} event${head.seq === 0 ? '' : 's'} · ${where}`),
        );
      } finally {
        await store.close();
      }
    });
}
