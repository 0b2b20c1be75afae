import type { Command } from 'commander';
import { buildBoard } from '../../core/explain/buildBoard.js';
import { observedByUnit } from '../../core/observed/describeObserved.js';
import { fitLine, terminalWidth } from '../fitToWidth.js';
import { defaultStyle, printJson } from '../output.js';
import { describeLevelSource } from '../readCharterInForce.js';
import { type PlanOptions, readPlanFor, withPlanOptions } from '../readPlan.js';
import { renderStatus } from '../renderStatus.js';

export function registerStatus(program: Command): void {
  withPlanOptions(
    program
      .command('status')
      .description(
        'the board: every unit as a slider, grouped by dimension, with the readiness of its next move',
      ),
    { asOf: 'readiness', json: 'print the board as JSON' },
  ).action(async (file: string, options: PlanOptions) => {
    const json = options.json === true;
    const { organization, plan, source, observed } = await readPlanFor(file, options);
    const board = buildBoard({ organization });
    const next = new Map(plan.recommendations.map((r) => [r.unit, r]));
    if (json) {
      printJson({
        ...board,
        source,
        readiness: Object.fromEntries(
          [...next.values()].map((r) => [
            r.unit,
            {
              to: r.to,
              status: r.status,
              met: r.counts.met,
              total: r.counts.total,
              blockedBy: r.blockedBy,
            },
          ]),
        ),
        observed: observedByUnit(observed),
      });
      return;
    }
    const style = defaultStyle();
    const width = terminalWidth();
    console.log(style.dim(fitLine(describeLevelSource(source), width).join('\n')));
    console.log(renderStatus({ board, next, style, width, observed }));
  });
}
