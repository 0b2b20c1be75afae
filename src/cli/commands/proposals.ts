import type { Command } from 'commander';
import { listProposals } from '../../core/governance/views/proposalView.js';
import { defaultStyle, printJson } from '../output.js';
import { nextStep } from '../proposalWords.js';
import { readRuntime } from '../readRuntime.js';
import { type ReadOptions, withReadOptions } from '../recordAction.js';

/** `devolve proposals`: every proposal with its phase and a countdown to what comes next. */
export function registerProposals(program: Command): void {
  withReadOptions(
    program.command('proposals').description('list the proposals with their state and countdown'),
  ).action(async (options: ReadOptions) => {
    const state = await readRuntime(options);
    const proposals = listProposals({ state, now: Date.now() });
    if (options.json === true) {
      printJson({ org: state.id, proposals });
      return;
    }
    const style = defaultStyle();
    if (proposals.length === 0) {
      console.log(`${state.organization.name} has no proposals yet — open one with \`devolve propose\``);
      return;
    }
    const idWidth = Math.max(...proposals.map((p) => p.id.length));
    const phaseWidth = Math.max(...proposals.map((p) => p.phase.length));
    for (const p of proposals) {
      console.log(
        `${style.bold(p.id.padEnd(idWidth))}  ${p.phase.padEnd(phaseWidth)}  ${p.unit} · ${p.kind} · ${p.title ?? ''}`,
      );
      console.log(style.dim(`${' '.repeat(idWidth + 2)}next: ${nextStep(p)}`));
    }
  });
}
