/**
 * The demo organization's past (Lumen Protocol, the `dao` template): six months of governance as
 * its members made it, one signed action per step. Pure: each step names its day (from the day the
 * charter was recorded), its actor and the action's kind and payload; `recordDemoHistory` signs
 * and records them with the store's clock set to each step's time.
 *
 * What it shows: every member registering their own key; treasury decisions passed and rejected;
 * a grant executed after the grants unit's two-day timelock; a grant vetoed by the core team; the
 * treasury moved up a notch (consultative) on the sample evidence; a commitment added that falls
 * due a month after today; a delegation; and a proposal still in consultation.
 */
export interface DemoStep {
  /** Days after the charter was recorded (day 0). */
  readonly day: number;
  readonly actor: string;
  readonly kind: string;
  readonly payload: unknown;
}

/** How far back the demo's charter was recorded: `HISTORY_DAYS` days before today. */
export const HISTORY_DAYS = 180;
/** The founder who records the charter (day 0) with the demo's `default` key. */
export const DEMO_FOUNDER = 'mara';

const CORE_TEAM = ['mara', 'jonas', 'priya', 'tomas', 'lin'] as const;
const GRANTS_COMMITTEE = ['elena', 'dmitri', 'grace'] as const;

const DAY_MS = 86_400_000;
/** The day the treasury's move up is proposed: its evidence must be dated no later. */
export const SLIDER_MOVE_DAY = 95;

const votes = (day: number, proposal: string, voters: readonly string[], choice: string): DemoStep[] =>
  voters.map((actor) => ({
    day,
    actor,
    kind: 'vote.cast',
    payload: { proposal, ballot: { choice }, reason: `${actor} votes ${choice}` },
  }));

/** One `proposal.create` step: the history step every proposal of the demo opens with. */
const propose = (args: {
  day: number;
  actor: string;
  id: string;
  unit: string;
  kind: string;
  title: string;
  subject: unknown;
}): DemoStep => ({
  day: args.day,
  actor: args.actor,
  kind: 'proposal.create',
  payload: { id: args.id, unit: args.unit, kind: args.kind, title: args.title, subject: args.subject },
});

const decision = (args: {
  day: number;
  actor: string;
  id: string;
  unit: string;
  title: string;
  outcome: string;
}): DemoStep => {
  const { outcome, ...rest } = args;
  return propose({ ...rest, kind: 'decision', subject: { outcome } });
};

const execute = (day: number, actor: string, proposal: string): DemoStep => ({
  day,
  actor,
  kind: 'proposal.execute',
  payload: { proposal },
});

/** The calendar date (YYYY-MM-DD) `day` days after `start`. */
const dateOf = (start: Date, day: number) =>
  new Date(start.getTime() + day * DAY_MS).toISOString().slice(0, 10);

/**
 * The history, in order. `start` is when the charter was recorded; `evidence` is what the treasury
 * move carries (the sample evidence's treasury attestations), as an evidence file's JSON.
 *
 * @example
 * demoHistory({ start: new Date('2026-06-04T09:00:00Z'), evidence, members: ['jonas', 'priya'] })[0]
 * // { day: 1, actor: 'jonas', kind: 'key.register', payload: {} }
 */
export function demoHistory(args: {
  start: Date;
  evidence: unknown;
  /** Every member but the founder: they register their own keys first. */
  members: readonly string[];
}): DemoStep[] {
  const { start } = args;
  return [
    // From day 1: every member registers their own key, four a day.
    ...args.members.map((actor, i) => ({
      day: 1 + Math.floor(i / 4),
      actor,
      kind: 'key.register',
      payload: {},
    })),

    // Transparent treasury (the core team decides, three days to vote): a decision passed and run…
    decision({
      day: 10,
      actor: 'mara',
      id: 'audit-budget',
      unit: 'treasury',
      title: 'Pay for the v3 audit',
      outcome: 'Pay 120k USDC to two audit firms for the v3 contracts',
    }),
    ...votes(10, 'audit-budget', ['mara', 'jonas', 'priya', 'tomas'], 'for'),
    execute(14, 'mara', 'audit-budget'),
    // …and one rejected: three of five against, so it never runs.
    decision({
      day: 20,
      actor: 'jonas',
      id: 'conference-sponsorships',
      unit: 'treasury',
      title: 'Sponsor three conferences',
      outcome: 'Spend 90k USDC sponsoring three conferences this year',
    }),
    ...votes(20, 'conference-sponsorships', ['jonas'], 'for'),
    ...votes(21, 'conference-sponsorships', ['priya', 'tomas', 'lin'], 'against'),

    // Delegated grants (the committee decides after a week's consultation; the team may veto for
    // three days; then a two-day timelock): a grant advised on, passed, and run after its timelock…
    decision({
      day: 30,
      actor: 'elena',
      id: 'grant-indexer',
      unit: 'grants',
      title: 'Fund the subgraph indexer',
      outcome: 'Grant 30k LUM to the indexer team over six months',
    }),
    {
      day: 32,
      actor: 'ade',
      kind: 'proposal.advise',
      payload: { proposal: 'grant-indexer', advice: 'Pay in three milestones, each on a public demo.' },
    },
    ...votes(38, 'grant-indexer', GRANTS_COMMITTEE, 'for'),
    // Voting closes on day 42, the veto window on day 45, the timelock on day 47.
    execute(48, 'elena', 'grant-indexer'),
    // …and one vetoed by the core team within its window.
    decision({
      day: 55,
      actor: 'dmitri',
      id: 'grant-wallet',
      unit: 'grants',
      title: 'Grant to the Halo wallet integration',
      outcome: 'Grant 45k LUM to Halo Labs for a Lumen integration',
    }),
    ...votes(63, 'grant-wallet', GRANTS_COMMITTEE, 'for'),
    {
      day: 68,
      actor: 'jonas',
      kind: 'proposal.veto',
      payload: {
        proposal: 'grant-wallet',
        reason: 'Halo Labs is a related party: two of its founders hold Lumen Labs equity.',
      },
    },

    // The treasury moves up a notch, its readiness met by the published treasury dashboard.
    propose({
      day: SLIDER_MOVE_DAY,
      actor: 'mara',
      id: 'treasury-consultative',
      unit: 'treasury',
      kind: 'slider-move',
      title: 'The treasury becomes consultative',
      subject: { to: 'consultative', evidence: args.evidence },
    }),
    ...votes(SLIDER_MOVE_DAY, 'treasury-consultative', CORE_TEAM, 'for'),
    execute(99, 'priya', 'treasury-consultative'),

    // The front-end (transparent): a decision run, then a commitment that falls due soon.
    decision({
      day: 110,
      actor: 'tomas',
      id: 'ipfs-mirror',
      unit: 'front-end',
      title: 'Mirror the app on IPFS',
      outcome: 'Publish every release to IPFS and its content hash in the release notes',
    }),
    ...votes(110, 'ipfs-mirror', ['tomas', 'lin', 'priya'], 'for'),
    execute(114, 'tomas', 'ipfs-mirror'),
    propose({
      day: 140,
      actor: 'lin',
      id: 'front-end-commitment',
      unit: 'front-end',
      kind: 'commitment',
      title: 'Promise a consultative front-end',
      subject: {
        action: 'add',
        commitment: {
          id: 'front-end-consultative',
          level: 'consultative',
          by: dateOf(start, HISTORY_DAYS + 30),
          statement: 'Front-end changes go through a public comment period within a month.',
        },
      },
    }),
    ...votes(140, 'front-end-commitment', ['lin', 'mara', 'tomas'], 'for'),
    execute(144, 'lin', 'front-end-commitment'),

    // A guardian lends their weight, and a treasury proposal is still in consultation today.
    {
      day: 160,
      actor: 'hugo',
      kind: 'delegation.set',
      payload: { role: 'security-council', to: [{ member: 'ade', share: 1 }] },
    },
    decision({
      day: 176,
      actor: 'lin',
      id: 'treasury-diversify',
      unit: 'treasury',
      title: 'Diversify a quarter of the reserves',
      outcome: 'Swap 25% of the reserves held in LUM for USDC over three months',
    }),
  ];
}
