import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvTally } from '../core/evidence/CsvTable.js';
import { normalizeHolder } from '../core/evidence/normalizeHolder.js';
import { parseTokenAmount } from '../core/evidence/parseTokenAmount.js';
import { HOLDINGS_COLUMNS, tallyHoldings } from '../core/evidence/tallyHoldings.js';
import { feedStream } from './feedLines.js';
import { readHoldings } from './readHoldings.js';

const dir = mkdtempSync(join(tmpdir(), 'devolve-holdings-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The straightforward reading the fast path must equal: the text cut at `\r\n`, `\n` or a lone
 * `\r` (a leading byte-order mark dropped, no line after a final break), each line judged as text
 * (`normalizeHolder`, `parseTokenAmount`) and summed as one bigint per row in a plain Map.
 */
function reference(text: string, decimals: number) {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  const sums = new Map<string, bigint>();
  const tally = csvTally({
    file: 'f.csv',
    wanted: HOLDINGS_COLUMNS,
    result: () => sums,
    row({ fields, columns, report }) {
      const holder = normalizeHolder(fields[columns['holder']!.index]!);
      if (!holder.ok)
        return report({ column: 'holder', code: 'import/invalid-holder', message: holder.message });
      const amount = parseTokenAmount({ text: fields[columns['balance']!.index]!, decimals });
      if (!amount.ok) return report({ column: 'balance', code: amount.code, message: amount.message });
      sums.set(holder.key, (sums.get(holder.key) ?? 0n) + amount.value);
    },
  });
  for (const [i, line] of lines.entries()) tally.line(line, i + 1);
  return tally.finish();
}

const hex = (length: number, upper: boolean) =>
  fc
    .array(fc.constantFrom(...(upper ? '0123456789abcdefABCDEF' : '0123456789abcdef')), {
      minLength: length,
      maxLength: length,
    })
    .map((digits) => digits.join(''));
/** A few addresses, so holders repeat; some written with upper-case letters (the same holder). */
const address = fc.oneof(
  fc.constantFrom('0x00000000000000000000000000000000000000a1', '0xabcdefabcdefabcdefabcdefabcdefabcdef0001'),
  fc.constantFrom('0x00000000000000000000000000000000000000A1', '0xABCDEFabcdefABCDEFabcdefABCDEFabcdef0001'),
  hex(40, false).map((h) => `0x${h}`),
  hex(40, true).map((h) => `0x${h}`),
);
const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
const amount = fc.oneof(
  digits(6),
  fc.tuple(digits(6), digits(18)).map(([w, f]) => `${w}.${f}`),
  fc.tuple(digits(3), digits(4)).map(([w, f]) => `${w}.${f}`), // too many decimals when decimals < 4
  digits(4).map((f) => `.${f}`),
  digits(4).map((w) => `${w}.`),
  digits(60), // huge: beyond the limbs, summed as a bigint
  fc.tuple(digits(30), digits(18)).map(([w, f]) => `${w}.${f}`),
  fc.constantFrom('', '.', '-1', '-0.5', '1e18', '1.2.3', '12x', ' 7 ', '0', '00.000'),
);
const holder = fc.oneof(
  { weight: 6, arbitrary: address },
  {
    weight: 1,
    arbitrary: fc.constantFrom('alice', ' bob ', 'carol', '', '  ', '0x1234', `0x${'g'.repeat(40)}`),
  },
  { weight: 1, arbitrary: address.map((a) => `0X${a.slice(2)}`) },
  { weight: 1, arbitrary: address.map((a) => `${a}0`) },
);
const row = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(holder, amount).map(([h, a]) => `${h},${a}`) },
  { weight: 1, arbitrary: fc.tuple(holder, amount).map(([h, a]) => `"${h}","${a}"`) },
  { weight: 1, arbitrary: fc.tuple(holder, amount).map(([h, a]) => `${h},${a},extra`) },
  { weight: 1, arbitrary: holder }, // no balance field
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x,"1', '"a"b,1', ',') },
);
const header = fc.constantFrom(
  'address,balance',
  'Holder,Amount',
  'balance,address',
  'account,balance,note',
  'address,tokens',
);
const lineBreak = fc.oneof(
  { weight: 6, arbitrary: fc.constant('\n') },
  fc.constant('\r\n'),
  fc.constant('\r'),
);
const holdingsFile = fc
  .record({
    bom: fc.boolean(),
    header,
    rows: fc.array(fc.tuple(row, lineBreak), { maxLength: 40 }),
    lastBreak: fc.boolean(),
    decimals: fc.constantFrom(0, 2, 6, 18),
  })
  .map(({ bom, header: first, rows, lastBreak, decimals }) => {
    let text = `${bom ? '\uFEFF' : ''}${first}`;
    for (const [line, end] of rows) text += `\n${line}`.replace('\n', end);
    return { text: lastBreak ? `${text}\n` : text, decimals };
  });

describe('readHoldings equals the straightforward reading', () => {
  it('on random files: sums per holder (in first-seen order), rows and every issue with its line', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(holdingsFile, async ({ text, decimals }) => {
        const path = join(dir, `holdings-${run++}.csv`);
        writeFileSync(path, text);
        const expected = reference(text, decimals);
        const read = await readHoldings({ path, decimals });
        expect([...read.result]).toEqual([...expected.result]);
        expect(read.rows).toBe(expected.rows);
        expect(read.issues).toEqual(expected.issues.map((issue) => ({ ...issue, file: path })));
      }),
      { numRuns: 300 },
    );
  });

  it('however the bytes are cut into chunks (a CRLF, a BOM or a UTF-8 character split between two)', async () => {
    await fc.assert(
      fc.asyncProperty(
        holdingsFile.map(({ text, decimals }) => ({ text: text.replace('alice', 'alïce€'), decimals })),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 8 }),
        async ({ text, decimals }, sizes) => {
          const bytes = Buffer.from(text);
          const chunks: Buffer[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = sizes[i % sizes.length]!;
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          const expected = reference(text, decimals);
          const read = await feedStream({
            input: Readable.from(chunks),
            tally: tallyHoldings({ file: 'f.csv', decimals }),
          });
          expect([...read.result]).toEqual([...expected.result]);
          expect(read.rows).toBe(expected.rows);
          expect(read.issues).toEqual(expected.issues);
        },
      ),
      { numRuns: 300 },
    );
  });
});
