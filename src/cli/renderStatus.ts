import type { Board, BoardUnit } from '../core/explain/buildBoard.js';
import { findingSentence } from '../core/observed/describeObserved.js';
import type { ObservedUnit } from '../core/observed/observeOrganization.js';
import type { Recommendation } from '../core/planner/makePlan.js';
import { displayWidth, fitLine } from './fitToWidth.js';
import type { Style } from './output.js';
import { statusLabel } from './statusLabel.js';

/**
 * A slider in text: one notch per level, `●` passed, `◆` current, `○` still to go up to the
 * target `◎`, `·` beyond the target.
 */
export function drawSlider(unit: BoardUnit, style: Style): string {
  return unit.levels
    .map((level) => {
      if (level.index === unit.level.index) return style.bold(style.cyan('◆'));
      if (level.index < unit.level.index) return style.cyan('●');
      if (level.index === unit.target.index) return '◎';
      if (level.index < unit.target.index) return '○';
      return style.dim('·');
    })
    .join(style.dim('─'));
}

/**
 * The board in the terminal: a slider per unit, by dimension, with the readiness of its next
 * move. Fitted to `width` columns: where a unit's line would be wider, its target and next move
 * go on a line of their own, and long lines break between words. Under a unit, a line per finding
 * of `observed` (declared above what the evidence supports), with its evidence.
 */
export function renderStatus(args: {
  board: Board;
  next: ReadonlyMap<string, Recommendation>;
  style: Style;
  width?: number;
  observed?: readonly ObservedUnit[];
}): string {
  const { board, next, style } = args;
  const width = args.width ?? Number.POSITIVE_INFINITY;
  const units = board.dimensions.flatMap((d) => d.units);
  const nameWidth = Math.max(...units.map((u) => u.name.length));
  const sliderWidth = Math.max(...units.map((u) => u.levels.length * 2 - 1));
  const where = (u: BoardUnit) =>
    u.target.index === u.level.index
      ? `${u.level.index}/${u.levels.length - 1} ${u.level.name} (at target)`
      : `${u.level.index}/${u.levels.length - 1} ${u.level.name} → ${u.target.name}`;
  const whereWidth = Math.max(...units.map((u) => where(u).length));
  const out = [
    `${style.bold(board.organization.name)} ${style.dim(`(${board.organization.kind})`)}`,
    style.dim(`${units.length} units · ● passed  ◆ today  ○ to go  ◎ target`),
  ];
  const readinessOf = (unit: BoardUnit): string => {
    const move = next.get(unit.id);
    if (move === undefined) return '';
    const detail =
      move.status === 'blocked'
        ? ` by ${move.dependencies
            .filter((d) => !d.met)
            .map((d) => d.text)
            .join(', ')}`
        : move.counts.total === 0
          ? ''
          : ` (${move.counts.met}/${move.counts.total} met)`;
    return `next: ${statusLabel(move.status, style)}${detail === '' ? '' : style.dim(detail)}`;
  };
  const alignedOf = (unit: BoardUnit): string => {
    const pad = ' '.repeat(sliderWidth - (unit.levels.length * 2 - 1));
    const plain = where(unit);
    const readiness = readinessOf(unit);
    const head = `  ${unit.name.padEnd(nameWidth)}  ${drawSlider(unit, style)}${pad}  ${plain}`;
    return readiness === '' ? head : `${head}${' '.repeat(whereWidth - plain.length)}  ${readiness}`;
  };
  // One layout for the whole board: aligned columns when every unit fits on its line, else two
  // lines per unit — the unit, its slider and its level; then its target and next move.
  const aligned = units.every((unit) => displayWidth(alignedOf(unit)) <= width);
  const findingsOf = (unit: BoardUnit): string[] =>
    (args.observed?.find((o) => o.unit === unit.id)?.findings ?? []).flatMap((f) =>
      fitLine(`    ${style.red('✗')} ${findingSentence(f)}`, width, 6),
    );
  for (const dimension of board.dimensions) {
    out.push('', style.bold(dimension.name));
    for (const unit of dimension.units) {
      if (aligned) {
        out.push(alignedOf(unit), ...findingsOf(unit));
        continue;
      }
      const today = `${unit.level.index}/${unit.levels.length - 1} ${unit.level.name}`;
      const ahead = unit.target.index === unit.level.index ? '(at target)' : `→ ${unit.target.name}`;
      out.push(
        ...fitLine(`  ${unit.name}  ${drawSlider(unit, style)}  ${today}`, width, 4),
        ...fitLine(`    ${[ahead, readinessOf(unit)].filter((part) => part !== '').join('  ')}`, width, 6),
        ...findingsOf(unit),
      );
    }
  }
  return out.join('\n');
}
