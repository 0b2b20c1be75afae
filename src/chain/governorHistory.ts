import { type PublicClient, parseAbiItem } from 'viem';
import type { ImportIssue } from '../core/evidence/ImportIssue.js';
import type { ProposalFact, VoteFact } from '../core/metrics/votingReport.js';
import type { Address } from '../core/observed/ControlFact.js';
import { rpcFailed } from './tryCall.js';

/** OpenZeppelin Governor's events (5.x, and 4.x: the same signatures). */
export const GOVERNOR_EVENTS = [
  parseAbiItem(
    'event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)',
  ),
  parseAbiItem(
    'event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)',
  ),
  parseAbiItem(
    'event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)',
  ),
] as const;

/** Blocks asked for in one `eth_getLogs` call; public RPCs often refuse more than 10,000. */
export const DEFAULT_BLOCK_RANGE = 10_000n;

/** A Governor's history: proposals and votes as facts, and every log that could not be read. */
export interface GovernorHistory {
  readonly proposals: ProposalFact[];
  readonly votes: VoteFact[];
  readonly issues: ImportIssue[];
  /** Logs read (the rows of this import). */
  logs: number;
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
}

/**
 * Reads a Governor's `ProposalCreated`, `VoteCast` and `VoteCastWithParams` logs from `fromBlock`
 * to the chain's head at the start, `blockRange` blocks per request, in chain order. A vote's
 * weight is the token's base units, exact. A log that does not decode is an issue located by its
 * block (as the line) and log index (as the column), never skipped silently; so is a second vote
 * by one voter on one proposal. An unreachable RPC is `chain/rpc-failed`.
 *
 * @example
 * const history = await readGovernorHistory({ client, address: '0x…', fromBlock: 0n });
 */
export async function readGovernorHistory(args: {
  client: PublicClient;
  address: Address;
  fromBlock: bigint;
  blockRange?: bigint;
  onProgress?: (done: bigint, total: bigint) => void;
}): Promise<GovernorHistory> {
  const range = args.blockRange ?? DEFAULT_BLOCK_RANGE;
  let head: bigint;
  try {
    head = await args.client.getBlockNumber();
  } catch (error) {
    throw rpcFailed(args.address, error);
  }
  const history: GovernorHistory = {
    proposals: [],
    votes: [],
    issues: [],
    logs: 0,
    fromBlock: args.fromBlock,
    toBlock: head,
  };
  const ballots = new Set<string>();
  const file = `governor ${args.address}`;
  const issue = (
    log: { blockNumber: bigint | null; logIndex: number | null },
    code: string,
    message: string,
  ) =>
    history.issues.push({
      file,
      line: Number(log.blockNumber ?? 0n),
      column: (log.logIndex ?? 0) + 1,
      code,
      message,
      path: 'log',
    });
  for (let from = args.fromBlock; from <= head; from += range) {
    const to = from + range - 1n < head ? from + range - 1n : head;
    let logs: Awaited<ReturnType<typeof readRange>>;
    const readRange = () =>
      args.client.getLogs({ address: args.address, events: GOVERNOR_EVENTS, fromBlock: from, toBlock: to });
    try {
      logs = await readRange();
    } catch (error) {
      throw rpcFailed(args.address, error);
    }
    // Within a range the node answers in chain order; ranges are read in order.
    for (const log of logs) {
      history.logs++;
      const decoded = log as unknown as { eventName?: string; args?: Record<string, unknown> };
      const a = decoded.args ?? {};
      if (decoded.eventName === 'ProposalCreated') {
        if (typeof a['proposalId'] !== 'bigint' || typeof a['proposer'] !== 'string') {
          issue(log, 'import/invalid-log', 'a ProposalCreated log without its proposal id or proposer');
          continue;
        }
        history.proposals.push({
          id: (a['proposalId'] as bigint).toString(),
          proposer: (a['proposer'] as string).toLowerCase(),
        });
      } else if (decoded.eventName === 'VoteCast' || decoded.eventName === 'VoteCastWithParams') {
        if (
          typeof a['voter'] !== 'string' ||
          typeof a['proposalId'] !== 'bigint' ||
          typeof a['weight'] !== 'bigint'
        ) {
          issue(
            log,
            'import/invalid-log',
            `a ${decoded.eventName} log without its voter, proposal id or weight`,
          );
          continue;
        }
        const proposal = (a['proposalId'] as bigint).toString();
        const voter = (a['voter'] as string).toLowerCase();
        const ballot = `${proposal}\n${voter}`;
        if (ballots.has(ballot)) {
          issue(log, 'import/duplicate-vote', `${voter} has a second vote on proposal ${proposal}`);
          continue;
        }
        ballots.add(ballot);
        history.votes.push({ proposal, voter, weight: a['weight'] as bigint });
      } else issue(log, 'import/invalid-log', 'a log that is none of the Governor events asked for');
    }
    args.onProgress?.(to - args.fromBlock + 1n, head - args.fromBlock + 1n);
  }
  return history;
}
