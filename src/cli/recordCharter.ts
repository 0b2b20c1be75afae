import type { CharterInput } from '../core/charter/charterSchema.js';
import { canonicalJson } from '../core/log/canonicalJson.js';
import type { LogEvent } from '../core/log/LogEvent.js';
import { sameIdentity } from '../core/log/sameIdentity.js';
import type { Organization } from '../core/model/Organization.js';
import type { OrgState } from '../core/state/OrgState.js';
import { suggestionHint } from '../core/text/didYouMean.js';
import type { LoadedSigningKey } from '../identity/keyFile.js';
import { signAction } from '../identity/signAction.js';
import { usageError } from './CliError.js';
import type { ActionTarget } from './serverClient.js';

/**
 * The actor's key as the organization registered it, when that is the signing key spelled
 * another way (a 0x address in lower case): actions carry that spelling, so the log compares
 * equal wherever it is checked.
 */
function registeredSpelling(registered: string | undefined, publicKey: string): string | undefined {
  return registered !== undefined && sameIdentity(registered, publicKey) ? registered : undefined;
}

/**
 * Who is acting: `as`, when given and a member; else the one member whose key is the key we
 * sign with.
 *
 * @example
 * resolveActor({ as: 'mara', publicKey, members: ['mara'], keys: {}, org: 'lumen-protocol' }) // 'mara'
 */
export function resolveActor(args: {
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
 * Who acts on an organization whose state is in force: `resolveActor` over the state's members
 * and registered keys (the one place `recordAction` and `recordCharter` ask it from a state).
 *
 * @example
 * actorFor(state, { as: undefined, publicKey, org: 'lumen-protocol' }) // 'mara'
 */
export function actorFor(
  state: Pick<OrgState, 'organization' | 'keys'>,
  args: { as: string | undefined; publicKey: string; org: string },
): string {
  return resolveActor({
    as: args.as,
    publicKey: args.publicKey,
    members: state.organization.members.map((m) => m.id),
    keys: state.keys,
    org: args.org,
  });
}

export type RecordOutcome = 'created' | 'amended' | 'unchanged' | 'already-recorded';

export interface RecordedCharter {
  readonly outcome: RecordOutcome;
  /** The event written (or found already written); none when the charter was unchanged. */
  readonly event: LogEvent | undefined;
}

/**
 * The one sign-and-record flow for a charter (`apply`, `demo`): the first time, a signed
 * `org.create`; later, a signed `charter.amend` at the head the store holds, or nothing when the
 * recorded charter is already this one. The store checks every right; this only signs.
 *
 * @example
 * const { outcome, event } = await recordCharter({ store, organization, input, signer, as: 'mara', now: () => new Date() });
 */
export async function recordCharter(args: {
  store: Pick<ActionTarget, 'listOrganizations' | 'readState' | 'createOrganization' | 'append'>;
  organization: Organization;
  /** The charter as a JSON value: what the action carries and signs. */
  input: CharterInput;
  /** The key that signs; its public identity finds the acting member when `as` is not given. */
  signer: Pick<LoadedSigningKey, 'key' | 'publicKey'>;
  /** The acting member (default: the one whose registered key is the signer's). */
  as: string | undefined;
  now: () => Date;
}): Promise<RecordedCharter> {
  const { store, organization, input } = args;
  const org = organization.id;
  const exists = (await store.listOrganizations()).some((o) => o.id === org);
  const payload = { charter: input };
  if (!exists) {
    const actor = resolveActor({
      as: args.as,
      publicKey: args.signer.publicKey,
      members: organization.members.map((m) => m.id),
      keys: Object.fromEntries(organization.members.map((m) => [m.id, m.key])),
      org,
    });
    const signed = signAction({
      key: args.signer.key,
      org,
      kind: 'org.create',
      actor,
      payload,
      head: null,
      now: args.now(),
      identity: registeredSpelling(
        organization.members.find((m) => m.id === actor)?.key,
        args.signer.publicKey,
      ),
    });
    const result = await store.createOrganization({ signed, now: args.now() });
    return { outcome: result.created ? 'created' : 'already-recorded', event: result.event };
  }
  const state = await store.readState({ org });
  if (canonicalJson(state.charter) === canonicalJson(input))
    return { outcome: 'unchanged', event: undefined };
  const actor = actorFor(state, { as: args.as, publicKey: args.signer.publicKey, org });
  const signed = signAction({
    key: args.signer.key,
    org,
    kind: 'charter.amend',
    actor,
    payload,
    head: state.head,
    now: args.now(),
    identity: registeredSpelling(state.keys[actor], args.signer.publicKey),
  });
  const result = await store.append({ signed, now: args.now() });
  return { outcome: result.created ? 'amended' : 'already-recorded', event: result.event };
}
