import type { Command } from 'commander';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

/** `devolve veto <proposal> <reason>`: a veto by a member of a veto body, within the veto window. */
// Shaped like advise.ts and object.ts by design: one file per command declares its words;
// recording the act is shared (recordAction.ts).
export function registerVeto(program: Command): void {
  withActOptions(
    program
      .command('veto')
      .description('veto a passed proposal during its veto window, with your reason')
      .argument('<proposal>', 'the proposal id')
      .argument('<reason>', 'why'),
  ).action(async (proposal: string, reason: string, options: ActOptions) => {
    await act({ options, kind: 'proposal.veto', payload: { proposal, reason }, done: `vetoed ${proposal}` });
  });
}
