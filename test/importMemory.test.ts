import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOP_K } from '../src/core/metrics/concentrationReport.js';
import { makeRatio, type Ratio } from '../src/core/ratio/Ratio.js';
import { referenceConcentration } from './support/referenceConcentration.js';
import { seededRandom } from './support/seededRandom.js';

/**
 * Importing 1,000,000 holdings rows needs memory for the distinct holders only. The file is
 * written in batches (never held whole), then imported in a child process whose heap is capped at
 * HEAP_MB — the rows' text alone (about 64 MB as strings, several times that as objects) would not
 * fit — and its metrics must equal the reference computed here from the generator's own totals.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const HEAP_MB = 96;
const ROWS = 1_000_000;
const HOLDERS = 50_000;

const dir = mkdtempSync(join(tmpdir(), 'devolve-import-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function address(i: number): string {
  return `0x${(i * 2_654_435_761).toString(16).padStart(40, '0')}`;
}

/** Every 100,000th row, from row 77,777 on, is bad; each kind in turn, with the code it must get. */
const BAD: readonly (readonly [text: (holder: string) => string, code: string])[] = [
  [(holder) => `${holder},12x`, 'import/invalid-amount'],
  [(holder) => `${holder},-5`, 'import/negative-amount'],
  [() => '0x1234,5', 'import/invalid-holder'],
  [() => ',5', 'import/invalid-holder'],
  [(holder) => `${holder},1.1234567890123456789`, 'import/too-many-decimals'],
  [(holder) => holder, 'import/missing-field'],
  [(holder) => `${holder},"5`, 'import/bad-csv'],
];

/**
 * Writes the file and returns each holder's total in base units (18 decimals) and the bad lines.
 * Balances are 1 … 10^6 tokens with nine decimal places; every eleventh row writes its address in
 * upper case (the same holder) and ends its line with CRLF.
 */
function writeHoldings(path: string) {
  const next = seededRandom(2026);
  const totals = new Map<string, bigint>();
  const bad: [number, string][] = [];
  const fd = openSync(path, 'w');
  let batch = 'address,balance\n';
  for (let r = 0; r < ROWS; r++) {
    const line = r + 2;
    const holder = address(Math.floor(next() * HOLDERS));
    if (r % 100_000 === 77_777) {
      const [text, code] = BAD[bad.length % BAD.length]!;
      batch += `${text(holder)}\n`;
      bad.push([line, code]);
    } else {
      const tokens = 1 + Math.floor(next() * 1_000_000);
      const nano = Math.floor(next() * 1e9);
      const written = r % 11 === 0 ? `0x${holder.slice(2).toUpperCase()}` : holder;
      batch += `${written},${tokens}.${String(nano).padStart(9, '0')}${r % 11 === 0 ? '\r\n' : '\n'}`;
      totals.set(holder, (totals.get(holder) ?? 0n) + BigInt(tokens) * 10n ** 18n + BigInt(nano) * 10n ** 9n);
    }
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  return { totals, bad };
}

const text = (ratio: Ratio) => `${ratio.num}/${ratio.den}`;

describe(`importing ${ROWS.toLocaleString('en')} holdings rows`, () => {
  it(`works in a ${HEAP_MB} MB heap; its metrics equal the reference and bad rows are reported by line`, async () => {
    const path = join(dir, 'holdings.csv');
    const { totals, bad } = writeHoldings(path);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MB}`,
        '--import',
        TSX,
        join(ROOT, 'test/support/importHoldingsReport.ts'),
        path,
        '18',
      ],
      { cwd: ROOT, maxBuffer: 1 << 20 },
    );
    const got = JSON.parse(stdout) as Record<string, unknown>;
    // The cap took effect (V8 adds its young generation and some slack to the old space's cap).
    expect(got['heapLimitMb']).toBeLessThan(HEAP_MB + 64);

    const reference = referenceConcentration(totals.values());
    // Top-10 share: the ten largest totals over the sum of all.
    const largest = [...totals.values()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)).slice(0, DEFAULT_TOP_K);
    const top = largest.reduce((a, b) => a + b, 0n);
    expect(got).toEqual({
      rows: ROWS,
      issues: bad,
      holders: totals.size,
      total: String(reference.total),
      gini: text(reference.gini),
      herfindahl: text(reference.hhi),
      nakamoto: reference.nakamoto,
      topShare: text(makeRatio(top, reference.total)),
      heapLimitMb: got['heapLimitMb'],
    });
    expect(totals.size).toBe(HOLDERS);
  }, 180_000);
});
