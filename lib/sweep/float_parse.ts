/**
 * Correctly rounded decimal-to-double conversion for the fast path of the CSV reader, the double
 * `parseFloat` gives bit for bit (-0, subnormals, overflow to Infinity and underflow to 0
 * included), without making a string of the cell:
 *
 * 1. Clinger's fast path: a mantissa of at most 2^53 and a power of ten up to 22 in size are two
 *    exact doubles, and one IEEE multiplication or division rounds their product correctly.
 * 2. Eisel-Lemire (Lemire, "Number Parsing at a Gigabyte per Second", 2021, as fast_float does):
 *    a mantissa `w` of up to 19 digits (below 2^64), normalized, times a 128-bit truncation of
 *    5^q, of which the high 64 bits are enough unless the product's low bits are all ones. The
 *    128-bit products are computed exactly in 32-bit halves (see {@link decimalToDouble}).
 * 3. `parseFloat` on the text only when they cannot decide: more than 19 significant digits
 *    whose truncations `w` and `w + 1` round to different doubles (the text lies near a point
 *    halfway between two), or a 128-bit product whose truncated bits might still carry (Mushtak
 *    and Lemire, 2023, prove this never happens for doubles; kept as a guard). An exact halfway
 *    point (possible only for q from -4 to 23) is recognized and rounded to even, as fast_float
 *    does.
 *
 * The mantissa is two 32-bit words: each 32 x 32-bit product as `Math.imul` for its low word and
 * a double product, corrected by it, for its high word. Measured in V8 against 16-bit pieces in
 * 32-bit integer arithmetic, 16-bit limbs in doubles, and BigInt: the fastest.
 *
 * The table of 128-bit powers of five (5^-342 to 5^308, fast_float's `power_of_five_128`, made
 * as its `script/table_generation.py` makes it) is computed with BigInt when this module loads
 * (about 2 ms), not committed; it is kept as 32-bit words.
 * @module
 */

/** 10^0 to 10^22: the powers of ten a double holds exactly. */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The smallest and largest q of the table: beyond them w * 10^q is 0 or Infinity. */
const SMALLEST_Q = -342, LARGEST_Q = 308;

/**
 * 5^q for q from -342 to 308, each normalized to 128 bits (its top bit set) and truncated, as
 * four 32-bit words from the most significant. Negative powers are floor(2^b / 5^-q) + 1, as
 * fast_float's table (`script/table_generation.py`).
 */
const POW5 = powersOfFive();

function powersOfFive(): Uint32Array {
  const words = new Uint32Array((LARGEST_Q - SMALLEST_Q + 1) * 4);
  const mask = 0xffffffffn;
  const put = (q: number, value: bigint) => {
    const bits = bitLength(value); // normalized to 128 bits: the top bit to bit 127, truncated
    value = bits <= 128 ? value << BigInt(128 - bits) : value >> BigInt(bits - 128);
    const at = (q - SMALLEST_Q) * 4;
    for (let k = 3; k >= 0; k--) {
      words[at + k] = Number(value & mask);
      value >>= 32n;
    }
  };
  let power5 = 1n;
  for (let q = 0; q <= LARGEST_Q; q++, power5 *= 5n) put(q, power5);
  power5 = 5n;
  for (let q = -1; q >= SMALLEST_Q; q--, power5 *= 5n) {
    const z = BigInt(bitLength(power5)); // the least z with 2^z >= 5^-q (no power of two)
    const b = q >= -27 ? z + 127n : 2n * z + 128n;
    put(q, (1n << b) / power5 + 1n);
  }
  return words;
}

/** The bits of a positive BigInt. */
function bitLength(n: bigint): number {
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + 32 - Math.clz32(parseInt(hex[0], 16));
}

/**
 * The table's entry for 5^q (q from -342 to 308), its four words as one 128-bit number: for tests
 * against fast_float's `power_of_five_128`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(powerOfFive(1), 5n << 125n); // 5, its top bit moved to bit 127
 * assert.equal(powerOfFive(-342) >> 64n, 0xeef453d6923bd65an); // fast_float's first entry
 * ```
 */
export function powerOfFive(q: number): bigint {
  if (!Number.isInteger(q) || q < SMALLEST_Q || q > LARGEST_Q) throw new RangeError(`5^${q}`);
  const at = (q - SMALLEST_Q) * 4;
  return [0, 1, 2, 3].reduce((sum, k) => (sum << 32n) | BigInt(POW5[at + k]), 0n);
}

/** 2^(e - 1075) for e from 1 to 2046: a double's scale for its biased exponent `e`. */
const SCALE = (() => {
  const scale = new Float64Array(2047);
  let x = 1;
  for (let e = 1075; e < 2047; e++, x *= 2) scale[e] = x;
  x = 1;
  for (let e = 1075; e >= 1; e--, x /= 2) scale[e] = x;
  return scale;
})();

const TWO32 = 4294967296, INV_TWO32 = 1 / TWO32, TWO53 = 9007199254740992;

/**
 * In and out of {@link convertWords}: a mantissa's two 32-bit words in (high, low), the double
 * out (in the first). A typed array, because V8 passes a double to a function it does not inline
 * (this one is too large to be) as a boxed number: an allocation per argument and result.
 */
export const decimalWords: Float64Array = new Float64Array(2);
const io = decimalWords;

/**
 * Words of a 128-bit product, most significant first, set by {@link multiply} (a typed array: a
 * module variable would box each double it is given).
 */
const product = new Float64Array(4);

/**
 * The high 32 bits of the 64-bit product of `a` and `b` (unsigned 32-bit integers) whose low 32
 * bits are `low`: the double product is within 2^11 of the exact one, so rounding
 * `(a * b - low) / 2^32` gives the high word exactly.
 */
function mulHigh(a: number, b: number, low: number): number {
  return Math.round((a * b - low) * INV_TWO32);
}

/** The 128-bit product of `xh:xl` and `yh:yl` (64-bit numbers as 32-bit words) into `product`. */
function multiply(xh: number, xl: number, yh: number, yl: number): void {
  const ll = Math.imul(xl, yl) >>> 0, lh = Math.imul(xl, yh) >>> 0;
  const hl = Math.imul(xh, yl) >>> 0, hh = Math.imul(xh, yh) >>> 0;
  const s1 = mulHigh(xl, yl, ll) + lh + hl; // below 3 * 2^32
  const w1 = s1 >>> 0;
  const s2 = mulHigh(xl, yh, lh) + mulHigh(xh, yl, hl) + hh + (s1 - w1) * INV_TWO32;
  const w2 = s2 >>> 0;
  product[0] = mulHigh(xh, yh, hh) + (s2 - w2) * INV_TWO32;
  product[1] = w2;
  product[2] = w1;
  product[3] = ll;
}

/**
 * `w * 10^q` for the whole number `w = high * 2^32 + low` below 2^64 in {@link decimalWords},
 * correctly rounded, into `decimalWords[0]`: Clinger's fast path when `w` is at most 2^53 and
 * `q` within 22 of 0, else Eisel-Lemire; NaN when the 128-bit product cannot decide (then the
 * caller parses the text). Always positive; past the table 0 or Infinity. {@link decimalToDouble}
 * is the same with arguments.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * decimalWords[0] = 1056531; // 4537770065161113 = 1056531 * 2^32 + 3972950937
 * decimalWords[1] = 3972950937;
 * convertWords(-15);
 * assert.equal(decimalWords[0], 4.537770065161113);
 * ```
 */
export function convertWords(q: number): void {
  const high = io[0], low = io[1];
  if ((high < 0x200000 || (high === 0x200000 && low === 0)) && q >= -22 && q <= 22) {
    const w = high * TWO32 + low; // at most 2^53: exact
    io[0] = q >= 0 ? w * POW10[q] : w / POW10[-q];
    return;
  }
  if (high === 0 && low === 0 || q < SMALLEST_Q) {
    io[0] = 0;
    return;
  }
  if (q > LARGEST_Q) {
    io[0] = Infinity;
    return;
  }
  // Normalize: the mantissa's top bit to bit 63.
  let xh = high, xl = low, lz: number;
  if (high !== 0) {
    lz = Math.clz32(high);
    if (lz !== 0) {
      xh = ((high << lz) | (low >>> (32 - lz))) >>> 0;
      xl = (low << lz) >>> 0;
    }
  } else {
    lz = 32 + Math.clz32(low);
    xh = (low << (lz - 32)) >>> 0;
    xl = 0;
  }
  // The product with the table's high half (written out: see `io`).
  const at = (q - SMALLEST_Q) * 4, yh = POW5[at], yl = POW5[at + 1];
  const ll = Math.imul(xl, yl) >>> 0, lh = Math.imul(xl, yh) >>> 0;
  const hl = Math.imul(xh, yl) >>> 0, hh = Math.imul(xh, yh) >>> 0;
  const s1 = Math.round((xl * yl - ll) * INV_TWO32) + lh + hl; // below 3 * 2^32
  let w1 = s1 >>> 0;
  const s2 = Math.round((xl * yh - lh) * INV_TWO32) + Math.round((xh * yl - hl) * INV_TWO32) + hh +
    (s1 - w1) * INV_TWO32;
  let w2 = s2 >>> 0;
  let w3 = Math.round((xh * yh - hh) * INV_TWO32) + (s2 - w2) * INV_TWO32, w0 = ll;
  if ((w2 & 0x1ff) === 0x1ff) {
    // The 9 bits below the 55 kept are all ones: add the product with the table's low half.
    multiply(xh, xl, POW5[at + 2], POW5[at + 3]);
    const a0 = w0 + product[1];
    w0 = a0 >>> 0;
    const a1 = w1 + product[0] + (a0 > 0xffffffff ? 1 : 0);
    w1 = a1 >>> 0;
    if (a1 > 0xffffffff) {
      const a2 = w2 + 1;
      w2 = a2 >>> 0;
      if (a2 > 0xffffffff) w3++;
    }
    // Still all ones to the end: the truncated table might be short of a carry (Mushtak and
    // Lemire 2023 prove this never happens for doubles; kept as a guard).
    if ((w2 & 0x1ff) === 0x1ff && (w1 & w0) === -1) {
      io[0] = NaN;
      return;
    }
  }
  // The top 54 bits: the product's top bit is bit 127 or 126.
  const upper = w3 >>> 31, shift = upper + 9;
  const mh = w3 >>> shift;
  let ml = ((w3 << (32 - shift)) | (w2 >>> shift)) >>> 0;
  let power2 = ((217706 * q) >> 16) + 63 + upper - lz + 1023;
  if (power2 <= 0) {
    subnormal(mh, ml, 1 - power2);
    return;
  }
  // Exactly halfway between two doubles (only possible for small q): round to even.
  if (
    (ml & 3) === 1 && w1 === 0 && w0 <= 1 && q >= -4 && q <= 23 &&
    (w2 & ((1 << shift) - 1)) === 0
  ) {
    ml -= 1;
  }
  // Round the 54 bits to 53 (half up; the exact halves were made even above).
  let m = (mh >>> 1) * TWO32 + (((mh << 31) | (ml >>> 1)) >>> 0) + (ml & 1);
  if (m === TWO53) {
    m = TWO53 / 2;
    power2++;
  }
  io[0] = power2 >= 2047 ? Infinity : m * SCALE[power2];
}

/** Into `io[0]`: the subnormal (or 0, or the least normal) of the 54 bits `mh:ml` >> `s` >= 1. */
function subnormal(mh: number, ml: number, s: number): void {
  let h = 0, l = 0;
  if (s < 32) {
    h = mh >>> s;
    l = ((mh << (32 - s)) | (ml >>> s)) >>> 0;
  } else if (s < 64) l = mh >>> (s - 32);
  // Half up, as for normal numbers: no exact half is subnormal.
  io[0] = (h * TWO32 + l + (l & 1)) / 2 * SCALE[1];
}

/**
 * `w * 10^q` correctly rounded to a double, for `w = high * 2^32 + low`, a whole number below
 * 2^64 (`high` and `low` unsigned 32-bit integers): Clinger's fast path when `w` is at most 2^53
 * and `q` within 22 of 0, else the Eisel-Lemire algorithm; NaN when the 128-bit product cannot
 * decide (then the caller parses the text). Past the table, 0 or Infinity, as `parseFloat` reads
 * such a decimal. Always positive.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // 4537770065161113 * 10^-15, the double "4.537770065161113" reads as
 * const w = 4537770065161113;
 * assert.equal(decimalToDouble(Math.floor(w / 2 ** 32), w % 2 ** 32, -15), 4.537770065161113);
 * assert.equal(decimalToDouble(0, 15, -1), 1.5); // Clinger: 15 / 10
 * assert.equal(decimalToDouble(2097152, 1, 0), 9007199254740992); // 2^53 + 1: ties to even
 * assert.equal(decimalToDouble(0, 5, -324), 5e-324); // the smallest subnormal
 * assert.equal(decimalToDouble(0, 1, 309), Infinity);
 * ```
 */
export function decimalToDouble(high: number, low: number, q: number): number {
  io[0] = high;
  io[1] = low;
  convertWords(q);
  return io[0];
}

/** Most significant digits read whole: the 19 of any number below 10^19 < 2^64. */
const MAX_DIGITS = 19;

const ascii = new TextDecoder();

/**
 * Reads decimal numbers from bytes, as `parseFloat` reads their text:
 * `[+-]digits[.digits][(e|E)[+-]digits]`. After each read, {@link DecimalReader.end} is where
 * the number ends, or -1 when the bytes there are no such number (no digit, or an exponent
 * without digits).
 *
 * The digits are read once, into a double (exact up to 2^53) and, with 32-bit multiplications,
 * the low 32 bits of the whole number: for up to 19 significant digits the double is within 2^15
 * of the number, which gives its high 32 bits too. Past 19 significant digits, the first 19 are
 * read again.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const reader = new DecimalReader();
 * const bytes = new TextEncoder().encode("-4.537770065161113,1.5e-05,-0,1e400,e5\n");
 * assert.equal(reader.read(bytes, 0), -4.537770065161113);
 * assert.equal(reader.end, 18); // the comma
 * assert.equal(reader.read(bytes, 19), 1.5e-5);
 * assert.ok(Object.is(reader.read(bytes, 27), -0));
 * assert.equal(reader.read(bytes, 30), Infinity); // as parseFloat: the caller decides
 * reader.read(bytes, 36);
 * assert.equal(reader.end, -1); // no digit
 * ```
 */
export class DecimalReader {
  /** Where the last number read ends, or -1 when there was none. */
  end = 0;

  /** The number starting at `i` (its value as `parseFloat` reads it); see the class doc. */
  read(bytes: Uint8Array, i: number): number {
    const start = i;
    let c = bytes[i], negative = false;
    if (c === 45 || c === 43) {
      negative = c === 45;
      c = bytes[++i];
    }
    const first = i;
    let approx = 0, low = 0;
    while (c >= 48 && c <= 57) {
      approx = approx * 10 + (c - 48);
      low = (Math.imul(low, 10) + (c - 48)) | 0;
      c = bytes[++i];
    }
    let digits = i - first, q = 0;
    if (c === 46) {
      const point = ++i;
      c = bytes[i];
      while (c >= 48 && c <= 57) {
        approx = approx * 10 + (c - 48);
        low = (Math.imul(low, 10) + (c - 48)) | 0;
        c = bytes[++i];
      }
      q = point - i;
      digits -= q;
    }
    if (digits === 0) return this.none();
    if (c === 101 || c === 69) {
      c = bytes[++i];
      let negativePower = false;
      if (c === 45 || c === 43) {
        negativePower = c === 45;
        c = bytes[++i];
      }
      let power = 0, powerDigits = 0;
      while (c >= 48 && c <= 57) {
        if (power < 1e6) power = power * 10 + (c - 48); // past it, 0 or Infinity all the same
        powerDigits++;
        c = bytes[++i];
      }
      if (powerDigits === 0) return this.none();
      q += negativePower ? -power : power;
    }
    this.end = i;
    if (digits > MAX_DIGITS && significant(bytes, first, i) > MAX_DIGITS) {
      return this.long(bytes, start, i, negative);
    }
    // The whole number below 10^19: `approx` within 2^15 of it, `low` its low 32 bits.
    low >>>= 0;
    io[0] = approx < TWO53
      ? Math.floor(approx * INV_TWO32)
      : Math.round((approx - low) * INV_TWO32);
    io[1] = low;
    convertWords(q);
    const value = io[0];
    if (value !== value) return parseFloat(ascii.decode(bytes.subarray(start, i)));
    return negative ? -value : value;
  }

  /**
   * The number in `bytes[start, end)` of more than 19 significant digits: the first 19 (`w`)
   * decide when `w` and `w + 1` (times the same power of ten) round to the same double, as the
   * number lies between them; else, or when they cannot, `parseFloat` does.
   */
  private long(bytes: Uint8Array, start: number, end: number, negative: boolean): number {
    let i = start, c = bytes[i];
    if (c === 45 || c === 43) c = bytes[++i];
    // The first 15 significant digits in `head`, the next 4 in `tail`; past them whether any
    // is not 0. `q` is the power of ten of the last digit kept.
    let head = 0, tail = 0, kept = 0, q = 0, dropped = 0, point = false;
    for (; c !== 101 && c !== 69 && i < end; c = bytes[++i]) {
      if (c === 46) {
        point = true;
        continue;
      }
      if (kept === 0 && c === 48) {
        if (point) q--;
      } else if (kept < MAX_DIGITS) {
        if (kept < 15) head = head * 10 + (c - 48);
        else tail = tail * 10 + (c - 48);
        kept++;
        if (point) q--;
      } else {
        dropped |= c - 48;
        if (!point) q++;
      }
    }
    if (i < end) q += exponent(bytes, i + 1, end);
    const scale = POW10[kept - 15], headHigh = Math.floor(head * INV_TWO32);
    const lowSum = (head - headHigh * TWO32) * scale + tail; // below 2^46: exact
    const low = lowSum >>> 0, high = headHigh * scale + (lowSum - low) * INV_TWO32;
    let value = decimalToDouble(high, low, q);
    if (dropped !== 0 && value === value) {
      const next = low === 0xffffffff
        ? decimalToDouble(high + 1, 0, q)
        : decimalToDouble(high, low + 1, q);
      if (next !== value) value = NaN;
    }
    if (value !== value) return parseFloat(ascii.decode(bytes.subarray(start, end)));
    return negative ? -value : value;
  }

  private none(): number {
    this.end = -1;
    return NaN;
  }
}

/** The significant digits in `bytes[i, end)` (digits, a point, maybe an exponent): no leading 0. */
function significant(bytes: Uint8Array, i: number, end: number): number {
  while (bytes[i] === 48 || bytes[i] === 46) i++;
  let digits = 0;
  for (; i < end && bytes[i] !== 101 && bytes[i] !== 69; i++) if (bytes[i] !== 46) digits++;
  return digits;
}

/** The exponent `[+-]digits` in `bytes[i, end)`, at most about 10^7 in size. */
function exponent(bytes: Uint8Array, i: number, end: number): number {
  const negative = bytes[i] === 45;
  if (bytes[i] === 45 || bytes[i] === 43) i++;
  let power = 0;
  for (; i < end; i++) if (power < 1e6) power = power * 10 + (bytes[i] - 48);
  return negative ? -power : power;
}

/**
 * The number the whole of `text` is (`[+-]digits[.digits][(e|E)[+-]digits]`), read as
 * {@link DecimalReader} reads bytes; undefined when `text` is not such a number. For tests and
 * one-off reads (it encodes the text).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(readDecimal("2.2250738585072011e-308"), parseFloat("2.2250738585072011e-308"));
 * assert.equal(readDecimal("1.5 "), undefined); // not the whole text
 * ```
 */
export function readDecimal(text: string): number | undefined {
  const bytes = new TextEncoder().encode(text + "\n");
  const reader = new DecimalReader();
  const value = reader.read(bytes, 0);
  return reader.end === text.length ? value : undefined;
}
