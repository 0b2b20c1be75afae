import type { Command } from 'commander';
import { DevolveError } from '../../core/errors/DevolveError.js';
import { type CharterDiff, diffCharter, type UnitChange } from '../../core/state/diffCharter.js';
import { DATA_OPTION } from '../openStore.js';
import { defaultStyle, printJson, type Style } from '../output.js';
import { readValidCharter } from '../readValidCharter.js';
import { openTarget, SERVER_OPTION } from '../serverClient.js';

interface DiffOptions {
  data?: string;
  server?: string;
  json?: boolean;
}

function describeChange(change: UnitChange, levelName: (unit: string, index: number) => string): string {
  const fields = change.fields.length === 0 ? '' : ` (${change.fields.join(', ')})`;
  switch (change.route) {
    case 'apply':
      return `${change.change}${fields} — \`devolve apply\` records it`;
    case 'move':
      return `level ${levelName(change.unit, change.level)} → ${levelName(change.unit, change.to ?? 0)}${fields} — only a slider move changes a level: \`devolve propose --move ${change.unit} --to <level>\``;
    case 'blocked':
      return `removed at level ${levelName(change.unit, change.level)} — no action removes a unit above its founder-controlled level; move it down first`;
    case 'proposal': {
      const at = change.decidedAt;
      const why = at === undefined || at.reasons.length === 0 ? '' : `; looser: ${at.reasons.join(', ')}`;
      return `${change.change}${fields} at level ${levelName(change.unit, change.level)} — needs a proposal decided under level ${at?.level ?? change.level} (${at?.levelId ?? ''})${why}`;
    }
  }
}

/** The diff in the terminal: one line per unit that changes, marked by how it can be made. */
export function renderDiff(args: {
  diff: CharterDiff;
  name: string;
  style: Style;
  levelName: (unit: string, index: number) => string;
}): string {
  const { diff, style } = args;
  if (diff.sections.length === 0)
    return `${style.green('✓')} ${args.name}: the charter is the one in force; nothing changes`;
  const mark = {
    apply: style.green('✓'),
    proposal: style.yellow('◇'),
    move: style.yellow('↕'),
    blocked: style.red('✗'),
  } as const;
  const width = Math.max(0, ...diff.units.map((u) => u.unit.length));
  const lines = [
    `${args.name}: changes ${diff.sections.join(', ')}`,
    ...diff.units.map(
      (u) => `  ${mark[u.route]} ${u.unit.padEnd(width)}  ${describeChange(u, args.levelName)}`,
    ),
  ];
  if (diff.units.length === 0) lines.push(style.dim('  no unit is governed differently'));
  lines.push(
    diff.applicable
      ? style.dim('  every change can be recorded directly with `devolve apply` (by an owner of each unit)')
      : style.dim('  `devolve apply` would be refused; open the proposals with `devolve propose charter`'),
  );
  return lines.join('\n');
}

/**
 * `devolve diff [file]`: like a plan before an apply — what the edited charter changes against the
 * charter in force in the log, unit by unit, and for each change whether an owner records it
 * directly (`devolve apply`), it needs a proposal under which level's policy, or it is a slider
 * move. Exit 0 whatever it finds; 1 for an invalid charter, 2 for a usage error.
 */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(
      'show what an edited charter changes against the one in force, and how each change can be made',
    )
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option(...DATA_OPTION)
    .option(...SERVER_OPTION)
    .option('--json', 'print the diff as JSON')
    .action(async (file: string, options: DiffOptions) => {
      const json = options.json === true;
      const { organization, input, file: charterFile } = await readValidCharter({ file, json });
      const { target } = await openTarget({
        server: options.server,
        data: options.data,
        charterFile,
        mode: 'read',
      });
      try {
        let state: Awaited<ReturnType<typeof target.readState>>;
        try {
          state = await target.readState({ org: organization.id });
        } catch (error) {
          if (!(error instanceof DevolveError) || error.code !== 'organization/not-found') throw error;
          if (json) printJson({ org: organization.id, recorded: false });
          else console.log(`${organization.name} is not recorded yet: \`devolve apply\` creates it`);
          return;
        }
        const diff = diffCharter({ state, organization, input });
        if (json) {
          printJson({ org: organization.id, recorded: true, seq: state.seq, head: state.head, ...diff });
          return;
        }
        const levelName = (unit: string, index: number) => {
          const level = (
            organization.units.find((u) => u.id === unit) ??
            state.organization.units.find((u) => u.id === unit)
          )?.levels[index];
          return level === undefined ? String(index) : `${index} ${level.name}`;
        };
        const style = defaultStyle();
        console.log(
          renderDiff({
            diff,
            name: `${organization.name} ${style.dim(`(${organization.id})`)}`,
            style,
            levelName,
          }),
        );
      } finally {
        await target.close();
      }
    });
}
