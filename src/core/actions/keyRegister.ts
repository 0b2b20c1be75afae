import { sameIdentity as sameKey } from '../log/sameIdentity.js';
import { type Infer, s } from '../schema/Schema.js';
import { keyHolder, registeredKey, withRegisteredKey } from '../state/identityIndex.js';
import type { OrgState } from '../state/OrgState.js';
import type { ActionRecord } from './ActionRecord.js';
import { checkPin } from './checkPin.js';
import { refuse } from './refuse.js';

export const keyRegisterPayloadSchema = s
  .object({}, 'key registration')
  .describe('Nothing: the action is signed with the key it registers, for its actor.');

/** Whose registered key, other than `member`'s, is `key`, if anyone's (an indexed look-up). */
export function holderOf(state: OrgState, key: string, member: string): string | undefined {
  return keyHolder(state, key, member);
}

/**
 * `key.register`: a member registers the key that signs the action — the signature is the proof
 * that they hold it. It either registers a member's first key (which must match the charter's pin
 * for them, if any) or completes a rotation their current key announced with `key.rotate`. No one
 * can register a key for anyone else, and a key belongs to one member at most.
 */
export const keyRegister: ActionRecord<Infer<typeof keyRegisterPayloadSchema>, 'first' | 'rotation'> = {
  kind: 'key.register',
  summary: 'Register the key that signs this action as the actor’s own (first key, or a rotation’s new key).',
  payload: keyRegisterPayloadSchema,
  signer: 'claimant',
  authorize({ state, event }) {
    const { actor, key } = event.action;
    const holder = holderOf(state, key, actor);
    if (holder !== undefined) {
      throw refuse('key-taken', `the key is already registered to '${holder}'`, { actor, member: holder });
    }
    const registered = registeredKey(state, actor);
    if (registered === undefined) {
      checkPin({ organization: state.organization, member: actor, key });
      return 'first';
    }
    if (state.pendingKeys[actor] !== undefined && sameKey(state.pendingKeys[actor], key)) return 'rotation';
    throw refuse(
      'key-registered',
      `'${actor}' already has a registered key; only a rotation signed by it can change it`,
      { actor },
      'sign key.rotate with your registered key, naming the new key, then key.register with the new key',
    );
  },
  apply({ state, event }) {
    const { actor, key } = event.action;
    const { [actor]: _done, ...pendingKeys } = state.pendingKeys;
    // As `{ ...state, seq, head, keys: { ...state.keys, [actor]: key }, pendingKeys }`, without
    // copying the key table: a run of registrations costs O(1) each, not O(members).
    return withRegisteredKey(state, actor, key, { seq: event.seq, head: event.hash, pendingKeys });
  },
};
