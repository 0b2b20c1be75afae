import type { Command } from 'commander';
import { whatIf } from '../../core/governance/views/whatIf.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson } from '../output.js';
import { readRuntime } from '../readRuntime.js';
import { type ReadOptions, withReadOptions } from '../recordAction.js';

/**
 * `devolve whatif <unit> --level <k>`: replays the unit's past decisions under level k's policy
 * and reports which outcomes would have differed, and why. Exit 0 whatever it finds.
 */
export function registerWhatif(program: Command): void {
  withReadOptions(
    program
      .command('whatif')
      .description(
        "replay a unit's past decisions under another level's policy: which would have gone otherwise",
      )
      .argument('<unit>', 'the unit')
      .requiredOption('--level <level>', 'the level whose policy to replay under, by id or position'),
  ).action(async (unitId: string, options: ReadOptions & { level: string }) => {
    const state = await readRuntime(options);
    const unit = state.organization.units.find((u) => u.id === unitId);
    if (unit === undefined)
      throw usageError({
        code: 'unknown-unit',
        message: `${state.organization.name} has no unit '${unitId}'`,
      });
    const level = unit.levels.find((l) => l.id === options.level || String(l.index) === options.level);
    if (level === undefined)
      throw usageError({
        code: 'unknown-level',
        message: `unit '${unitId}' has no level '${options.level}'`,
        hint: `its levels: ${unit.levels.map((l) => l.id).join(', ')}`,
      });
    const decisions = whatIf({ state, unit: unit.id, level: level.index, now: Date.now() });
    if (options.json === true) {
      printJson({ org: state.id, unit: unit.id, level: { index: level.index, id: level.id }, decisions });
      return;
    }
    const style = defaultStyle();
    const differing = decisions.filter((d) => d.differs).length;
    console.log(
      `${unit.name} under ${level.name} (${level.index}): ${differing} of ${decisions.length} decision${decisions.length === 1 ? '' : 's'} would have gone otherwise`,
    );
    for (const d of decisions) {
      const mark = d.differs ? style.yellow('≠') : style.green('=');
      console.log(`  ${mark} ${d.id} ${d.title ?? ''}: ${d.actual}${d.differs ? ` → ${d.would}` : ''}`);
      for (const why of d.why) console.log(style.dim(`      ${why}`));
    }
  });
}
