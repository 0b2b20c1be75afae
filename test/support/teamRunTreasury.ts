import type { Organization } from '../../src/core/model/Organization.js';
import { CORE_TEAM, DAY, decisionOn, governedLumen } from './governedLog.js';

/**
 * Lumen (the dao template) where the core team made every treasury decision: three proposals by
 * priya, voted for by the core team and executed by mara, a few days apart. `now` is the last
 * event; `lumen` holds the signed log.
 */
export function teamRunTreasury(args: { org?: string } = {}) {
  const lumen = governedLumen({ org: args.org ?? 'lumen-observed' });
  for (const id of ['p1', 'p2', 'p3']) {
    lumen.as('priya', 'proposal.create', decisionOn('treasury', id, `Spend ${id}`, `Pay ${id}`));
    lumen.vote(id, CORE_TEAM, 'for');
    lumen.advance(3 * DAY + 60);
    lumen.as('mara', 'proposal.execute', { proposal: id });
    lumen.advance(DAY);
  }
  const state = lumen.org.state!;
  const now = Date.parse(lumen.log.events.at(-1)!.recordedAt);
  return { state, now, lumen };
}

/** The organization with `unit` declared at `level` (the log's own stays as it was). */
export function declaring(organization: Organization, unit: string, level: number): Organization {
  return { ...organization, units: organization.units.map((u) => (u.id === unit ? { ...u, level } : u)) };
}
