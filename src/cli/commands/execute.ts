import type { Command } from 'commander';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

/** `devolve execute <proposal>`: carries out a passed proposal once its veto window and timelock are over. */
// Shaped like advise.ts and proposal.ts by design: one file per command declares its words;
// recording the act is shared (recordAction.ts).
export function registerExecute(program: Command): void {
  withActOptions(
    program
      .command('execute')
      .description('carry out a passed proposal once every window and timelock is over')
      .argument('<proposal>', 'the proposal id'),
  ).action(async (proposal: string, options: ActOptions) => {
    await act({ options, kind: 'proposal.execute', payload: { proposal }, done: `executed ${proposal}` });
  });
}
