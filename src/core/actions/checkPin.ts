import { sameIdentity as sameKey } from '../log/sameIdentity.js';
import type { Organization } from '../model/Organization.js';
import { memberOf, pinnedForOther } from '../state/identityIndex.js';
import { refuse } from './refuse.js';

/**
 * Checks a key a member is about to register against the charter's pins.
 *
 * Onboarding trust: a charter's `members[].key` is a *pin*, never a registration. Whoever writes
 * the charter (its owners) may pin the key a member is expected to register, and then only that
 * key can be registered for them — so a stranger holding the member id's name cannot claim it
 * first. A pin proves nothing by itself: the key is registered only by an action signed with it.
 * Without a pin, the first key a member id registers is theirs (first come, first served), so
 * owners who onboard members they cannot vouch for should pin their keys. A key pinned for
 * another member cannot be registered by this one: one key, one member.
 *
 * @example
 * checkPin({ organization, member: 'jonas', key: action.key }); // throws action/wrong-key on a mismatch
 */
export function checkPin(args: { organization: Organization; member: string; key: string }): void {
  const { organization, member, key } = args;
  const pinned = memberOf(organization, member)?.key;
  if (pinned !== undefined && !sameKey(pinned, key)) {
    throw refuse(
      'wrong-key',
      `'${member}' signed with a key that is not the one the charter pins for them`,
      { actor: member },
      'sign with the key the charter names for you, or ask an owner to change the pin before you register',
    );
  }
  const other = pinnedForOther(organization, key, member);
  if (other !== undefined) {
    throw refuse('key-taken', `the key is pinned for '${other.id}', not '${member}'`, {
      actor: member,
      member: other.id,
    });
  }
}
