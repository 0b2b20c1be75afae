import type { Command } from 'commander';
import { canonicalJson } from '../../core/log/canonicalJson.js';
import type { LogEvent } from '../../core/log/LogEvent.js';
import { sameIdentity } from '../../core/log/sameIdentity.js';
import { suggestionHint } from '../../core/text/didYouMean.js';
import { loadSigningKey } from '../../identity/keyFile.js';
import { signAction } from '../../identity/signAction.js';
import type { AppendResult } from '../../store/EventStore.js';
import { usageError } from '../CliError.js';
import { openStore } from '../openStore.js';
import { defaultStyle, printJson } from '../output.js';
import { readValidCharter } from '../readValidCharter.js';

interface ApplyOptions {
  as?: string;
  key?: string;
  keys?: string;
  data?: string;
  json?: boolean;
}

/**
 * Who is acting: `--as`, when given and a member; else the one member whose key is the key we
 * sign with.
 */
function resolveActor(args: {
  as: string | undefined;
  publicKey: string;
  members: readonly string[];
  keys: Readonly<Record<string, string | undefined>>;
  org: string;
}): string {
  if (args.as !== undefined) {
    if (!args.members.includes(args.as)) {
      throw usageError({
        code: 'unknown-member',
        message: `'${args.as}' is not a member of ${args.org}`,
        hint: suggestionHint({ input: args.as, candidates: args.members, noun: 'member' }),
      });
    }
    return args.as;
  }
  const owners = args.members.filter((m) => {
    const key = args.keys[m];
    return key !== undefined && sameIdentity(key, args.publicKey);
  });
  if (owners.length === 1) return owners[0]!;
  throw usageError({
    code: 'unknown-actor',
    message: `no single member of ${args.org} has the key ${args.publicKey}`,
    hint: 'say who you are with --as <member>, and put your public key in their members[].key',
  });
}

/**
 * The actor's key as the organization registered it, when that is the signing key spelled
 * another way (a 0x address in lower case): actions carry that spelling, so the log compares
 * equal wherever it is checked.
 */
function registeredSpelling(registered: string | undefined, publicKey: string): string | undefined {
  return registered !== undefined && sameIdentity(registered, publicKey) ? registered : undefined;
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
    .option('--data <dir>', 'PGlite data directory (default: DATABASE_URL if set, else .devolve/data)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: ApplyOptions) => {
      const json = options.json === true;
      const { organization, input } = await readValidCharter({ file, json });
      const members = organization.members.map((m) => m.id);
      // Whoever acts must be a member of the charter they apply (creating or amending), so a
      // mistyped --as is caught before the store is opened.
      if (options.as !== undefined)
        resolveActor({ as: options.as, publicKey: '', members, keys: {}, org: organization.id });
      const signer = await loadSigningKey({ keysFile: options.keys, name: options.key });
      const { store, where } = await openStore({ data: options.data });
      try {
        const exists = (await store.listOrganizations()).some((o) => o.id === organization.id);
        let outcome: 'created' | 'amended' | 'unchanged' | 'already-recorded';
        let event: LogEvent | undefined;
        if (!exists) {
          const actor = resolveActor({
            as: options.as,
            publicKey: signer.publicKey,
            members,
            keys: Object.fromEntries(organization.members.map((m) => [m.id, m.key])),
            org: organization.id,
          });
          const signed = signAction({
            key: signer.key,
            org: organization.id,
            kind: 'org.create',
            actor,
            payload: { charter: input },
            head: null,
            now: new Date(),
            identity: registeredSpelling(
              organization.members.find((m) => m.id === actor)?.key,
              signer.publicKey,
            ),
          });
          const result: AppendResult = await store.createOrganization({ signed, now: new Date() });
          event = result.event;
          outcome = result.created ? 'created' : 'already-recorded';
        } else {
          const state = await store.readState({ org: organization.id });
          if (canonicalJson(state.charter) === canonicalJson(input)) {
            outcome = 'unchanged';
          } else {
            const actor = resolveActor({
              as: options.as,
              publicKey: signer.publicKey,
              members: state.organization.members.map((m) => m.id),
              keys: state.keys,
              org: organization.id,
            });
            const signed = signAction({
              key: signer.key,
              org: organization.id,
              kind: 'charter.amend',
              actor,
              payload: { charter: input },
              head: state.head,
              now: new Date(),
              identity: registeredSpelling(state.keys[actor], signer.publicKey),
            });
            const result = await store.append({ signed, now: new Date() });
            event = result.event;
            outcome = result.created ? 'amended' : 'already-recorded';
          }
        }
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
