import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seededRandom.js';
import { groupByEntity } from '../core/evidence/groupByEntity.js';
import { concentrationReport } from '../core/metrics/concentrationReport.js';
import { makeRatio } from '../core/ratio/Ratio.js';
import { readEntities } from './entitiesImporter.js';
import { readHoldings } from './readHoldings.js';

const dir = mkdtempSync(join(tmpdir(), 'devolve-holdings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function address(i: number): string {
  return `0x${i.toString(16).padStart(40, '0')}`;
}

describe('readHoldings', () => {
  it('sums rows per holder, scales decimals and reports every bad row by line and column', async () => {
    const path = join(dir, 'small.csv');
    const upper = '0xABCDEF0000000000000000000000000000000001';
    writeFileSync(
      path,
      [
        'address,balance', // line 1
        `${upper},1.5`, // 1.5 tokens at 2 decimals = 150
        `${upper.toLowerCase()},2`, // the same holder (case-insensitive): 150 + 2·10^2 = 350
        'alice,0.25', // a member id: 25
        '', // blank: skipped
        '0x1234,5', // line 6: truncated address
        'bob,-3', // line 7: negative
        'carol,1.234', // line 8: three decimals, the token has two
        'dave', // line 9: no balance field
        'erin,"12', // line 10: unclosed quote
        'frank,abc', // line 11: not a number
      ].join('\r\n'),
    );
    const { result, rows, issues } = await readHoldings({ path, decimals: 2 });
    expect(Object.fromEntries(result)).toEqual({ [upper.toLowerCase()]: 350n, alice: 25n });
    expect(rows).toBe(9);
    expect(issues.map((i) => [i.line, i.column, i.code, i.path])).toEqual([
      [6, 1, 'import/invalid-holder', 'address'],
      [7, 5, 'import/negative-amount', 'balance'],
      [8, 7, 'import/too-many-decimals', 'balance'],
      [9, 5, 'import/missing-field', 'balance'],
      [10, 6, 'import/bad-csv', 'row'],
      [11, 7, 'import/invalid-amount', 'balance'],
    ]);
  });

  it('reports a header without a balance column once, on line 1', async () => {
    const path = join(dir, 'header.csv');
    writeFileSync(path, 'address,tokens\nalice,1\n');
    const { issues } = await readHoldings({ path, decimals: 0 });
    expect(issues.map((i) => [i.line, i.code])).toEqual([[1, 'import/missing-column']]);
  });

  it('a missing file is import/not-found', async () => {
    await expect(readHoldings({ path: join(dir, 'nope.csv'), decimals: 0 })).rejects.toMatchObject({
      code: 'import/not-found',
    });
  });

  it('imports 1,000,000 rows: the metrics equal a reference computation, bad rows are reported by line', async () => {
    // 1,000,000 data rows over 50,000 holders (each appears about 20 times), balances in tokens
    // of 18 decimals with nine decimal places, or whole tokens for every seventh row; every 100,003rd
    // row is made bad. Holder i belongs to entity `e{i mod 997}` in the entities file.
    const ROWS = 1_000_000;
    const HOLDERS = 50_000;
    const next = seededRandom(11);
    const path = join(dir, 'million.csv');
    const lines = ['holder,balance'];
    const badLines: number[] = [];
    const reference = new Map<string, bigint>();
    for (let r = 0; r < ROWS; r++) {
      const line = r + 2;
      const holder = address(Math.floor(next() * HOLDERS));
      const tokens = Math.floor(next() * 10_000);
      const asInteger = r % 7 === 0;
      const nano = asInteger ? 0 : Math.floor(next() * 1e9);
      const wei = BigInt(tokens) * 10n ** 18n + BigInt(nano) * 10n ** 9n;
      if (r % 100_003 === 50_000) {
        lines.push(`${holder},12x`);
        badLines.push(line);
        continue;
      }
      const text = asInteger ? `${tokens}` : `${tokens}.${String(nano).padStart(9, '0')}`;
      lines.push(`${holder},${text}`);
      reference.set(holder, (reference.get(holder) ?? 0n) + wei);
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
    lines.length = 0;
    const entitiesPath = join(dir, 'entities.csv');
    writeFileSync(
      entitiesPath,
      `address,entity\n${Array.from({ length: HOLDERS }, (_, i) => `${address(i)},e${i % 997}`).join('\n')}\n`,
    );

    const { result, rows, issues } = await readHoldings({ path, decimals: 18 });
    expect(rows).toBe(ROWS);
    expect(issues.map((i) => i.line)).toEqual(badLines);
    expect(issues.every((i) => i.code === 'import/invalid-amount')).toBe(true);
    expect(result.size).toBe(reference.size);

    // Reference Gini by its definition over the ascending holdings x_(1) … x_(n):
    // G = 2·Σ i·x_(i) / (n·Σx) − (n + 1)/n = (2·Σ i·x_(i) − (n + 1)·Σx) / (n·Σx).
    const sorted = [...reference.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const n = BigInt(sorted.length);
    let total = 0n;
    let weighted = 0n;
    sorted.forEach((x, i) => {
      total += x;
      weighted += BigInt(i + 1) * x;
    });
    const report = concentrationReport({ holdings: result.values() });
    expect(report.total).toBe(total);
    expect(report.gini.ratio).toEqual(makeRatio(2n * weighted - (n + 1n) * total, n * total));
    // Reference Nakamoto: the fewest largest holders whose sum exceeds half the total.
    let count = 0;
    let sum = 0n;
    for (let i = sorted.length - 1; 2n * sum <= total; i--) {
      sum += sorted[i]!;
      count++;
    }
    expect(report.nakamoto.count).toBe(count);

    // Over entities: 997 entities, their holdings the sums of their members'.
    const entities = await readEntities({ path: entitiesPath });
    expect(entities.issues).toEqual([]);
    const byEntity = new Map<string, bigint>();
    for (const [holder, amount] of reference) {
      const key = `e${Number.parseInt(holder.slice(2), 16) % 997}`;
      byEntity.set(key, (byEntity.get(key) ?? 0n) + amount);
    }
    const grouped = groupByEntity({ amounts: result, entities: entities.result });
    expect(grouped).toEqual(byEntity);
    expect(concentrationReport({ holdings: grouped.values() }).holders).toBe(997);
  }, 120_000);
});
