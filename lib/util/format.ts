/**
 * Number formatting shared by every layer, with one rounding rule per purpose:
 *
 * - printed text that mirrors the original Python (reports, and tables shown the way pandas shows
 *   them) uses {@link pyFixed}: correctly rounded from the exact binary value, an exact tie to the
 *   even digit, as Python's `f"{x:.2f}"`;
 * - CSV and JSON outputs never round: they write the shortest text that reads back as the same
 *   number (`formatCell` in `csv.ts`), so each value is pandas' `to_csv` value exactly (the text
 *   can differ: JavaScript writes `-1` and `0.00005` where Python writes `-1.0` and `5e-05`).
 *
 * JavaScript's `toFixed` rounds exact ties away from zero, so it is not used for either.
 * @module
 */

/**
 * Fixed decimals as Python formats them (`f"{x:.2f}"`): correctly rounded from the exact binary
 * value, and an exact tie goes to the even digit (JavaScript's `toFixed` rounds ties up).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pyFixed } from "@lib/util/format.ts";
 *
 * assert.equal(pyFixed(62.5, 0), "62"); // toFixed gives "63"
 * assert.equal(pyFixed(0.125, 2), "0.12");
 * assert.equal(pyFixed(2.675, 2), "2.67"); // 2.675 is just below the tie in binary
 * assert.equal(pyFixed(NaN, 2), "nan");
 * ```
 */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const exact = Math.abs(x).toFixed(digits + 30);
  const cut = exact.length - 30;
  if (exact.slice(cut) !== "5" + "0".repeat(29)) return x.toFixed(digits);
  const truncated = exact.slice(0, digits === 0 ? cut - 1 : cut);
  const lastDigit = Number(truncated[truncated.length - 1]);
  const magnitude = lastDigit % 2 === 0 ? truncated : Math.abs(x).toFixed(digits);
  return x < 0 ? `-${magnitude}` : magnitude;
}

/**
 * The range of some whole numbers as text, `lo-hi`, or one number when all are equal (layer counts
 * of a group of models, for instance).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { numberRange } from "@lib/util/format.ts";
 *
 * assert.equal(numberRange([64, 36, 40]), "36-64");
 * assert.equal(numberRange([48, 48]), "48");
 * assert.equal(numberRange([36, 64], "\u2013"), "36\u201364"); // an en dash, for figures
 * ```
 */
export function numberRange(values: readonly number[], separator = "-"): string {
  const lo = Math.min(...values), hi = Math.max(...values);
  return lo === hi ? `${lo}` : `${lo}${separator}${hi}`;
}
