/** Decimal digits per limb: 10^9 < 2^30, so a limb's running sum stays exact in a double. */
const LIMB_DIGITS = 9;
/** Limbs per holder: 4 · 9 = 36 digits, enough for any balance below 10^18 tokens at 18 decimals. */
const LIMBS = 4;
/**
 * Additions a holder's limbs take before they are folded into its bigint: each adds below 10^9
 * per limb, and 9,000,000 · 10^9 = 9 · 10^15 < 2^53, so every limb sum is exact.
 */
const FOLD_AFTER = 9_000_000;
const LIMB_SCALE = [1n, 10n ** 9n, 10n ** 18n, 10n ** 27n] as const;
/**
 * Words an address (160 bits) is read into: 20 bits (five hex digits) each, so every word is a
 * small integer and reading, hashing and comparing one never makes a heap number.
 */
const WORDS = 8;
const WORD_DIGITS = 5;
/** Longest amount text `add` copies to bytes: anything longer has more than 36 digits anyway. */
const MAX_TEXT = 80;
const COMMA = 44;
const DOT = 46;

/** The value of a hex digit's character code (either case), or -1. */
function hexValue(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
}

/** Reads 40 hex digits at `bytes[at…]` into eight 20-bit words; false if any is not a hex digit. */
function readAddressWords(bytes: Uint8Array, at: number, into: Int32Array): boolean {
  for (let word = 0; word < WORDS; word++) {
    let value = 0;
    for (let i = at + word * WORD_DIGITS, end = i + WORD_DIGITS; i < end; i++) {
      const digit = hexValue(bytes[i]!);
      if (digit === -1) return false;
      value = (value << 4) | digit;
    }
    into[word] = value;
  }
  return true;
}

/** The address in words as `0x` and 40 lowercase hex digits. */
function lowerAddress(w: Int32Array): string {
  let text = '0x';
  for (let i = 0; i < WORDS; i++) text += w[i]!.toString(16).padStart(WORD_DIGITS, '0');
  return text;
}

/** A 32-bit hash of an address's words, every word mixed in (multiply-xorshift). */
function mix(w: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < WORDS; i++) {
    h = Math.imul(h ^ w[i]!, 0x9e3779b1);
    h ^= h >>> 15;
  }
  return h & 0x7fffffff;
}

/**
 * Exact sums of token amounts per holder, built for a million-row import: an amount written as
 * digits (`1234.5`) is added as four base-10^9 limbs of doubles, with no bigint made per row;
 * `result` turns each holder's limbs into one bigint at the end. Amounts it cannot take (more
 * than 36 digits once scaled, anything not plain digits) are left to the caller (`add` returns
 * false), which adds them as bigints with `addBig`. `addRow` takes a whole CSV row as bytes, so
 * an import of well-formed rows makes no string per row either.
 *
 * @example
 * const sums = new HolderSums();
 * sums.add('alice', '1.5', 2); sums.add('alice', '2', 2);
 * sums.result().get('alice') // 150n + 200n = 350n
 */
export class HolderSums {
  /** Slots of keys that are not lowercase addresses (member ids). */
  private readonly named = new Map<string, number>();
  /** Each slot's key, in first-seen order. */
  private readonly keys: string[] = [];
  private limbs = new Float64Array(LIMBS * 1024);
  private adds = new Uint32Array(1024);
  private readonly big: bigint[] = [];
  /**
   * Lowercase addresses are found through their 160 bits, eight 20-bit words, in an open-addressing
   * table (linear probing, at most half full): no string is hashed or kept per row.
   */
  private words = new Int32Array(WORDS * 1024);
  private buckets = new Int32Array(1 << 12).fill(-1);
  private readonly scratch = new Int32Array(WORDS);
  /** An amount's and a string key's characters, copied for the byte readers. */
  private readonly chars = new Uint8Array(MAX_TEXT);
  private readonly keyChars = new Uint8Array(42);
  /** Set by `scanAmount`: the amount's digits before and after its `.`. */
  private whole = 0;
  private fraction = 0;

  private newSlot(key: string): number {
    const slot = this.keys.length;
    this.keys.push(key);
    this.big.push(0n);
    if (slot >= this.adds.length) {
      const limbs = new Float64Array(this.limbs.length * 2);
      limbs.set(this.limbs);
      this.limbs = limbs;
      const adds = new Uint32Array(this.adds.length * 2);
      adds.set(this.adds);
      this.adds = adds;
      const words = new Int32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
    }
    return slot;
  }

  /** The slot of the address in `scratch`, or `-1 − b` when it is new and bucket b is where it goes. */
  private findAddress(): number {
    const w = this.scratch;
    const words = this.words;
    const mask = this.buckets.length - 1;
    let bucket = mix(w) & mask;
    while (true) {
      const slot = this.buckets[bucket]!;
      if (slot === -1) return -1 - bucket;
      const at = slot * WORDS;
      if (
        words[at] === w[0] &&
        words[at + 1] === w[1] &&
        words[at + 2] === w[2] &&
        words[at + 3] === w[3] &&
        words[at + 4] === w[4] &&
        words[at + 5] === w[5] &&
        words[at + 6] === w[6] &&
        words[at + 7] === w[7]
      )
        return slot;
      bucket = (bucket + 1) & mask;
    }
  }

  /** A new slot for the address in `scratch`, keyed `key`, in the bucket `findAddress` named. */
  private newAddress(found: number, key: string): number {
    const slot = this.newSlot(key);
    this.words.set(this.scratch, slot * WORDS);
    this.buckets[-1 - found] = slot;
    if (this.keys.length * 2 > this.buckets.length) this.grow();
    return slot;
  }

  /** The slot of a key: a lowercase address through its words, anything else by name. */
  private slot(key: string): number {
    if (this.copyAddress(key)) {
      const found = this.findAddress();
      return found >= 0 ? found : this.newAddress(found, key);
    }
    let slot = this.named.get(key);
    if (slot === undefined) {
      slot = this.newSlot(key);
      this.named.set(key, slot);
    }
    return slot;
  }

  /** Reads `key` into `scratch` if it is `0x` and 40 lowercase hex digits. */
  private copyAddress(key: string): boolean {
    if (key.length !== 42 || key.charCodeAt(0) !== 48 || key.charCodeAt(1) !== 120) return false;
    const chars = this.keyChars;
    for (let i = 2; i < 42; i++) {
      const c = key.charCodeAt(i);
      if (c > 127 || (c >= 65 && c <= 90)) return false; // upper case is never a normalized key
      chars[i] = c;
    }
    return readAddressWords(chars, 2, this.scratch);
  }

  /** Doubles the address table and puts every address slot back. */
  private grow(): void {
    const buckets = new Int32Array(this.buckets.length * 2).fill(-1);
    const mask = buckets.length - 1;
    for (let slot = 0; slot < this.keys.length; slot++) {
      if (this.named.get(this.keys[slot]!) === slot) continue;
      const w = this.words.subarray(slot * WORDS, slot * WORDS + WORDS);
      let bucket = mix(w) & mask;
      while (buckets[bucket] !== -1) bucket = (bucket + 1) & mask;
      buckets[bucket] = slot;
    }
    this.buckets = buckets;
  }

  /** Folds a holder's limbs into its bigint and clears them. */
  private fold(slot: number): void {
    let sum = this.big[slot]!;
    for (let k = 0; k < LIMBS; k++) {
      const limb = this.limbs[slot * LIMBS + k]!;
      if (limb !== 0) sum += BigInt(limb) * LIMB_SCALE[k as 0 | 1 | 2 | 3];
      this.limbs[slot * LIMBS + k] = 0;
    }
    this.big[slot] = sum;
    this.adds[slot] = 0;
  }

  /**
   * Checks the amount in `bytes[start, end)`: digits with at most one `.` and at most `decimals`
   * digits after it, not empty, not just `.`, at most 36 digits once scaled. Sets `whole` and
   * `fraction` and returns true, or returns false for anything else.
   */
  private scanAmount(bytes: Uint8Array, start: number, end: number, decimals: number): boolean {
    let dot = -1;
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (c === DOT) {
        if (dot !== -1) return false;
        dot = i;
      } else if (c < 48 || c > 57) return false;
    }
    const whole = dot === -1 ? end - start : dot - start;
    const fraction = dot === -1 ? 0 : end - dot - 1;
    if (fraction > decimals || whole + fraction === 0 || whole + decimals > LIMBS * LIMB_DIGITS) return false;
    this.whole = whole;
    this.fraction = fraction;
    return true;
  }

  /** Adds the amount `scanAmount` last accepted, at `bytes[start…]`, to `slot`'s limbs. */
  private addScanned(slot: number, bytes: Uint8Array, start: number, decimals: number): void {
    const { whole, fraction } = this;
    // The amount in base units is the digits with the dot removed and `decimals − fraction` zeros
    // after them: `total` digits, of which digit i (from the left) falls in limb ⌊(total − 1 − i) / 9⌋.
    const total = whole + decimals;
    const base = slot * LIMBS;
    let limb = Math.floor((total - 1) / LIMB_DIGITS);
    let left = total - limb * LIMB_DIGITS; // digits still to read into the current limb
    let value = 0;
    for (let i = 0; i < total; i++) {
      const at = i < whole ? start + i : start + i + 1; // skip the dot
      const digit = i < whole + fraction ? bytes[at]! - 48 : 0;
      value = value * 10 + digit;
      if (--left === 0) {
        this.limbs[base + limb] = this.limbs[base + limb]! + value;
        value = 0;
        limb--;
        left = LIMB_DIGITS;
      }
    }
    if (++this.adds[slot]! >= FOLD_AFTER) this.fold(slot);
  }

  /**
   * Adds `text` — digits with at most one `.` and at most `decimals` digits after it, not empty,
   * not just `.` — scaled by 10^decimals. Returns false, adding nothing, for any other text or
   * one longer than 36 digits once scaled; the caller then judges it and uses `addBig`.
   */
  add(key: string, text: string, decimals: number): boolean {
    const length = text.length;
    if (length > MAX_TEXT) return false;
    const chars = this.chars;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) return false;
      chars[i] = c;
    }
    if (!this.scanAmount(chars, 0, length, decimals)) return false;
    this.addScanned(this.slot(key), chars, 0, decimals);
    return true;
  }

  /**
   * Adds one holdings row given as bytes `[start, end)`, if it is exactly `0x`, 40 hex digits
   * (either case: the holder is the lowercased address), a comma and an amount `add` takes; returns
   * false, adding nothing, for any other row, which the caller then reads as text.
   *
   * @example
   * sums.addRow(new TextEncoder().encode('0xAB…01,1.5'), 0, 46, 18) // true
   */
  addRow(bytes: Uint8Array, start: number, end: number, decimals: number): boolean {
    if (end - start < 44 || bytes[start] !== 48 || bytes[start + 1] !== 120 || bytes[start + 42] !== COMMA)
      return false;
    if (!readAddressWords(bytes, start + 2, this.scratch)) return false;
    if (!this.scanAmount(bytes, start + 43, end, decimals)) return false;
    let slot = this.findAddress();
    if (slot < 0) slot = this.newAddress(slot, lowerAddress(this.scratch));
    this.addScanned(slot, bytes, start + 43, decimals);
    return true;
  }

  /** Adds an amount already in base units. */
  addBig(key: string, value: bigint): void {
    const slot = this.slot(key);
    this.big[slot] = this.big[slot]! + value;
  }

  /** Holders in first-seen order, with their exact sums. */
  result(): Map<string, bigint> {
    const result = new Map<string, bigint>();
    for (const [slot, key] of this.keys.entries()) {
      this.fold(slot);
      result.set(key, this.big[slot]!);
    }
    return result;
  }
}
