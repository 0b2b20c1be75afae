import type { Command } from 'commander';
import {
  createKey,
  KEY_TYPES,
  type KeyType,
  keyFilePath,
  loadSigningKey,
  publicEntry,
  readKeyFile,
} from '../../identity/keyFile.js';
import { usageError } from '../CliError.js';
import { DATA_OPTION } from '../openStore.js';
import { defaultStyle, printJson } from '../output.js';
import { recordAction } from '../recordAction.js';
import { openTarget, SERVER_OPTION } from '../serverClient.js';

interface KeysOptions {
  keys?: string;
  json?: boolean;
}

const KEYS_OPTION = [
  '--keys <file>',
  'the key file (default: $DEVOLVE_KEYS, else ~/.devolve/keys.json)',
] as const;

/**
 * `devolve keys new|list|register`: a member's signing keys. Secrets stay in the key file and are
 * never printed; what is printed is the public identity, which an owner may pin in the charter's
 * `members[].key`. `register` records the key as the member's own (`key.register`, signed with
 * it): the only way a key is registered.
 */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('make and list your signing keys (Ed25519 or Ethereum)');

  keys
    .command('new')
    .description('make a new signing key and print its public identity for the charter')
    .option('--name <name>', 'a name for the key (default: default)')
    .option('--type <type>', `ed25519 or ethereum`, 'ed25519')
    .option(...KEYS_OPTION)
    .option('--json', 'print the result as JSON')
    .action(async (options: KeysOptions & { name?: string; type: string }) => {
      if (!KEY_TYPES.includes(options.type as KeyType)) {
        throw usageError({
          code: 'unknown-key-type',
          message: `unknown key type '${options.type}'`,
          hint: `choose ${KEY_TYPES.join(' or ')}`,
        });
      }
      const { file, entry } = await createKey({
        file: keyFilePath({ keysFile: options.keys }),
        type: options.type as KeyType,
        name: options.name,
        now: new Date(),
      });
      if (options.json) {
        printJson({ file, key: entry });
        return;
      }
      const style = defaultStyle();
      console.log(`${style.green('✓')} made ${entry.type} key '${entry.name}' in ${file}`);
      console.log(`  public identity  ${style.bold(entry.publicKey)}`);
      console.log(
        style.dim(
          `Register it as yours: devolve keys register --as <you> (an owner may pin it first in members[].key)`,
        ),
      );
    });

  keys
    .command('list')
    .description('list the keys in your key file (public identities only)')
    .option(...KEYS_OPTION)
    .option('--json', 'print the keys as JSON')
    .action(async (options: KeysOptions) => {
      const file = keyFilePath({ keysFile: options.keys });
      const entries = (await readKeyFile({ file })).map(publicEntry);
      if (options.json) {
        printJson({ file, keys: entries });
        return;
      }
      const style = defaultStyle();
      if (entries.length === 0) {
        console.log(`no keys in ${file}`);
        console.log(style.dim('Make one with: devolve keys new'));
        return;
      }
      const nameWidth = Math.max(...entries.map((e) => e.name.length));
      const keyWidth = Math.max(...entries.map((e) => e.publicKey.length));
      console.log(style.dim(file));
      for (const entry of entries) {
        console.log(
          `  ${entry.name.padEnd(nameWidth)}  ${entry.type.padEnd(8)}  ${entry.publicKey.padEnd(keyWidth)}  ${style.dim(entry.createdAt)}`,
        );
      }
    });

  keys
    .command('register')
    .description('register your key as a member of an organization (signed with that key)')
    .requiredOption('--as <member>', 'your member id')
    .option('--org <id>', 'the organization (default: the only one in the store)')
    .option('--key <name>', 'the key to register, by name (default: the only key, or "default")')
    .option(...KEYS_OPTION)
    .option(...DATA_OPTION)
    .option(...SERVER_OPTION)
    .option('--json', 'print the result as JSON')
    .action(
      async (
        options: KeysOptions & { as: string; org?: string; key?: string; data?: string; server?: string },
      ) => {
        const signer = await loadSigningKey({ keysFile: options.keys, name: options.key });
        // Registering needs an organization already recorded, so it never creates a store.
        const { target } = await openTarget({ server: options.server, data: options.data, mode: 'read' });
        try {
          const { org, event } = await recordAction({
            target,
            org: options.org,
            kind: 'key.register',
            payload: {},
            signer,
            as: options.as,
            now: () => new Date(),
          });
          if (options.json) {
            printJson({
              org,
              member: options.as,
              key: signer.publicKey,
              event: { seq: event.seq, hash: event.hash },
            });
            return;
          }
          const style = defaultStyle();
          console.log(
            `${style.green('✓')} registered ${style.bold(signer.publicKey)} for '${options.as}' in ${org} — event ${event.seq}`,
          );
        } finally {
          await target.close();
        }
      },
    );
}
