import { seededRandom } from './seededRandom.js';

const DIMENSIONS = ['product', 'community', 'governance', 'capital', 'operations', 'research'];
const TEAMS = 24;
const COUNCILS = 8;
/** Positions on the built-in ladder: founder, transparent, consultative, delegated, community, autonomous. */
const LEVELS = ['founder', 'transparent', 'consultative', 'delegated', 'community', 'autonomous'] as const;

/**
 * A large organization written the way the templates are: units spread over six dimensions, each
 * owned by one of 24 teams, most bound to a council, with dependencies, readiness criteria,
 * commitments and, for one unit in five, a policy override at a higher level. Every member is in a
 * `contributors` role, so `members` also counts the memberships of the largest role.
 *
 * Dependencies only point at units declared earlier, so the graph has no cycle; and a unit only
 * needs another at a level that unit has already reached, so the charter is consistent as written.
 */
export function largeCharter(args: { units: number; members: number }): Record<string, unknown> {
  const { units, members: memberCount } = args;
  const next = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const memberIds = Array.from({ length: memberCount }, (_, i) => `member-${i + 1}`);
  const teamIds = Array.from({ length: TEAMS }, (_, i) => `team-${i + 1}`);
  const councilIds = Array.from({ length: COUNCILS }, (_, i) => `council-${i + 1}`);
  const members = (count: number, offset: number) =>
    Array.from({ length: count }, (_, i) => memberIds[(offset + i * 7) % memberCount]!);

  const levelOf: number[] = [];
  const unitList = Array.from({ length: units }, (_, i) => {
    const level = Math.floor(next() * 4); // founder … delegated
    const target = Math.min(LEVELS.length - 2, level + 1 + Math.floor(next() * 2));
    levelOf.push(level);
    const earlier = [...new Set([Math.floor(next() * i), Math.floor(next() * i)])].filter(() => i > 0);
    const dependsOn = earlier.slice(0, Math.floor(next() * 3)).map((other) => ({
      unit: `unit-${other + 1}`,
      level: LEVELS[levelOf[other]!],
      for: LEVELS[Math.min(LEVELS.length - 1, target)],
      reason: `unit-${other + 1} must be steady before unit-${i + 1} moves past it.`,
    }));
    const nextLevel = LEVELS[Math.min(LEVELS.length - 1, level + 1)]!;
    const unit: Record<string, unknown> = {
      id: `unit-${i + 1}`,
      name: `Unit ${i + 1}`,
      dimension: DIMENSIONS[i % DIMENSIONS.length],
      description: `Decisions about area ${i + 1}: its roadmap, its budget and who may change them.`,
      owners: [pick(teamIds)],
      level: LEVELS[level],
      since: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
      target: LEVELS[target],
      ...(next() < 0.7 ? { roles: { team: [pick(teamIds)], council: [pick(councilIds)] } } : {}),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      readiness: {
        [nextLevel]: {
          all: [
            {
              checklist: `runbook-${i + 1}`,
              text: `Runbook for unit ${i + 1} published`,
              evidence: 'optional',
            },
            { timeAtLevel: 'P90D' },
            {
              metric: pick(['participation', 'distinct-voters', 'distinct-proposers']),
              atLeast: 5,
              window: 'P90D',
            },
            {
              any: [
                { metric: 'core-team-decision-share', below: 0.5, window: 'P180D' },
                { decisionsAtLevel: 3 },
              ],
            },
          ],
        },
      },
      commitments: [
        {
          level: LEVELS[target],
          by: `2028-${String((i % 12) + 1).padStart(2, '0')}-15`,
          statement: `Unit ${i + 1} reaches ${LEVELS[target]} by 2028.`,
          unless: 'an audit finds a critical issue in the months before',
        },
      ],
      ...(i % 5 === 0
        ? {
            policies: {
              community: { method: 'supermajority', threshold: '2/3', quorum: '4%', timelock: 'P14D' },
              delegated: { quorum: '40%', period: 'P7D' },
            },
          }
        : {}),
    };
    return unit;
  });

  return {
    devolve: 1,
    organization: {
      id: 'bench-federation',
      name: 'Bench Federation',
      kind: 'hybrid',
      description: 'A federation of many teams, used to measure how the charter loader scales.',
      tokens: [{ symbol: 'FED', name: 'Federation token', decimals: 18, chain: 'ethereum' }],
    },
    dimensions: DIMENSIONS.map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) })),
    members: memberIds.map((id, i) => ({ id, name: `Member ${i + 1}` })),
    roles: [
      ...teamIds.map((id, i) => ({ id, name: `Team ${i + 1}`, scope: 'team', members: members(6, i * 11) })),
      ...councilIds.map((id, i) => ({
        id,
        name: `Council ${i + 1}`,
        scope: 'council',
        threshold: '3/5',
        members: members(5, i * 13 + 3).map((member) => ({
          member,
          from: '2026-01-01',
          until: '2027-01-01',
        })),
      })),
      // Every member contributes: the one role as large as the membership.
      { id: 'contributors', name: 'Contributors', scope: 'community', members: memberIds },
      { id: 'holders', name: 'FED holders', scope: 'community', open: true, weight: { token: 'FED' } },
      { id: 'guardians', name: 'Guardians', scope: 'council', threshold: '2/3', members: members(9, 5) },
    ],
    defaults: {
      roles: {
        team: [teamIds[0]],
        council: [councilIds[0]],
        community: ['holders'],
        guardian: ['guardians'],
      },
    },
    units: unitList,
  };
}
