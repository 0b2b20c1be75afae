import type { CharterInput } from '../charter/charterSchema.js';
import type { Organization } from '../model/Organization.js';
import type { StartRecord } from './ActionRecord.js';
import { type CharterPayload, charterPayloadSchema, readCharter } from './charterPayload.js';
import { checkPin } from './checkPin.js';
import { refuse } from './refuse.js';

/**
 * `org.create` starts a log with a charter. The actor must be a member of it; they register the
 * key that signed (proof of possession), which must match their pin in the charter if it has one.
 * No other member's key is registered: each member registers their own with `key.register`.
 * Every unit starts at the level the charter declares, since the time it declares (else now).
 */
export const orgCreate: StartRecord<CharterPayload, { input: CharterInput; organization: Organization }> = {
  kind: 'org.create',
  summary: 'Create the organization from its charter; the founder registers the key that signed.',
  payload: charterPayloadSchema,
  signer: 'founder',
  authorize({ event, payload }) {
    const { action } = event;
    const { input, organization } = readCharter(payload.charter);
    if (organization.id !== action.org) {
      throw refuse(
        'wrong-organization',
        `the charter is for '${organization.id}', the action for '${action.org}'`,
      );
    }
    if (!organization.members.some((m) => m.id === action.actor)) {
      throw refuse('not-a-member', `'${action.actor}' is not a member of ${organization.name}`, {
        actor: action.actor,
      });
    }
    checkPin({ organization, member: action.actor, key: action.key });
    return { input, organization };
  },
  apply({ event }, { input, organization }) {
    return {
      id: organization.id,
      seq: event.seq,
      head: event.hash,
      charter: input,
      organization,
      keys: { [event.action.actor]: event.action.key },
      pendingKeys: {},
      levels: Object.fromEntries(organization.units.map((u) => [u.id, u.level])),
      levelSince: Object.fromEntries(
        organization.units.map((u) => [
          u.id,
          u.since === undefined ? event.recordedAt : new Date(u.since).toISOString(),
        ]),
      ),
      proposals: {},
      delegations: [],
      snapshots: {},
      emergencyUses: [],
    };
  },
};
