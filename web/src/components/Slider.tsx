import type { BoardLevel } from '../../../src/core/explain/buildBoard.js';

/**
 * A unit's slider: one notch per level, filled up to the current level, the target ringed. It is
 * read-only, so it is a meter to assistive technology, named after the unit and valued in words.
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
      class={`slider${props.compact ? ' slider--compact' : ''}`}
      role="meter"
      aria-label={`${props.name} slider`}
      aria-valuemin={0}
      aria-valuemax={top}
      aria-valuenow={level}
      aria-valuetext={`${current}, level ${level} of ${top}; target ${goal}`}
    >
      <div class="slider__track" aria-hidden="true">
        <div class="slider__fill" style={{ width: `${top === 0 ? 100 : (level / top) * 100}%` }} />
        {levels.map((l) => (
          <span
            key={l.id}
            class={`slider__notch${l.index <= level ? ' is-reached' : ''}${l.index === target ? ' is-target' : ''}${l.index === level ? ' is-current' : ''}`}
            style={{ left: `${top === 0 ? 100 : (l.index / top) * 100}%` }}
            title={`${l.index} · ${l.name}`}
          />
        ))}
      </div>
    </div>
  );
}
