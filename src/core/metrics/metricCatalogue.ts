/**
 * The metrics Devolve knows without being told: computed from the event log, from imported
 * holdings or contribution history, or read on-chain. Charters may declare more under `metrics:`
 * and supply them as evidence. Criteria name metrics by these ids.
 */
export interface BuiltInMetric {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** What the number is: a share in [0, 1], a count, an index, or seconds. */
  readonly unit: 'share' | 'count' | 'index' | 'seconds';
  readonly source: 'log' | 'holdings' | 'contributions' | 'chain';
}

export const BUILT_IN_METRICS: readonly BuiltInMetric[] = [
  {
    id: 'core-team-decision-share',
    name: 'Core-team decision share',
    description: "Share of the unit's decisions proposed or decided by the core team (roles of scope team).",
    unit: 'share',
    source: 'log',
  },
  {
    id: 'decisions',
    name: 'Decisions',
    description: 'Decisions completed in the window.',
    unit: 'count',
    source: 'log',
  },
  {
    id: 'distinct-proposers',
    name: 'Distinct proposers',
    description: 'Members who opened at least one proposal in the window.',
    unit: 'count',
    source: 'log',
  },
  {
    id: 'distinct-voters',
    name: 'Distinct voters',
    description: 'Members who cast at least one vote in the window.',
    unit: 'count',
    source: 'log',
  },
  {
    id: 'participation',
    name: 'Participation',
    description: "Mean share of the electorate's weight that voted, per decision.",
    unit: 'share',
    source: 'log',
  },
  {
    id: 'voter-gini',
    name: 'Voting-power Gini',
    description: 'Gini coefficient of the voting weight cast.',
    unit: 'index',
    source: 'log',
  },
  {
    id: 'voter-nakamoto',
    name: 'Voting-power Nakamoto coefficient',
    description: 'Fewest voters whose combined weight cast exceeds half.',
    unit: 'count',
    source: 'log',
  },
  {
    id: 'holder-gini',
    name: 'Holder Gini',
    description: 'Gini coefficient of token holdings.',
    unit: 'index',
    source: 'holdings',
  },
  {
    id: 'holder-nakamoto',
    name: 'Holder Nakamoto coefficient',
    description: 'Fewest holders whose combined holdings exceed half the supply.',
    unit: 'count',
    source: 'holdings',
  },
  {
    id: 'holder-hhi',
    name: 'Holder HHI',
    description: 'Herfindahl–Hirschman index of holdings (sum of squared shares, 0..1).',
    unit: 'index',
    source: 'holdings',
  },
  {
    id: 'holder-top10-share',
    name: 'Top-10 holder share',
    description: 'Share of the supply held by the ten largest holders.',
    unit: 'share',
    source: 'holdings',
  },
  {
    id: 'holder-entropy',
    name: 'Holder entropy',
    description: 'Normalized Shannon entropy of holdings (0 one holder, 1 equal holdings).',
    unit: 'index',
    source: 'holdings',
  },
  {
    id: 'contributors',
    name: 'Contributors',
    description: 'Distinct people with contributions in the window.',
    unit: 'count',
    source: 'contributions',
  },
  {
    id: 'external-contributor-share',
    name: 'External contribution share',
    description: 'Share of contributions from people outside the core team.',
    unit: 'share',
    source: 'contributions',
  },
  {
    id: 'contributor-nakamoto',
    name: 'Contributor Nakamoto coefficient',
    description: 'Fewest contributors who together made more than half the contributions.',
    unit: 'count',
    source: 'contributions',
  },
  {
    id: 'admin-keys',
    name: 'Admin keys',
    description: 'Distinct keys that can act as owner or admin of the unit’s contracts.',
    unit: 'count',
    source: 'chain',
  },
  {
    id: 'multisig-threshold',
    name: 'Multisig threshold',
    description: 'Signatures required by the controlling multisig, as a share of its owners.',
    unit: 'share',
    source: 'chain',
  },
  {
    id: 'timelock-delay',
    name: 'Timelock delay',
    description: 'Minimum delay of the controlling timelock, in seconds.',
    unit: 'seconds',
    source: 'chain',
  },
];
