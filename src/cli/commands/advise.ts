import type { Command } from 'commander';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

/** `devolve advise <proposal> <advice>`: advice from a consulted member, recorded before the proposer decides. */
// Shaped like object.ts and veto.ts by design: one file per command declares its words;
// recording the act is shared (recordAction.ts).
export function registerAdvise(program: Command): void {
  withActOptions(
    program
      .command('advise')
      .description('give your advice on a proposal you are consulted on')
      .argument('<proposal>', 'the proposal id')
      .argument('<advice>', 'your advice'),
  ).action(async (proposal: string, advice: string, options: ActOptions) => {
    await act({
      options,
      kind: 'proposal.advise',
      payload: { proposal, advice },
      done: `advised on ${proposal}`,
    });
  });
}
