import type { Command } from 'commander';
import { usageError } from '../CliError.js';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

const DECISIONS = ['passed', 'rejected'] as const;

/**
 * `devolve decide <proposal> <passed|rejected>`: the decision of a single owner, or of the
 * proposer once the advice process has run; `--reason` where the policy asks for a rationale.
 */
export function registerDecide(program: Command): void {
  withActOptions(
    program
      .command('decide')
      .description('decide a proposal you own (single owner) or proposed (advice process)')
      .argument('<proposal>', 'the proposal id')
      .argument('<decision>', 'passed or rejected')
      .option('--reason <text>', 'why (required where the policy asks for a rationale)'),
  ).action(async (proposal: string, decision: string, options: ActOptions & { reason?: string }) => {
    if (!(DECISIONS as readonly string[]).includes(decision))
      throw usageError({
        code: 'bad-decision',
        message: `'${decision}' is not a decision`,
        hint: 'say passed or rejected',
      });
    await act({
      options,
      kind: 'proposal.decide',
      payload: { proposal, decision, ...(options.reason === undefined ? {} : { reason: options.reason }) },
      done: `decided ${proposal}: ${decision}`,
    });
  });
}
