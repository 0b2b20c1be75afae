import type { Command } from 'commander';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

/** `devolve object <proposal> <reason>`: a reasoned objection to a consent proposal, within its window. */
// Shaped like advise.ts and veto.ts by design: one file per command declares its words;
// recording the act is shared (recordAction.ts).
export function registerObject(program: Command): void {
  withActOptions(
    program
      .command('object')
      .description('object to a consent proposal, with your reason')
      .argument('<proposal>', 'the proposal id')
      .argument('<reason>', 'why the proposal would cause harm'),
  ).action(async (proposal: string, reason: string, options: ActOptions) => {
    await act({
      options,
      kind: 'proposal.object',
      payload: { proposal, reason },
      done: `objected to ${proposal}`,
    });
  });
}
