import { ACTION_FORMS } from '../log/actionForms.js';
import { sameIdentity as sameKey } from '../log/sameIdentity.js';
import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { holderOf } from './keyRegister.js';
import { refuse } from './refuse.js';

export const keyRotatePayloadSchema = s
  .object(
    {
      key: s
        .string({
          pattern: ACTION_FORMS.key,
          patternHint: 'ed25519:<base64url of 32 bytes> or a 0x Ethereum address',
        })
        .describe('The new public identity, to be proven by a key.register signed with it.'),
    },
    'key rotation',
  )
  .describe('The key that is to replace the actor’s registered key.');

/**
 * `key.rotate`: a member, signing with their registered key, announces the key that is to replace
 * it. Nothing changes until the member proves they hold the new key by signing `key.register` with
 * it, so a rotation needs both keys: the old one consents, the new one proves possession.
 */
export const keyRotate: ActionRecord<Infer<typeof keyRotatePayloadSchema>, undefined> = {
  kind: 'key.rotate',
  summary: 'Announce the key that replaces the actor’s registered key (signed with the registered key).',
  payload: keyRotatePayloadSchema,
  signer: 'member',
  authorize({ state, event, payload }) {
    const { actor, key } = event.action;
    if (sameKey(payload.key, key)) {
      throw refuse('same-key', 'the new key is the key already registered', { actor });
    }
    const holder = holderOf(state, payload.key, actor);
    if (holder !== undefined) {
      throw refuse('key-taken', `the key is already registered to '${holder}'`, { actor, member: holder });
    }
    return undefined;
  },
  apply({ state, event, payload }) {
    return {
      ...state,
      seq: event.seq,
      head: event.hash,
      pendingKeys: { ...state.pendingKeys, [event.action.actor]: payload.key },
    };
  },
};
