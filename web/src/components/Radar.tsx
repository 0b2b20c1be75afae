import type { BoardUnit } from '../../../src/core/explain/buildBoard.js';

const SIZE = 220;
const CENTER = SIZE / 2;
const RADIUS = 78;
/** Room either side for the axis labels. */
const PAD = 56;
/** Beyond this many units the labels would overlap; up to it, the axes keep their titles. */
const MAX_LABELS = 10;

function point(index: number, count: number, fraction: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [CENTER + Math.cos(angle) * RADIUS * fraction, CENTER + Math.sin(angle) * RADIUS * fraction];
}

const polygon = (fractions: readonly number[]) =>
  fractions
    .map((f, i) =>
      point(i, fractions.length, f)
        .map((v) => v.toFixed(1))
        .join(','),
    )
    .join(' ');

/** Every axis, centre to rim, as one path. */
const axes = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const [x, y] = point(i, count, 1);
    return `M${CENTER} ${CENTER}L${x.toFixed(1)} ${y.toFixed(1)}`;
  }).join('');

const fraction = (unit: BoardUnit, level: number) =>
  unit.levels.length <= 1 ? 1 : level / (unit.levels.length - 1);

/**
 * A dimension's radar: one axis per unit, the current levels as a filled shape and the targets as
 * a dashed outline, each level as a share of its own ladder. Inline SVG; the figure's text
 * alternative lists the same numbers.
 */
export function Radar(props: { name: string; units: readonly BoardUnit[] }) {
  const { units } = props;
  // Fewer than three axes make no area: pad with empty axes so the shape still reads.
  const count = Math.max(units.length, 3);
  const current = Array.from({ length: count }, (_, i) => {
    const u = units[i];
    return u === undefined ? 0 : fraction(u, u.level.index);
  });
  const target = Array.from({ length: count }, (_, i) => {
    const u = units[i];
    return u === undefined ? 0 : fraction(u, u.target.index);
  });
  const summary = units.map((u) => `${u.name} ${u.level.name} (target ${u.target.name})`).join('; ');
  return (
    <figure class="radar">
      <svg
        viewBox={`${-PAD} 0 ${SIZE + 2 * PAD} ${SIZE}`}
        role="img"
        aria-label={`${props.name}: ${summary}`}
      >
        {[0.25, 0.5, 0.75, 1].map((ring) => (
          <polygon key={ring} class="radar__ring" points={polygon(Array(count).fill(ring))} />
        ))}
        {units.length > MAX_LABELS ? (
          // Unlabelled, the axes are one path: a line and a title per unit would be hundreds of elements.
          <path class="radar__axis" d={axes(count)} />
        ) : (
          current.map((_, i) => {
            const [x, y] = point(i, count, 1);
            const unit = units[i];
            return (
              <line key={unit?.id ?? `pad-${i}`} class="radar__axis" x1={CENTER} y1={CENTER} x2={x} y2={y}>
                {unit === undefined ? null : <title>{unit.name}</title>}
              </line>
            );
          })
        )}
        <polygon class="radar__target" points={polygon(target)} />
        <polygon class="radar__current" points={polygon(current)} />
        {units.length <= MAX_LABELS &&
          units.map((unit, i) => {
            const [x, y] = point(i, count, 1.2);
            const anchor = Math.abs(x - CENTER) < 4 ? 'middle' : x > CENTER ? 'start' : 'end';
            return (
              <text
                key={unit.id}
                class="radar__label"
                x={x}
                y={y}
                text-anchor={anchor}
                dominant-baseline="middle"
              >
                {unit.name.length > 14 ? `${unit.name.slice(0, 13)}…` : unit.name}
              </text>
            );
          })}
      </svg>
      <figcaption class="radar__legend">
        <span class="legend legend--current">Current</span>
        <span class="legend legend--target">Target</span>
      </figcaption>
    </figure>
  );
}
