/**
 * Reading cells straight from a file's bytes, for the fast path of the CSV reader: plain decimal
 * numbers, whole numbers and printable-ASCII text. Each reader accepts exactly the cells the
 * full reader (`cells.ts`) reads to the same value in its plain form, and says "not mine" for
 * anything else (a space, a NaN spelling, a quote, a byte past ASCII), so that the caller can
 * hand the file to the full reader, which decides and words the error.
 *
 * Floats are exact, the double `parseFloat` reads. The common cell, `[-]digits[.digits]` with at
 * most 19 digits (pandas writes up to 17 significant digits for a float64), is read in a loop
 * small enough to be inlined into the row loop: below 2^53 the digits read as a double are the
 * number itself, and one IEEE division by an exact power of ten rounds it correctly (Clinger's
 * fast path); from 2^53 the number is put together exactly (the double is within 2^15 of it, the
 * digits read again give its low 32 bits) and converted by Eisel-Lemire (`float_parse.ts`). Any
 * other cell (an exponent, more digits) goes through `float_parse.ts`'s reader; both fall back
 * to `parseFloat` on the cell's text in the rare case the algorithms cannot decide.
 * @module
 */
import { convertWords, DecimalReader, decimalWords } from "./float_parse.ts";

/** 10^0 to 10^22: the powers of ten a double holds exactly. */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Most digits read by the inlined loop: any 19-digit number is below 2^64. */
const LONG_DIGITS = 19;

const INV_TWO32 = 1 / 4294967296, TWO53 = 9007199254740992;

/** 1 for the bytes a text cell of the fast path may hold: printable ASCII but comma and quote. */
const TEXT_BYTES = Uint8Array.from(
  { length: 256 },
  (_, c) => c >= 32 && c <= 126 && c !== 44 && c !== 34 ? 1 : 0,
);

/**
 * Whether a byte may sit in a text cell of the fast path: printable ASCII but the comma and the
 * quote (a tab, a byte past ASCII or a quote send the file to the full reader).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual([..."a,\"é"].map((c) => isTextByte(c.charCodeAt(0))), [true, false, false, false]);
 * ```
 */
export function isTextByte(c: number): boolean {
  return TEXT_BYTES[c] === 1;
}

/**
 * Reads cells from bytes; after each read, {@link ByteCells.end} is where the cell ends (the
 * comma or line end after it), or -1 when the cell is not one the fast path reads. The bytes
 * must end with a line end (a sentinel is enough) so that no read runs past them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = new ByteCells();
 * const bytes = new TextEncoder().encode("-1.5,0.1,1e400,12.345678901234567\n");
 * assert.equal(cells.float(bytes, 0), -1.5);
 * assert.equal(cells.end, 4); // the comma
 * assert.equal(cells.float(bytes, 5), 0.1); // 1 / 10: correctly rounded
 * cells.float(bytes, 9);
 * assert.equal(cells.end, -1); // overflows a double: the full reader words the error
 * assert.equal(cells.float(bytes, 15), 12.345678901234567); // 17 digits: Eisel-Lemire
 * ```
 */
export class ByteCells {
  /** Where the last cell read ends, or -1 when the fast path does not read it. */
  end = 0;
  private readonly decimals = new DecimalReader();

  /**
   * The decimal number starting at `i` (`[+-]digits[.digits][(e|E)[+-]digits]`, as the full
   * reader's plain form); an empty cell is NaN (missing), as in the full reader.
   */
  float(bytes: Uint8Array, i: number): number {
    // The common cell, [-]digits[.digits] with at most 19 digits, in a loop small enough to be
    // inlined into the row loop; anything else (an exponent, a sign +, more digits, an empty
    // cell) goes through the general reader.
    const start = i;
    let c = bytes[i], negative = false;
    if (c === 45) {
      negative = true;
      c = bytes[++i];
    }
    let mantissa = 0, digits = 0, decimals = 0;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      c = bytes[++i];
    }
    digits = i - start - (negative ? 1 : 0);
    if (c === 46) {
      const point = ++i;
      c = bytes[i];
      while (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        c = bytes[++i];
      }
      decimals = i - point;
    }
    digits += decimals;
    if (digits === 0 || digits > LONG_DIGITS || (c | 32) === 101) {
      return this.general(bytes, start);
    }
    this.end = i;
    // Below 2^53 the digits read as a double are the number itself (it only rounds past 2^53),
    // and one division by an exact power of ten rounds correctly (Clinger's fast path).
    if (mantissa >= TWO53) return this.wide(bytes, start, i, decimals, mantissa);
    const value = mantissa / POW10[decimals];
    return negative ? -value : value;
  }

  /**
   * The value of the cell `bytes[start, end)` of 16 to 19 digits, `decimals` of them after the
   * point, whose digits read as a double are `approx` (2^53 or more): the low 32 bits of the
   * whole number from its digits again (32-bit multiplications), its high 32 bits from `approx`
   * (within 2^15 of it), then Eisel-Lemire, or the general reader when it cannot decide.
   */
  private wide(
    bytes: Uint8Array,
    start: number,
    end: number,
    decimals: number,
    approx: number,
  ): number {
    const negative = bytes[start] === 45;
    let low = 0;
    for (let i = negative ? start + 1 : start; i < end; i++) {
      const c = bytes[i];
      if (c !== 46) low = (Math.imul(low, 10) + (c - 48)) | 0;
    }
    low >>>= 0;
    decimalWords[0] = Math.round((approx - low) * INV_TWO32);
    decimalWords[1] = low;
    convertWords(-decimals);
    const value = decimalWords[0];
    if (value !== value) return this.general(bytes, start); // parseFloat decides
    return negative ? -value : value;
  }

  /**
   * Checks the float cell at `i` without computing its value when it cannot overflow (no
   * exponent, at most 300 digits before the point: below 1e300), as for a column checked, not
   * kept; sets {@link end} as {@link float} does.
   */
  checkFloat(bytes: Uint8Array, i: number): void {
    const start = i;
    let c = bytes[i];
    if (c === 45) c = bytes[++i];
    const first = i;
    while (c >= 48 && c <= 57) c = bytes[++i];
    const whole = i - first;
    let digits = whole;
    if (c === 46) {
      c = bytes[++i];
      const point = i;
      while (c >= 48 && c <= 57) c = bytes[++i];
      digits += i - point;
    }
    if (digits === 0 || whole > 300 || (c | 32) === 101) this.general(bytes, start);
    else this.end = i;
  }

  /**
   * {@link float} for any cell: an exponent, a sign +, many digits, an empty cell. A decimal
   * that overflows a double (`1e400`) is left to the full reader, which words the error.
   */
  private general(bytes: Uint8Array, i: number): number {
    const c = bytes[i];
    if (c === 44 || c === 10 || c === 13) {
      this.end = i;
      return NaN;
    }
    const { decimals } = this;
    const value = decimals.read(bytes, i);
    if (decimals.end < 0 || value === Infinity || value === -Infinity) return this.notMine();
    this.end = decimals.end;
    return value;
  }

  /** The whole number starting at `i`: an optional sign and 1 to 9 digits (a 32-bit value). */
  int(bytes: Uint8Array, i: number): number {
    let c = bytes[i], negative = false;
    if (c === 45 || c === 43) {
      negative = c === 45;
      c = bytes[++i];
    }
    const start = i;
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = bytes[++i];
    }
    if (i === start || i - start > 9) return this.notMine();
    this.end = i;
    return negative ? -value : value;
  }

  /** Skips the text cell starting at `i` (printable ASCII, no comma or quote); returns its end. */
  text(bytes: Uint8Array, i: number): number {
    while (TEXT_BYTES[bytes[i]] === 1) i++;
    this.end = i;
    return i;
  }

  private notMine(): number {
    this.end = -1;
    return NaN;
  }
}

/**
 * True when `bytes[start, ...)` up to the next line end holds only spaces and tabs: a line the
 * full reader skips as blank.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = new TextEncoder().encode(" \t\n1\n");
 * assert.equal(blankLine(bytes, 0), true);
 * assert.equal(blankLine(bytes, 3), false);
 * ```
 */
export function blankLine(bytes: Uint8Array, start: number): boolean {
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
