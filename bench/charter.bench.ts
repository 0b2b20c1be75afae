import { LineCounter, parse, parseDocument, stringify } from 'yaml';
import { loadCharter } from '../src/core/charter/loadCharter.js';
import { seededRandom } from '../test/support/seededRandom.js';
import { type Benchmark, medianMs } from './Benchmark.js';

/** `CHARTER_BENCH_UNITS` shortens a trial run; the goal is judged on the default. */
const UNITS = Number(process.env['CHARTER_BENCH_UNITS'] ?? 1_000);
/** Alternating floor/work measurements; the ratio is their median. */
const PAIRS = 5;
const MEMBERS = 300;
const DIMENSIONS = ['product', 'community', 'governance', 'capital', 'operations', 'research'];
const TEAMS = 24;
const COUNCILS = 8;
/** Positions on the built-in ladder: founder, transparent, consultative, delegated, community, autonomous. */
const LEVELS = ['founder', 'transparent', 'consultative', 'delegated', 'community', 'autonomous'] as const;

/**
 * A large organization written the way the templates are: units spread over six dimensions, each
 * owned by one of 24 teams, most bound to a council, with dependencies, readiness criteria,
 * commitments and, for one unit in five, a policy override at a higher level.
 *
 * Dependencies only point at units declared earlier, so the graph has no cycle; and a unit only
 * needs another at a level that unit has already reached, so the charter is consistent as written.
 */
function largeCharter(units: number): Record<string, unknown> {
  const next = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const memberIds = Array.from({ length: MEMBERS }, (_, i) => `member-${i + 1}`);
  const teamIds = Array.from({ length: TEAMS }, (_, i) => `team-${i + 1}`);
  const councilIds = Array.from({ length: COUNCILS }, (_, i) => `council-${i + 1}`);
  const members = (count: number, offset: number) =>
    Array.from({ length: count }, (_, i) => memberIds[(offset + i * 7) % MEMBERS]!);

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

/**
 * Loading a charter parses it, validates it against the schema, resolves every reference and
 * locates each issue; parsing the same text to plain data is the floor any loader pays. The goal
 * says the checking may cost at most twice the parse on top of it.
 */
const benchmark: Benchmark = {
  name: 'charter',
  description: `loadCharter on a ${UNITS.toLocaleString('en')}-unit charter vs YAML.parse of the same text`,
  async run(log) {
    const text = stringify(largeCharter(UNITS));
    const load = loadCharter({ text, file: 'bench.yaml' });
    if (!load.ok) {
      const first = load.errors
        .slice(0, 5)
        .map((e) => `${e.line}:${e.column} ${e.code} ${e.message}`)
        .join('\n  ');
      throw new Error(`the generated charter does not load (${load.errors.length} errors):\n  ${first}`);
    }
    if (load.organization.units.length !== UNITS) throw new Error('the generated charter lost units');
    log(
      `${UNITS} units, ${text.split('\n').length.toLocaleString('en')} lines, ${(text.length / 1024).toFixed(0)} KiB, ${load.warnings.length} warnings`,
    );

    const parseOnly = () => parse(text);
    const loadOnly = () => loadCharter({ text, file: 'bench.yaml' });
    // yaml's own share of loading (a document with source positions, then plain data), to tell
    // what the parse costs from what checking costs.
    const documentOnly = () =>
      parseDocument(text, { lineCounter: new LineCounter(), merge: true, uniqueKeys: true }).toJS({
        maxAliasCount: 1_000,
      });
    // Floor and work are measured in alternating short runs and the ratio is the median of the
    // pairs, so a change in machine load during the run weighs on both sides of each pair alike.
    await medianMs(parseOnly, { rounds: 1, warmup: 2 });
    await medianMs(loadOnly, { rounds: 1, warmup: 2 });
    const pairs: { parseMs: number; loadMs: number; documentMs: number }[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const parseMs = await medianMs(parseOnly, { rounds: 3, warmup: 0 });
      const loadMs = await medianMs(loadOnly, { rounds: 3, warmup: 0 });
      const documentMs = await medianMs(documentOnly, { rounds: 1, warmup: 0 });
      pairs.push({ parseMs, loadMs, documentMs });
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(pairs.map((p) => p.loadMs / p.parseMs));
    const parseMs = median(pairs.map((p) => p.parseMs));
    const loadMs = median(pairs.map((p) => p.loadMs));
    const documentMs = median(pairs.map((p) => p.documentMs));
    log(`YAML.parse          ${parseMs.toFixed(1)} ms`);
    log(`parseDocument+toJS  ${documentMs.toFixed(1)} ms (yaml's part of loadCharter)`);
    log(`loadCharter         ${loadMs.toFixed(1)} ms (checking ≈ ${(loadMs - documentMs).toFixed(1)} ms)`);
    log(`load/parse per pair ${pairs.map((p) => (p.loadMs / p.parseMs).toFixed(2)).join(' ')}`);
    return {
      name: 'charter',
      ratio,
      goal: '<=3',
      figures: {
        units: UNITS,
        lines: text.split('\n').length,
        bytes: text.length,
        loadMs,
        parseMs,
        documentMs,
        pairs: PAIRS,
      },
    };
  },
};

export default benchmark;
