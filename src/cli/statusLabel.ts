import type { Recommendation } from '../core/planner/makePlan.js';
import type { Style } from './output.js';

const STATUS_WORDS: Record<Recommendation['status'], string> = {
  ready: 'ready',
  blocked: 'blocked',
  'not-ready': 'not ready',
  unknown: 'evidence missing',
};

/** A move's readiness in a word, coloured: green when ready, red when blocked, yellow otherwise. */
export function statusLabel(status: Recommendation['status'], style: Style): string {
  const word = STATUS_WORDS[status];
  if (status === 'ready') return style.green(word);
  if (status === 'blocked') return style.red(word);
  return style.yellow(word);
}
