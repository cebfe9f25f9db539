/**
 * Reading one CSV cell as a number, as pandas would: NaN spellings, infinities, whole numbers.
 * @module
 */

const MISSING = new Set(["", "NaN", "nan", "NA", "N/A", "NULL", "null", "-nan", "-NaN"]);
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads one float cell as pandas does: empty and NaN spellings are NaN, `inf` spellings are
 * infinite, anything else must be a decimal number within a double's range (a decimal that
 * overflows, such as `1e400`, is not read as an infinity: only the inf spellings are). Returns
 * undefined when the cell is not a number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseFloatCell("-1.0"), -1);
 * assert.ok(Number.isNaN(parseFloatCell(""))); // an empty cell is missing
 * assert.equal(parseFloatCell("abc"), undefined); // not a number: the caller reports it
 * assert.equal(parseFloatCell("1e400"), undefined); // overflows a double: not a number either
 * ```
 */
export function parseFloatCell(cell: string): number | undefined {
  const text = cell.trim();
  if (MISSING.has(text)) return NaN;
  if (FLOAT.test(text)) return finiteOrUndefined(Number(text));
  const lower = text.toLowerCase();
  if (lower === "inf" || lower === "+inf" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  return undefined;
}

/** A decimal that overflowed to an infinity is no number. */
const finiteOrUndefined = (value: number) => (Number.isFinite(value) ? value : undefined);

/**
 * Reads one integer cell; returns undefined when the cell is not a 32-bit whole number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseIntCell("13"), 13);
 * assert.equal(parseIntCell("1.5"), undefined);
 * ```
 */
export function parseIntCell(cell: string): number | undefined {
  const text = cell.trim();
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}

/**
 * The integer in `text[start, end)`, read from the characters without cutting the cell out;
 * undefined when it is not a plain whole number (then {@link parseIntCell} decides).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(intInRange("a,-42,b", 2, 5), -42);
 * ```
 */
export function intInRange(text: string, start: number, end: number): number | undefined {
  let i = start, sign = 1;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    sign = first === 45 ? -1 : 1;
    i++;
  }
  if (i >= end || end - i > 9) return parseIntCell(text.slice(start, end));
  let value = 0;
  for (; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return parseIntCell(text.slice(start, end));
    value = value * 10 + digit;
  }
  return sign * value;
}

/**
 * The float in `text[start, end)`: plain decimals go straight to `Number`, anything else through
 * {@link parseFloatCell}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(floatInRange("x,0.25,y", 2, 6), 0.25);
 * ```
 */
export function floatInRange(text: string, start: number, end: number): number | undefined {
  const first = text.charCodeAt(start);
  const plain = end > start &&
    ((first >= 48 && first <= 57) || first === 45 || first === 46) &&
    !(first === 48 && end - start > 2 && text.charCodeAt(start + 1) > 57);
  const cell = text.slice(start, end);
  if (plain) {
    const value = Number(cell);
    if (Number.isFinite(value) && (value !== 0 || cell.trim() !== "")) return value;
  }
  return parseFloatCell(cell);
}
