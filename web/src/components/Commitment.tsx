import type { CommitmentView } from '../../../src/core/planner/makePlan.js';
import { countdown, formatDate } from '../format.js';

const STATUS_WORDS: Record<CommitmentView['status'], string> = {
  met: 'Kept',
  'on-track': 'On track',
  'at-risk': 'At risk',
  overdue: 'Overdue',
  due: 'Due now',
  waiting: 'Waiting',
};

export const commitmentWord = (status: CommitmentView['status']) => STATUS_WORDS[status];

/** A public commitment with its status and its countdown to the deadline. */
export function Commitment(props: { commitment: CommitmentView; now: number; showUnit?: boolean }) {
  const { commitment: c, now } = props;
  const by = c.by === undefined ? undefined : formatDate(c.by);
  // Adjacent words are one string each, and the countdown is text beside the date: the board draws
  // a commitment per unit, and every element and text node is one more for the page to make.
  return (
    <div class="commitment">
      <span class={`badge badge--${c.status}`}>{STATUS_WORDS[c.status]}</span>
      {props.showUnit ? <strong>{`${c.unitName}: `}</strong> : null}
      {by === undefined ? c.level.name : `${c.level.name} by `}
      {c.by === undefined ? null : <time dateTime={by}>{by}</time>}
      {c.by === undefined || c.status === 'met' ? null : ` (${countdown(c.by, now)})`}
      {c.unless === undefined ? null : <span class="muted">{` — unless ${c.unless}`}</span>}
    </div>
  );
}
