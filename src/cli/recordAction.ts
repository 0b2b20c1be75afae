import type { Command } from 'commander';
import type { LogEvent } from '../core/log/LogEvent.js';
import type { OrgState } from '../core/state/OrgState.js';
import { type LoadedSigningKey, loadSigningKey } from '../identity/keyFile.js';
import { signAction } from '../identity/signAction.js';
import { usageError } from './CliError.js';
import { DATA_OPTION } from './openStore.js';
import { defaultStyle, printJson } from './output.js';
import { actorFor } from './recordCharter.js';
import { type ActionTarget, openTarget, SERVER_OPTION } from './serverClient.js';

/**
 * The organization a command acts on: `org` when given, else the only one the store or server
 * holds.
 *
 * @example
 * await resolveOrg({ target, org: options.org }) // 'lumen-protocol'
 */
export async function resolveOrg(args: { target: ActionTarget; org: string | undefined }): Promise<string> {
  if (args.org !== undefined) return args.org;
  const orgs = (await args.target.listOrganizations()).map((o) => o.id);
  if (orgs.length === 1) return orgs[0]!;
  throw usageError({
    code: 'organization-required',
    message: orgs.length === 0 ? 'there is no organization in this store' : 'which organization?',
    hint: orgs.length === 0 ? 'create one with `devolve apply`' : `say --org ${orgs.join(' or --org ')}`,
  });
}

/**
 * Signs one action of `kind` at the head the target holds and records it there: the one flow of
 * every command that acts (`vote`, `propose`, `veto`, …). The actor is `as`, else the member whose
 * registered key signs. The store or server checks every right; this only signs.
 *
 * @example
 * const { event } = await recordAction({ target, org: undefined, kind: 'vote.cast', payload: { proposal: 'p-1', ballot: 'for' }, signer, as: undefined, now: () => new Date() });
 */
export async function recordAction(args: {
  target: ActionTarget;
  org: string | undefined;
  kind: string;
  /** The payload, or how to make it from the state in force (e.g. a proposal id not yet taken). */
  payload: unknown | ((state: OrgState) => unknown);
  signer: Pick<LoadedSigningKey, 'key' | 'publicKey'>;
  as: string | undefined;
  now: () => Date;
}): Promise<{ org: string; state: OrgState; event: LogEvent; created: boolean }> {
  const org = await resolveOrg({ target: args.target, org: args.org });
  const state = await args.target.readState({ org });
  const actor = actorFor(state, { as: args.as, publicKey: args.signer.publicKey, org });
  const now = args.now();
  const signed = signAction({
    key: args.signer.key,
    org,
    kind: args.kind,
    actor,
    payload:
      typeof args.payload === 'function'
        ? (args.payload as (state: OrgState) => unknown)(state)
        : args.payload,
    head: state.head,
    now,
  });
  const { event, created } = await args.target.append({ signed, now });
  return { org, state, event, created };
}

/** The options of a command that reads the runtime. */
export interface ReadOptions {
  org?: string;
  data?: string;
  server?: string;
  json?: boolean;
}

/** The options every command that signs one action shares. */
export interface ActOptions extends ReadOptions {
  as?: string;
  key?: string;
  keys?: string;
}

/** Adds the options of a command that reads the runtime: `--org`, `--data`, `--server`, `--json`. */
export function withReadOptions(command: Command): Command {
  return command
    .option('--org <id>', 'the organization (default: the only one in the store)')
    .option(...DATA_OPTION)
    .option(...SERVER_OPTION)
    .option('--json', 'print the result as JSON');
}

/**
 * Adds the options every acting command shares: who signs (`--as`, `--key`, `--keys`), and the
 * reading options (which organization, where the log is, `--json`).
 *
 * @example
 * withActOptions(program.command('veto').argument('<proposal>')).action(…)
 */
export function withActOptions(command: Command): Command {
  return withReadOptions(
    command
      .option('--as <member>', 'the member acting (default: the member whose registered key signs)')
      .option('--key <name>', 'the key to sign with, by name (default: the only key, or "default")')
      .option('--keys <file>', 'the key file (default: $DEVOLVE_KEYS or ~/.devolve/keys.json)'),
  );
}

/**
 * Runs one acting command: loads the signing key, opens the local store or the server, signs and
 * records the action, and prints `✓ <what was done> — event <seq>` (or JSON).
 *
 * @example
 * await act({ options, kind: 'proposal.veto', payload: { proposal, reason }, done: 'vetoed p-1' });
 */
export async function act(args: {
  options: ActOptions;
  kind: string;
  payload: unknown | ((state: OrgState) => unknown);
  /** What was done, in a few words, for the line printed. */
  done: string;
}): Promise<void> {
  const { options } = args;
  const signer = await loadSigningKey({ keysFile: options.keys, name: options.key });
  // Acting needs an organization already recorded, so it never creates a store.
  const { target, where } = await openTarget({ server: options.server, data: options.data, mode: 'read' });
  try {
    const { org, event, created } = await recordAction({
      target,
      org: options.org,
      kind: args.kind,
      payload: args.payload,
      signer,
      as: options.as,
      now: () => new Date(),
    });
    if (options.json === true) {
      printJson({
        org,
        kind: args.kind,
        created,
        payload: event.action.payload,
        event: { seq: event.seq, hash: event.hash, actor: event.action.actor, recordedAt: event.recordedAt },
      });
      return;
    }
    const style = defaultStyle();
    console.log(`${style.green('✓')} ${args.done} by ${event.action.actor} — event ${event.seq}`);
    console.log(style.dim(`  ${org} · ${where}`));
  } finally {
    await target.close();
  }
}
