/** Words for a proposal's phase, and the badge colour family it takes. */
const PHASE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  draft: ['Draft', 'waiting'],
  consultation: ['Consultation', 'waiting'],
  voting: ['Voting', 'due'],
  deciding: ['Deciding', 'due'],
  'veto-window': ['Veto window', 'due'],
  timelock: ['Timelock', 'waiting'],
  passed: ['Passed', 'met'],
  executed: ['Executed', 'met'],
  rejected: ['Rejected', 'blocked'],
  vetoed: ['Vetoed', 'blocked'],
  expired: ['Expired', 'unknown'],
};

export const phaseWords = (phase: string) => PHASE_WORDS[phase]?.[0] ?? phase;

export function PhaseBadge(props: { phase: string }) {
  const [words, tone] = PHASE_WORDS[props.phase] ?? [props.phase, 'unknown'];
  return <span class={`badge badge--${tone}`}>{words}</span>;
}
