import type { LogEvent } from '../core/log/LogEvent.js';
import type { OrgState } from '../core/state/OrgState.js';
import type { LoadedSigningKey } from '../identity/keyFile.js';
import { signAction } from '../identity/signAction.js';
import { usageError } from './CliError.js';
import { resolveActor } from './recordCharter.js';
import type { ActionTarget } from './serverClient.js';

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
  payload: unknown;
  signer: Pick<LoadedSigningKey, 'key' | 'publicKey'>;
  as: string | undefined;
  now: () => Date;
}): Promise<{ org: string; state: OrgState; event: LogEvent; created: boolean }> {
  const org = await resolveOrg({ target: args.target, org: args.org });
  const state = await args.target.readState({ org });
  const actor = resolveActor({
    as: args.as,
    publicKey: args.signer.publicKey,
    members: state.organization.members.map((m) => m.id),
    keys: state.keys,
    org,
  });
  const now = args.now();
  const signed = signAction({
    key: args.signer.key,
    org,
    kind: args.kind,
    actor,
    payload: args.payload,
    head: state.head,
    now,
  });
  const { event, created } = await args.target.append({ signed, now });
  return { org, state, event, created };
}
