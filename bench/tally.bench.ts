import type { WeightedBallot } from '../src/core/governance/counting/CountingModule.js';
import { COUNTING_MODULES } from '../src/core/governance/counting/countingModules.js';
import type { MethodName } from '../src/core/policy/MethodName.js';
import { makeRatio } from '../src/core/ratio/Ratio.js';
import { seededRandom } from '../test/support/seededRandom.js';
import { type Benchmark, medianMs } from './Benchmark.js';

const BALLOTS = 1_000_000;
const OPTIONS = ['a', 'b', 'c', 'd', 'e'];

/** A ballot for each method, drawn from `next` (uniform in [0, 1)). */
const BALLOT_OF: Record<MethodName, (next: () => number) => unknown> = {
  'single-owner': (next) => ({ choice: next() < 0.5 ? 'for' : 'against' }),
  majority: (next) => ({ choice: pick(['for', 'against', 'abstain'], next) }),
  supermajority: (next) => ({ choice: pick(['for', 'against', 'abstain'], next) }),
  approval: (next) => ({ approve: OPTIONS.filter(() => next() < 0.4) }),
  'ranked-choice': (next) => ({ ranking: shuffled(next).slice(0, 1 + Math.floor(next() * OPTIONS.length)) }),
  quadratic: (next) => ({ split: split(next) }),
  'weighted-split': (next) => ({ split: split(next) }),
  consent: (next) => (next() < 0.001 ? { choice: 'object', reason: 'not yet' } : { choice: 'consent' }),
  advice: (next) => ({ advice: next() < 0.5 ? 'go ahead' : 'wait a month' }),
  optimistic: () => ({ choice: 'veto' }),
};

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

function shuffled(next: () => number): string[] {
  const items = [...OPTIONS];
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Most voters back one option; some divide their weight between two. */
function split(next: () => number): Record<string, number> {
  const first = pick(OPTIONS, next);
  if (next() < 0.7) return { [first]: 1 };
  const second = pick(OPTIONS, next);
  return second === first
    ? { [first]: 1 }
    : { [first]: 1 + Math.floor(next() * 9), [second]: 1 + Math.floor(next() * 9) };
}

/**
 * Token weights in wei, long-tailed like real holdings (Pareto, α = 1.16, from 1 to 10⁸ tokens),
 * each with arbitrary low-order digits.
 */
function weightedBallots(method: MethodName, n: number): WeightedBallot<unknown>[] {
  const next = seededRandom(7);
  const ballots: WeightedBallot<unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const tokens = Math.min(1 / (1 - next()) ** (1 / 1.16), 1e8);
    const weight = BigInt(Math.floor(tokens * 1e9)) * 10n ** 9n + BigInt(Math.floor(next() * 1e9));
    ballots[i] = { voter: `0x${i.toString(16).padStart(40, '0')}`, weight, ballot: BALLOT_OF[method](next) };
  }
  return ballots;
}

const benchmark: Benchmark = {
  name: 'tally',
  description: `every counting method over ${BALLOTS.toLocaleString('en')} weighted ballots vs one pass summing their weights into a Float64Array`,
  async run(log) {
    const figures: Record<string, number | string> = { ballots: BALLOTS };
    let worst = 0;
    let worstMethod = '';
    for (const module of COUNTING_MODULES) {
      const ballots = weightedBallots(module.method, BALLOTS);
      const options = module.fixedOptions ?? OPTIONS;
      const sums = new Float64Array(options.length);
      // The floor reads the same ballots and converts each weight once: what any tally must pay.
      const floor = () => {
        sums.fill(0);
        for (let i = 0; i < ballots.length; i++) sums[i % sums.length]! += Number(ballots[i]!.weight);
      };
      const input = {
        ballots,
        options,
        threshold: makeRatio(2n, 3n),
        winners: 2,
        electorate: 10n ** 30n,
        decision: 'for' as const,
      };
      const rounds = { rounds: 5, warmup: 1 };
      const floorBeforeMs = await medianMs(floor, rounds);
      const tallyMs = await medianMs(() => module.tally(input), rounds);
      const floorAfterMs = await medianMs(floor, rounds);
      const floorMs = (floorBeforeMs + floorAfterMs) / 2;
      const ratio = tallyMs / floorMs;
      const result = module.tally(input);
      const irv = module.method === 'ranked-choice';
      log(
        `${module.method.padEnd(15)} ${tallyMs.toFixed(1).padStart(8)} ms  floor ${floorMs.toFixed(1).padStart(6)} ms  ` +
          `ratio ${ratio.toFixed(2).padStart(6)}  ${result.outcome}${result.winners.length > 0 ? ` (${result.winners.join(', ')})` : ''}` +
          `${irv ? `, ${result.rounds?.length} rounds` : ''}`,
      );
      figures[`${module.method} ms`] = Number(tallyMs.toFixed(2));
      figures[`${module.method} ratio`] = Number(ratio.toFixed(3));
      if (!irv && ratio > worst) [worst, worstMethod] = [ratio, module.method];
    }
    figures['worst'] = worstMethod;
    log(
      `worst non-IRV: ${worstMethod} ${worst.toFixed(2)}; instant runoff ${figures['ranked-choice ratio']}`,
    );
    return { name: 'tally', ratio: worst, goal: '<=5', figures };
  },
};

export default benchmark;
