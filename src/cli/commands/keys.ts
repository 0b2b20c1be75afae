import type { Command } from 'commander';
import {
  createKey,
  KEY_TYPES,
  type KeyType,
  keyFilePath,
  publicEntry,
  readKeyFile,
} from '../../identity/keyFile.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson } from '../output.js';

interface KeysOptions {
  keys?: string;
  json?: boolean;
}

const KEYS_OPTION = [
  '--keys <file>',
  'the key file (default: $DEVOLVE_KEYS, else ~/.devolve/keys.json)',
] as const;

/**
 * `devolve keys new|list`: a member's signing keys. Secrets stay in the key file and are never
 * printed; what is printed is the public identity to put in the charter's `members[].key`.
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
        style.dim(`Register it in the charter: members: - { id: <you>, name: …, key: ${entry.publicKey} }`),
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
}
