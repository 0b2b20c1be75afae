import { csvTally } from './CsvTable.js';
import { HolderSums } from './HolderSums.js';
import type { LineTally } from './LineTally.js';
import { normalizeHolder } from './normalizeHolder.js';
import { parseTokenAmount } from './parseTokenAmount.js';

/** Accepted header names of a holdings CSV, case-insensitive. */
export const HOLDINGS_COLUMNS = {
  holder: ['address', 'member', 'holder', 'account'],
  balance: ['balance', 'amount'],
} as const;

/** Balances per holder in base units; a holder listed on several rows holds the sum. */
export type HoldingsByHolder = Map<string, bigint>;

/**
 * The pure part of the holdings importer: a CSV with a header naming a holder column (`address`,
 * `member`, `holder` or `account`) and a `balance` (or `amount`) column, one row per line. Balances
 * are whole tokens scaled by `decimals` (`parseTokenAmount`), summed per holder (`normalizeHolder`:
 * addresses compare case-insensitively). Blank lines are skipped; every other bad line is an issue
 * with its line and column and adds nothing.
 *
 * @example
 * const tally = tallyHoldings({ file: 'h.csv', decimals: 2 });
 * ['address,balance', '0x…01,1.5', '0x…01,2'].forEach((text, i) => tally.line(text, i + 1));
 * tally.finish().result.get('0x…01') // 150n + 200n = 350n
 */
export function tallyHoldings(args: { file: string; decimals: number }): LineTally<HoldingsByHolder> {
  // Rows of a plain address and plain digits are summed from their bytes, with no string or bigint
  // made per row (`HolderSums.addRow`); other plain digit amounts without a bigint (`add`); any
  // other text goes through `parseTokenAmount`, which accepts it or says why not.
  const sums = new HolderSums();
  return csvTally({
    file: args.file,
    wanted: HOLDINGS_COLUMNS,
    result: () => sums.result(),
    fastRow: (bytes, start, end) => sums.addRow(bytes, start, end, args.decimals),
    row({ fields, columns, report }) {
      const holder = normalizeHolder(fields[columns['holder']!.index]!);
      if (!holder.ok)
        return report({ column: 'holder', code: 'import/invalid-holder', message: holder.message });
      const text = fields[columns['balance']!.index]!;
      if (sums.add(holder.key, text, args.decimals)) return;
      const amount = parseTokenAmount({ text, decimals: args.decimals });
      if (!amount.ok) return report({ column: 'balance', code: amount.code, message: amount.message });
      sums.addBig(holder.key, amount.value);
    },
  });
}
