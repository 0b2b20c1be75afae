import type { BoardLevel } from '../../../src/core/explain/buildBoard.js';

/**
 * A unit's slider: one notch per level, filled up to the current level, the target ringed. It is
 * read-only, so it is a meter to assistive technology, named after the unit and valued in words;
 * hovering it lists the ladder.
 *
 * It is one element: the stylesheet draws the track, the fill and the notches from `--top`,
 * `--level` and `--goal` (the board draws one per unit, and a span per notch was most of its
 * elements).
 */
export function Slider(props: {
  name: string;
  levels: readonly BoardLevel[];
  level: number;
  target: number;
  compact?: boolean;
}) {
  const { levels, level, target } = props;
  const top = levels.length - 1;
  const current = levels[level]?.name ?? `level ${level}`;
  const goal = levels[target]?.name ?? `level ${target}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot draw the notches and the target ring.
    <div
      class={`slider${props.compact ? ' slider--compact' : ''}${target === level ? '' : ' slider--ahead'}`}
      style={`--top:${Math.max(top, 1)};--level:${level};--goal:${target}`}
      role="meter"
      aria-label={`${props.name} slider`}
      aria-valuemin={0}
      aria-valuemax={top}
      aria-valuenow={level}
      aria-valuetext={`${current}, level ${level} of ${top}; target ${goal}`}
      title={levels.map((l) => `${l.index} · ${l.name}`).join('\n')}
    />
  );
}
