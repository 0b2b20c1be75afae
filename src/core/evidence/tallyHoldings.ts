import { type CsvColumns, columnOf, findColumns } from './CsvTable.js';
import type { ImportIssue } from './ImportIssue.js';
import type { LineTally } from './LineTally.js';
import { normalizeHolder } from './normalizeHolder.js';
import { parseTokenAmount } from './parseTokenAmount.js';
import { splitCsvLine } from './splitCsvLine.js';

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
 * are integers of base units or decimals of whole tokens (`parseTokenAmount`), summed per holder
 * (`normalizeHolder`: addresses compare case-insensitively). Blank lines are skipped; every other
 * bad line is an issue with its line and column and adds nothing.
 *
 * @example
 * const tally = tallyHoldings({ file: 'h.csv', decimals: 2 });
 * ['address,balance', '0x…01,1.5', '0x…01,2'].forEach((text, i) => tally.line(text, i + 1));
 * tally.finish().result.get('0x…01') // 350n
 */
export function tallyHoldings(args: { file: string; decimals: number }): LineTally<HoldingsByHolder> {
  const { file, decimals } = args;
  const holdings: HoldingsByHolder = new Map();
  const issues: ImportIssue[] = [];
  let columns: CsvColumns | undefined;
  let headerSeen = false;
  let rows = 0;
  return {
    line(text, line) {
      if (text.trim() === '') return;
      if (!headerSeen) {
        headerSeen = true;
        const found = findColumns({ header: text, wanted: HOLDINGS_COLUMNS, file, line });
        if (found.ok) columns = found.columns;
        else issues.push(...found.issues);
        return;
      }
      rows++;
      if (columns === undefined) return; // the header's issue already explains every row
      const split = splitCsvLine(text);
      if (!split.ok) {
        issues.push({
          file,
          line,
          column: split.column,
          code: 'import/bad-csv',
          message: split.message,
          path: 'row',
        });
        return;
      }
      const holderColumn = columns['holder']!;
      const balanceColumn = columns['balance']!;
      const holderText = split.fields[holderColumn.index];
      const balanceText = split.fields[balanceColumn.index];
      if (holderText === undefined || balanceText === undefined) {
        issues.push({
          file,
          line,
          column: text.length + 1,
          code: 'import/missing-field',
          message: `the row has ${split.fields.length} fields; the header names more`,
          path: holderText === undefined ? holderColumn.header : balanceColumn.header,
        });
        return;
      }
      const holder = normalizeHolder(holderText);
      if (!holder.ok) {
        issues.push({
          file,
          line,
          column: columnOf(text, holderColumn.index),
          code: 'import/invalid-holder',
          message: holder.message,
          path: holderColumn.header,
        });
        return;
      }
      const amount = parseTokenAmount({ text: balanceText, decimals });
      if (!amount.ok) {
        issues.push({
          file,
          line,
          column: columnOf(text, balanceColumn.index),
          code: amount.code,
          message: amount.message,
          path: balanceColumn.header,
        });
        return;
      }
      holdings.set(holder.key, (holdings.get(holder.key) ?? 0n) + amount.value);
    },
    finish() {
      if (!headerSeen)
        issues.push({
          file,
          line: 1,
          column: 1,
          code: 'import/empty',
          message: 'the file has no header line',
          path: 'header',
        });
      return { result: holdings, rows, issues };
    },
  };
}
