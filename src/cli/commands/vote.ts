import type { Command } from 'commander';
import { usageError } from '../CliError.js';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

/** A ballot from the command line: a choice (`for`, `against`, `abstain`), or `--ballot <json>` for other methods. */
export function ballotFrom(args: { choice: string | undefined; ballot: string | undefined }): unknown {
  if (args.ballot !== undefined) {
    try {
      return JSON.parse(args.ballot);
    } catch (error) {
      throw usageError({
        code: 'bad-ballot',
        message: `--ballot is not JSON: ${(error as Error).message}`,
        hint: `e.g. --ballot '{"ranking":["a","b"]}'`,
      });
    }
  }
  if (args.choice === undefined)
    throw usageError({
      code: 'ballot-required',
      message: 'say how you vote: for, against or abstain, or --ballot <json>',
      hint: 'e.g. `devolve vote p-1 for --reason "…"`',
    });
  return { choice: args.choice };
}

/**
 * `devolve vote <proposal> [choice]`: casts a signed ballot; voting again replaces the earlier one
 * while voting is open. `--reason` is shown with the vote.
 */
export function registerVote(program: Command): void {
  withActOptions(
    program
      .command('vote')
      .description('vote on an open proposal (for, against, abstain, or --ballot for other methods)')
      .argument('<proposal>', 'the proposal id')
      .argument('[choice]', 'for, against or abstain')
      .option('--ballot <json>', 'the ballot as JSON, for ranked, approval, quadratic or split methods')
      .option('--reason <text>', 'why: shown with your vote'),
  ).action(
    async (
      proposal: string,
      choice: string | undefined,
      options: ActOptions & { ballot?: string; reason?: string },
    ) => {
      const ballot = ballotFrom({ choice, ballot: options.ballot });
      await act({
        options,
        kind: 'vote.cast',
        payload: { proposal, ballot, ...(options.reason === undefined ? {} : { reason: options.reason }) },
        done: `voted ${choice ?? options.ballot} on ${proposal}`,
      });
    },
  );
}
