import { getHeapStatistics } from 'node:v8';
import { concentrationReport } from '../../src/core/metrics/concentrationReport.js';
import type { Ratio } from '../../src/core/ratio/Ratio.js';
import { readHoldings } from '../../src/importers/readHoldings.js';

/**
 * `node --max-old-space-size=<mb> --import tsx test/support/importHoldingsReport.ts <csv> <decimals>`:
 * imports a holdings file and prints, as one JSON line, its concentration metrics (exact ratios as
 * `num/den` strings), rows, issues by line and code, and the heap limit it ran under — for the
 * bounded-memory test, which runs it with a small heap.
 */
const [path, decimals] = process.argv.slice(2);
const read = await readHoldings({ path: path!, decimals: Number(decimals) });
const report = concentrationReport({ holdings: read.result.values() });
const ratio = (r: Ratio) => `${r.num}/${r.den}`;
console.log(
  JSON.stringify({
    rows: read.rows,
    issues: read.issues.map((issue) => [issue.line, issue.code]),
    holders: report.holders,
    total: String(report.total),
    gini: ratio(report.gini.ratio),
    herfindahl: ratio(report.herfindahl.ratio),
    nakamoto: report.nakamoto.count,
    topShare: ratio(report.topShare.ratio),
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
  }),
);
