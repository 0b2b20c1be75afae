import { concentrationReport } from '../src/core/metrics/concentrationReport.js';
import { nakamotoCoefficient } from '../src/core/metrics/nakamotoCoefficient.js';
import { sortHoldings } from '../src/core/metrics/sortHoldings.js';
import { theilIndex } from '../src/core/metrics/theilIndex.js';
import { formatRatio } from '../src/core/ratio/Ratio.js';
import { seededRandom } from '../test/support/seededRandom.js';
import { type Benchmark, medianMs } from './Benchmark.js';

const HOLDERS = 1_000_000;
const WEI = 10n ** 18n;

/**
 * A long-tailed token distribution in wei: Pareto with α = 1.16 (the "80/20" shape) from 1 token
 * up to 10^8 tokens (10^26 wei), with arbitrary low-order digits like real balances; 2% emptied
 * wallets (zero) and 5% untouched airdrops of exactly 1000 tokens.
 */
function paretoHoldings(n: number): bigint[] {
  const next = seededRandom(2024);
  const holdings: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const kind = next();
    if (kind < 0.02) {
      holdings[i] = 0n;
    } else if (kind < 0.07) {
      holdings[i] = 1000n * WEI;
    } else {
      const tokens = Math.min(1 / (1 - next()) ** (1 / 1.16), 1e8);
      const gwei = BigInt(Math.floor(tokens * 1e9));
      holdings[i] = gwei * 10n ** 9n + BigInt(Math.floor(next() * 1e9));
    }
  }
  return holdings;
}

const benchmark: Benchmark = {
  name: 'metrics',
  description: `all concentration metrics over ${HOLDERS.toLocaleString('en')} holdings vs a native Float64Array sort`,
  async run(log) {
    const holdings = paretoHoldings(HOLDERS);
    const floats = Float64Array.from(holdings, (x) => Number(x));
    const scratch = new Float64Array(HOLDERS);

    const sortFloats = () => {
      scratch.set(floats);
      scratch.sort();
    };
    // The floor is measured before and after the work and averaged, so a change in machine load
    // during the run weighs on both sides of the ratio alike.
    const floorBeforeMs = await medianMs(sortFloats);
    let report = concentrationReport({ holdings });
    const reportMs = await medianMs(() => {
      report = concentrationReport({ holdings });
    });
    const floorAfterMs = await medianMs(sortFloats);
    const floorMs = (floorBeforeMs + floorAfterMs) / 2;
    // Where the time goes (not part of the ratio): the exact sort with its sums, then the metrics
    // that read it; Gini, HHI and top-k are a few bigint operations on the sums.
    const sorted = sortHoldings({ holdings, borrow: true });
    const sortMs = await medianMs(() => sortHoldings({ holdings, borrow: true }), { rounds: 5 });
    const theilMs = await medianMs(() => theilIndex({ holdings: sorted }), { rounds: 5 });
    const nakamotoMs = await medianMs(() => nakamotoCoefficient({ holdings: sorted }), { rounds: 5 });

    const ratio = reportMs / floorMs;
    log(
      `float64 sort (floor)          ${floorMs.toFixed(1)} ms (${floorBeforeMs.toFixed(1)} before, ${floorAfterMs.toFixed(1)} after)`,
    );
    log(`concentration report          ${reportMs.toFixed(1)} ms`);
    log(`  exact sort and sums         ${sortMs.toFixed(1)} ms`);
    log(`  theil + entropy             ${theilMs.toFixed(1)} ms`);
    log(`  nakamoto (${report.nakamoto.count} holders)  ${nakamotoMs.toFixed(1)} ms`);
    log(
      `gini ${formatRatio(report.gini.ratio)}, nakamoto ${report.nakamoto.count}, hhi ${report.herfindahl.value.toExponential(3)}, ` +
        `entropy ${report.entropy.toFixed(4)}, theil ${report.theil.toFixed(4)}, top-10 ${formatRatio(report.topShare.ratio)}`,
    );
    return {
      name: 'metrics',
      ratio,
      goal: '<=3',
      figures: {
        holders: HOLDERS,
        floorMs,
        floorBeforeMs,
        floorAfterMs,
        reportMs,
        sortMs,
        theilMs,
        nakamotoMs,
        gini: report.gini.value,
        nakamoto: report.nakamoto.count,
      },
    };
  },
};

export default benchmark;
