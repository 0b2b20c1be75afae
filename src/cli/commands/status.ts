import type { Command } from 'commander';
import { type BoardUnit, buildBoard } from '../../core/explain/buildBoard.js';
import { defaultStyle, printJson, type Style } from '../output.js';
import { requireOrganization } from '../requireOrganization.js';

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

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('the board: every unit as a slider, grouped by dimension')
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option('--json', 'print the board as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const organization = await requireOrganization({ file, json: options.json === true });
      const board = buildBoard({ organization });
      if (options.json) {
        printJson(board);
        return;
      }
      const style = defaultStyle();
      const units = board.dimensions.flatMap((d) => d.units);
      const nameWidth = Math.max(...units.map((u) => u.name.length));
      const sliderWidth = Math.max(...units.map((u) => u.levels.length * 2 - 1));
      console.log(`${style.bold(board.organization.name)} ${style.dim(`(${board.organization.kind})`)}`);
      console.log(style.dim(`${units.length} units · ● passed  ◆ today  ○ to go  ◎ target`));
      for (const dimension of board.dimensions) {
        console.log(`\n${style.bold(dimension.name)}`);
        for (const unit of dimension.units) {
          const slider = drawSlider(unit, style);
          const pad = ' '.repeat(sliderWidth - (unit.levels.length * 2 - 1));
          const where =
            unit.target.index === unit.level.index
              ? `${unit.level.name} ${style.dim('(at target)')}`
              : `${unit.level.name} ${style.dim('→')} ${unit.target.name}`;
          console.log(
            `  ${unit.name.padEnd(nameWidth)}  ${slider}${pad}  ${style.dim(`${unit.level.index}/${unit.levels.length - 1}`)} ${where}`,
          );
        }
      }
    });
}
