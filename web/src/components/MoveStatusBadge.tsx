import type { MoveStatus } from '../../../src/core/readiness/assessMove.js';

const WORDS: Record<MoveStatus, string> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  blocked: 'Blocked',
  unknown: 'Needs evidence',
};

/** Whether the next move can be made: ready, not ready, blocked by another unit, or waiting on evidence. */
export function MoveStatusBadge(props: { status: MoveStatus }) {
  return <span class={`badge badge--${props.status}`}>{WORDS[props.status]}</span>;
}
