import { describeDuration } from '../time/Duration.js';
import { formatDate } from '../time/Instant.js';
import type { RoadmapBlocker, RoadmapWait } from './scheduleRoadmap.js';

/**
 * A wait in words: `90 days at Transparent (from 2025-11-01)`,
 * `after Contract upgrades reaches Delegated (2026-12-01)`.
 */
export function describeRoadmapWait(wait: RoadmapWait): string {
  switch (wait.kind) {
    case 'time-at-level':
      return `${describeDuration(wait.seconds)} at ${wait.level.name} (from ${formatDate(wait.since)})`;
    case 'unit-level':
      return `after ${wait.unitName} reaches ${wait.level.name} (${formatDate(wait.at)})`;
  }
}

const WHY: Record<Extract<RoadmapBlocker, { kind: 'unit-level' }>['why'], string> = {
  'beyond-target': 'beyond its target',
  cycle: 'which waits on this move',
  undated: 'which has no date',
};

/**
 * Why a move has no date, in words: `needs 3 decisions at Delegated`,
 * `needs Beta at Delegated, beyond its target`.
 */
export function describeRoadmapBlocker(blocker: RoadmapBlocker): string {
  switch (blocker.kind) {
    case 'unit-level':
      return `needs ${blocker.unitName} at ${blocker.level.name}, ${WHY[blocker.why]}`;
    case 'previous-move':
      return `follows the move to ${blocker.level.name}, which has no date`;
    case 'decisions-at-level': {
      const noun = blocker.required === 1 ? 'decision' : 'decisions';
      const sofar = blocker.actual === 0 ? '' : ` (${blocker.actual} so far)`;
      return `needs ${blocker.required} ${noun} at ${blocker.level.name}${sofar}`;
    }
    case 'criterion':
      return `needs ${blocker.result.text} — ${blocker.result.reason}`;
  }
}
