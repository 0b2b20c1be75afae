import { DevolveError } from '../core/errors/DevolveError.js';
import { tallyHoldings } from '../core/evidence/tallyHoldings.js';
import { feedFile } from './feedLines.js';

/** Reads `--decimals`: a whole number 0 … 77 (uint256 has 78 digits). */
export function parseDecimals(text: string | undefined): number {
  const decimals = Number(text ?? '18');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77)
    throw new DevolveError({
      code: 'usage/invalid-decimals',
      message: `--decimals '${text}' is not a whole number from 0 to 77`,
      details: { decimals: text },
    });
  return decimals;
}

/**
 * Streams a holdings CSV into balances per holder (see `tallyHoldings`).
 *
 * @example
 * const { result, issues } = await readHoldings({ path: 'holdings.csv', decimals: 18 });
 */
export function readHoldings(args: { path: string; decimals: number }) {
  return feedFile({ path: args.path, tally: tallyHoldings({ file: args.path, decimals: args.decimals }) });
}
