import { createPublicClient, http } from 'viem';
import { DEFAULT_BLOCK_RANGE, readGovernorHistory } from '../chain/governorHistory.js';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { Address } from '../core/observed/ControlFact.js';
import type { Importer } from './Importer.js';
import { progressBar } from './progressBar.js';
import { ENTITIES_OPTION, votingOutcome } from './votingOutcome.js';

function usage(code: 'missing-rpc' | 'invalid-block' | 'missing-option', message: string): DevolveError {
  return new DevolveError({ code: `usage/${code}`, message });
}

function blockNumber(flag: string, text: string | undefined, fallback: bigint): bigint {
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text)) throw usage('invalid-block', `${flag} '${text}' is not a block number`);
  return BigInt(text);
}

/**
 * `devolve import governor --rpc <url> --address <governor> [--from-block N]`: an OpenZeppelin
 * Governor's proposals and votes from its logs, read through viem in block ranges, into voter and
 * proposer metrics (vote weights in the token's base units).
 */
export const governorImporter: Importer = {
  name: 'governor',
  description: 'OpenZeppelin Governor history (ProposalCreated / VoteCast logs): voter and proposer metrics',
  source: 'the Governor contract address (or --address)',
  sourceOptional: true,
  options: [
    { flags: '--rpc <url>', description: 'an http(s) JSON-RPC URL (default: $DEVOLVE_RPC_URL)' },
    { flags: '--address <governor>', description: 'the Governor contract address' },
    {
      flags: '--from-block <n>',
      description: 'first block to read (e.g. the Governor’s deployment)',
      defaultValue: '0',
    },
    {
      flags: '--block-range <n>',
      description: 'blocks per eth_getLogs request',
      defaultValue: String(DEFAULT_BLOCK_RANGE),
    },
    ENTITIES_OPTION,
  ],
  async run({ source, options }) {
    const rpc = (options['rpc'] as string | undefined) ?? process.env['DEVOLVE_RPC_URL'];
    if (rpc === undefined || !/^https?:\/\//.test(rpc))
      throw usage('missing-rpc', 'give an http(s) JSON-RPC URL with --rpc <url>');
    const address = (options['address'] as string | undefined) ?? (source === '' ? undefined : source);
    if (address === undefined) throw usage('missing-option', 'name the Governor with --address <governor>');
    if (!/^0x[0-9a-fA-F]{40}$/.test(address))
      throw new DevolveError({
        code: 'chain/invalid-address',
        message: `'${address}' is not an address (0x and 40 hex digits)`,
        details: { address },
      });
    const fromBlock = blockNumber('--from-block', options['fromBlock'] as string | undefined, 0n);
    const blockRange = blockNumber(
      '--block-range',
      options['blockRange'] as string | undefined,
      DEFAULT_BLOCK_RANGE,
    );
    if (blockRange === 0n) throw usage('invalid-block', '--block-range must be at least 1');
    const client = createPublicClient({ transport: http(rpc, { retryCount: 0 }) });
    let bar: ReturnType<typeof progressBar> | undefined;
    const history = await readGovernorHistory({
      client,
      address: address.toLowerCase() as Address,
      fromBlock,
      blockRange,
      onProgress(done, total) {
        bar ??= progressBar({ label: 'blocks', total: Number(total) });
        bar.update(Number(done));
      },
    });
    bar?.finish();
    return votingOutcome({
      rows: history.logs,
      issues: history.issues,
      about: { governor: address.toLowerCase(), fromBlock: history.fromBlock, toBlock: history.toBlock },
      proposals: history.proposals,
      votes: history.votes,
      options,
    });
  },
};
