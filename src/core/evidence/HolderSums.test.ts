import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.js';
import { HolderSums } from './HolderSums.js';
import { parseTokenAmount } from './parseTokenAmount.js';

function address(i: number): string {
  return `0x${i.toString(16).padStart(40, '0')}`;
}

describe('HolderSums', () => {
  it('sums random amounts per holder exactly as bigints do, addresses and member ids alike', () => {
    const next = seededRandom(5);
    const sums = new HolderSums();
    const reference = new Map<string, bigint>();
    for (let r = 0; r < 50_000; r++) {
      // 3,000 holders: enough to grow the address table several times; every tenth is a member id.
      const i = Math.floor(next() * 3_000);
      const key = i % 10 === 0 ? `member-${i}` : address(i * 7919);
      const whole = String(Math.floor(next() * 10 ** Math.floor(next() * 16)));
      const digits = Math.floor(next() * 19);
      const text =
        next() < 0.2
          ? whole
          : `${whole}.${String(Math.floor(next() * 1e9))
              .padStart(9, '0')
              .slice(0, digits)}`;
      expect(sums.add(key, text, 18)).toBe(true);
      const parsed = parseTokenAmount({ text, decimals: 18 });
      if (!parsed.ok) throw new Error(text);
      reference.set(key, (reference.get(key) ?? 0n) + parsed.value);
    }
    expect(sums.result()).toEqual(reference);
  });

  it('leaves to the caller what is not plain digits or too long, adding nothing', () => {
    const sums = new HolderSums();
    for (const text of ['', '.', '1.2.3', '-1', ' 1', '1e5', '1.1234', '1'.repeat(19)])
      expect(sums.add('a', text, 3 + (text.length === 19 ? 15 : 0))).toBe(false);
    expect(sums.result().size).toBe(0);
    expect(sums.add('a', '1.', 2)).toBe(true);
    expect(sums.add('a', '.5', 2)).toBe(true);
    sums.addBig('a', 10n ** 40n);
    // 1. = 100 units and .5 = 50 at 2 decimals, plus 10^40.
    expect(sums.result().get('a')).toBe(10n ** 40n + 150n);
  });

  it('stays exact past nine million additions to one holder, where its limbs are folded', () => {
    const sums = new HolderSums();
    const n = 9_000_005;
    for (let i = 0; i < n; i++) sums.add('whale', '999999999.999999999999999999', 18);
    // Each adds 10^27 − 1 base units.
    expect(sums.result().get('whale')).toBe(BigInt(n) * (10n ** 27n - 1n));
  }, 120_000);

  it('adds a row of bytes as the same holder and amount as its text, and refuses any other row', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const sums = new HolderSums();
    const upper = '0xABCDEF00000000000000000000000000000000FF';
    // Addresses that differ in one hex digit each, in every position, are different holders.
    for (let i = 2; i < 42; i++) {
      const row = bytes(`${upper.slice(0, i)}${upper[i] === '1' ? '2' : '1'}${upper.slice(i + 1)},1`);
      expect(sums.addRow(row, 0, row.length, 2)).toBe(true);
    }
    const row = bytes(`  ${upper},1.5\n`); // the row starts at 2 and ends before the line break
    expect(sums.addRow(row, 2, row.length - 1, 2)).toBe(true);
    expect(sums.add(upper.toLowerCase(), '2', 2)).toBe(true);
    for (const text of [
      `${upper} ,1`,
      `${upper},1,2`,
      `"${upper}",1`,
      `0X${upper.slice(2)},1`,
      `${upper.slice(0, 41)}g,1`,
      `${upper},1.234`,
      `${upper},`,
      `${upper},-1`,
      `${upper},1\r`,
    ]) {
      const bad = bytes(text);
      expect(sums.addRow(bad, 0, bad.length, 2)).toBe(false);
    }
    const result = sums.result();
    expect(result.size).toBe(41);
    // 1.5 tokens + 2 tokens at 2 decimals = 150 + 200 units, under the lowercased address.
    expect(result.get(upper.toLowerCase())).toBe(350n);
    expect([...result.values()].filter((amount) => amount === 100n)).toHaveLength(40);
  });
});
