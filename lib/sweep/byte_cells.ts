/**
 * Reading cells straight from a file's bytes, for the fast path of the CSV reader: plain decimal
 * numbers, whole numbers and printable-ASCII text. Each reader accepts exactly the cells the
 * full reader (`cells.ts`) reads to the same value in its plain form, and says "not mine" for
 * anything else (a space, a NaN spelling, a quote, a byte past ASCII), so that the caller can
 * hand the file to the full reader, which decides and words the error.
 *
 * Floats are exact: a decimal of at most 15 significant digits with a power of ten up to 22 in
 * size is one IEEE multiplication or division of two exact doubles (Clinger's fast path), so it
 * is correctly rounded; any other goes through `parseFloat` on that cell.
 * @module
 */

/** 10^0 to 10^22: the powers of ten a double holds exactly. */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Most significant digits a double holds exactly (below 2^53 for any 15-digit integer). */
const EXACT_DIGITS = 15;

const ascii = new TextDecoder();

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
 * const bytes = new TextEncoder().encode("-1.5,0.1,1e400,abc\n");
 * assert.equal(cells.float(bytes, 0), -1.5);
 * assert.equal(cells.end, 4); // the comma
 * assert.equal(cells.float(bytes, 5), 0.1); // 1 / 10: correctly rounded
 * cells.float(bytes, 9);
 * assert.equal(cells.end, -1); // overflows a double: the full reader words the error
 * ```
 */
export class ByteCells {
  /** Where the last cell read ends, or -1 when the fast path does not read it. */
  end = 0;

  /**
   * The decimal number starting at `i` (`[+-]digits[.digits][(e|E)[+-]digits]`, as the full
   * reader's plain form); an empty cell is NaN (missing), as in the full reader.
   */
  float(bytes: Uint8Array, i: number): number {
    // The common cell, [-]digits[.digits] with at most 15 digits, in a loop small enough to be
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
    if (digits + decimals === 0 || digits + decimals > EXACT_DIGITS || (c | 32) === 101) {
      return this.general(bytes, start);
    }
    this.end = i;
    const value = mantissa / POW10[decimals];
    return negative ? -value : value;
  }

  /**
   * Checks the float cell at `i` without computing the common one's value (a column checked,
   * not kept); sets {@link end} as {@link float} does.
   */
  checkFloat(bytes: Uint8Array, i: number): void {
    const start = i;
    let c = bytes[i];
    if (c === 45) c = bytes[++i];
    const first = i;
    while (c >= 48 && c <= 57) c = bytes[++i];
    let digits = i - first;
    if (c === 46) {
      c = bytes[++i];
      const point = i;
      while (c >= 48 && c <= 57) c = bytes[++i];
      digits += i - point;
    }
    if (digits === 0 || digits > EXACT_DIGITS || (c | 32) === 101) this.general(bytes, start);
    else this.end = i;
  }

  /** {@link float} for any cell: an exponent, a sign +, many digits, an empty cell. */
  private general(bytes: Uint8Array, i: number): number {
    const start = i;
    let c = bytes[i];
    if (c === 44 || c === 10 || c === 13) {
      this.end = i;
      return NaN;
    }
    let negative = false;
    if (c === 45 || c === 43) {
      negative = c === 45;
      c = bytes[++i];
    }
    let mantissa = 0, significant = 0, exponent = 0, digits = 0;
    while (c >= 48 && c <= 57) {
      if (mantissa !== 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        significant++;
      }
      digits++;
      c = bytes[++i];
    }
    if (c === 46) {
      c = bytes[++i];
      while (c >= 48 && c <= 57) {
        if (mantissa !== 0 || c !== 48) {
          mantissa = mantissa * 10 + (c - 48);
          significant++;
        }
        exponent--;
        digits++;
        c = bytes[++i];
      }
    }
    if (digits === 0) return this.notMine();
    if (c === 101 || c === 69) {
      c = bytes[++i];
      let negativePower = false;
      if (c === 45 || c === 43) {
        negativePower = c === 45;
        c = bytes[++i];
      }
      let power = 0, powerDigits = 0;
      while (c >= 48 && c <= 57) {
        if (power < 1e6) power = power * 10 + (c - 48);
        powerDigits++;
        c = bytes[++i];
      }
      if (powerDigits === 0) return this.notMine();
      exponent += negativePower ? -power : power;
    }
    this.end = i;
    if (significant <= EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
      const value = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
      return negative ? -value : value;
    }
    const value = parseFloat(ascii.decode(bytes.subarray(start, i)));
    return Number.isFinite(value) ? value : this.notMine();
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
