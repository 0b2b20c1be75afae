/**
 * Exact sums of bigint weights kept in doubles, for tallies over many ballots.
 *
 * Adding two bigints allocates a third, and a tally adds once per ballot and option. A weight
 * below 2⁶⁴ is instead read as two 32-bit halves (`hi · 2³² + lo`, written into a
 * `BigUint64Array` and read back through a `Uint32Array`, which allocates nothing) and each half
 * is added to a double. A double holds every integer below 2⁵³ exactly, so 2²⁰ additions of
 * halves below 2³² (at most 2⁵² together) stay exact; before that many the doubles are moved
 * into a bigint (`FLUSH_EVERY`). Weights outside [0, 2⁶⁴) are added as bigints. The totals are
 * therefore the same bigints a plain `+=` gives, at any size and in any order.
 */

const WORD = new BigUint64Array(1);
const HALVES = new Uint32Array(WORD.buffer);
WORD[0] = 1n;
/** Index of the low half in `HALVES`: 0 on little-endian machines, 1 on big-endian ones. */
const LOW = HALVES[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

export const TWO_32 = 2 ** 32;
const TWO_64 = 1n << 64n;
const TWO_96 = 2 ** 96;
/** Ballots after which the doubles are moved into bigints: 2²⁰ halves below 2³² sum below 2⁵². */
export const FLUSH_EVERY = 2 ** 20;

/** The limbs of the last weight `readHalves` or `readLimbs` accepted: top · 2⁶⁴ + hi · 2³² + lo. */
export const halves = { top: 0, hi: 0, lo: 0 };

/**
 * Reads `weight` into `halves` when 0 ≤ weight < 2⁶⁴ and returns true; false otherwise.
 *
 * @example
 * readHalves(2n ** 32n + 5n) // true; halves = { hi: 1, lo: 5 }
 */
export function readHalves(weight: bigint): boolean {
  if (weight < 0n || weight >= TWO_64) return false;
  WORD[0] = weight;
  halves.top = 0;
  halves.hi = HALVES[HIGH]!;
  halves.lo = HALVES[LOW]!;
  return true;
}

/**
 * Reads `weight` into `halves` when 0 ≤ weight and the double nearest it is below 2⁹⁶ (about
 * 7.9 · 10²⁸; so every weight up to 2⁹⁶ − 2⁴³) and returns true; false otherwise. Above 2⁶⁴ the low 64 bits come from the `BigUint64Array` (which keeps a bigint modulo
 * 2⁶⁴) and the top limb from the double nearest the weight: below 2⁹⁶ it is within 2⁴³ of the
 * weight, so (double − low 64 bits) / 2⁶⁴ is within 2⁻²⁰ of the top limb and rounds to it.
 */
export function readLimbs(weight: bigint): boolean {
  if (readHalves(weight)) return true;
  if (weight < 0n) return false;
  const near = Number(weight);
  if (near >= TWO_96) return false;
  WORD[0] = weight;
  halves.hi = HALVES[HIGH]!;
  halves.lo = HALVES[LOW]!;
  halves.top = Math.round((near - (halves.hi * TWO_32 + halves.lo)) / 2 ** 64);
  return true;
}

/**
 * One exact total per option: `exact + high · scale + low`, with `high` and `low` doubles that
 * receive integers of magnitude below 2³² at most once per option and ballot (`endBallot`).
 * With `scale` 2³² they hold weights' halves; quadratic voting uses 10⁹ (whole votes and
 * billionths).
 */
export class LimbSums {
  private readonly high: Float64Array;
  private readonly low: Float64Array;
  private readonly exact: bigint[];
  private readonly scale: bigint;
  private pending = 0;

  constructor(size: number, scale: number) {
    this.high = new Float64Array(size);
    this.low = new Float64Array(size);
    this.exact = new Array<bigint>(size).fill(0n);
    this.scale = BigInt(scale);
  }

  /** Adds `high · scale + low` to option `index` (|high|, |low| < 2³², integers). */
  addLimbs(index: number, high: number, low: number): void {
    this.high[index]! += high;
    this.low[index]! += low;
  }

  /** Adds a weight to option `index`: as halves below 2⁶⁴ (scale 2³² only), as a bigint beyond. */
  addWeight(index: number, weight: bigint): void {
    if (readHalves(weight)) {
      this.high[index]! += halves.hi;
      this.low[index]! += halves.lo;
    } else this.exact[index]! += weight;
  }

  addExact(index: number, amount: bigint): void {
    this.exact[index]! += amount;
  }

  /** Adds amounts by option name (names from `index`). */
  addAllExact(index: OptionIndex, amounts: readonly (readonly [string, bigint])[]): void {
    for (const [option, amount] of amounts) this.exact[index[option]!]! += amount;
  }

  /** The first total as the participation of `voters` ballots. */
  participation(voters: number): { participation: bigint; voters: number } {
    return { participation: this.total(0), voters };
  }

  /**
   * Marks the end of one ballot's additions (or of one addition, where a ballot may add to an
   * option more than once), moving the doubles into bigints before they could round.
   */
  endBallot(): void {
    if (++this.pending === FLUSH_EVERY) this.flush();
  }

  /** The totals in a record by option name, in the options' order. */
  totalsOf(options: readonly string[]): Record<string, bigint> {
    const totals: Record<string, bigint> = {};
    for (let i = 0; i < options.length; i++) totals[options[i]!] = this.total(i);
    return totals;
  }

  total(index: number): bigint {
    this.flush();
    return this.exact[index]!;
  }

  private flush(): void {
    this.pending = 0;
    for (let i = 0; i < this.exact.length; i++) {
      if (this.high[i] === 0 && this.low[i] === 0) continue;
      this.exact[i]! += BigInt(this.high[i]!) * this.scale + BigInt(this.low[i]!);
      this.high[i] = 0;
      this.low[i] = 0;
    }
  }
}

/**
 * Where each option stands in `options`, or undefined when the limb paths must not be used for
 * them: a name given twice, or a name `Object.prototype` answers to (`constructor`, `__proto__` …),
 * which reading a ballot's keys would not see the way reading `ballot[option]` does.
 */
export function optionIndex(options: readonly string[]): OptionIndex | undefined {
  // A record without a prototype: looking a ballot's key up in it is cheaper than in a Map.
  const index: Record<string, number> = Object.create(null);
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    if (index[option] !== undefined || option in Object.prototype) return undefined;
    index[option] = i;
  }
  return index;
}

/** Position of each option in the proposal's options, by name. */
export type OptionIndex = Readonly<Record<string, number | undefined>>;
