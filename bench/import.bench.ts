import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readHoldings } from '../src/importers/readHoldings.js';
import { seededRandom } from '../test/support/seededRandom.js';
import { type Benchmark, medianMs } from './Benchmark.js';

const ROWS = 1_000_000;
const HOLDERS = 200_000;

/**
 * 1,000,000 rows over 200,000 addresses spread like real ones (random hex, so they share no
 * prefix), balances of 18-decimal tokens with nine decimal places, long-tailed.
 */
function holdingsCsv(): string {
  const next = seededRandom(7);
  const word = () =>
    Math.floor(next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const holders = Array.from({ length: HOLDERS }, () => `0x${word()}${word()}${word()}${word()}${word()}`);
  const lines = ['address,balance'];
  for (let r = 0; r < ROWS; r++) {
    const holder = holders[Math.floor(next() * HOLDERS)]!;
    const tokens = Math.floor(1 / (1 - next()) ** (1 / 1.16));
    lines.push(`${holder},${tokens}.${String(Math.floor(next() * 1e9)).padStart(9, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The floor: stream the same file's lines and split each at its commas, nothing more. */
async function readAndSplit(path: string): Promise<number> {
  let fields = 0;
  const lines = createInterface({
    input: createReadStream(path, { highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) fields += line.split(',').length;
  return fields;
}

const benchmark: Benchmark = {
  name: 'import',
  description: `importing ${ROWS.toLocaleString('en')} holdings rows vs reading and splitting the same file's lines`,
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'devolve-bench-import-'));
    try {
      const path = join(dir, 'holdings.csv');
      writeFileSync(path, holdingsCsv());
      const options = { rounds: 3, warmup: 1 };
      const floorBeforeMs = await medianMs(() => readAndSplit(path), options);
      let holders = 0;
      let issues = 0;
      const importMs = await medianMs(async () => {
        const read = await readHoldings({ path, decimals: 18 });
        holders = read.result.size;
        issues = read.issues.length;
      }, options);
      const floorAfterMs = await medianMs(() => readAndSplit(path), options);
      const floorMs = (floorBeforeMs + floorAfterMs) / 2;
      const ratio = importMs / floorMs;
      const rowsPerSecond = ROWS / (importMs / 1000);
      log(
        `read and split lines (floor)  ${floorMs.toFixed(1)} ms (${floorBeforeMs.toFixed(1)} before, ${floorAfterMs.toFixed(1)} after)`,
      );
      log(
        `import holdings               ${importMs.toFixed(1)} ms, ${Math.round(rowsPerSecond).toLocaleString('en')} rows/s`,
      );
      log(`${holders} holders, ${issues} bad rows`);
      if (issues !== 0) throw new Error(`the benchmark's file has ${issues} bad rows`);
      return {
        name: 'import',
        ratio,
        goal: '<=4',
        figures: { rows: ROWS, holders, floorMs, floorBeforeMs, floorAfterMs, importMs, rowsPerSecond },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
