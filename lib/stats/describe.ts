/**
 * Descriptive statistics with pandas semantics: NaN is skipped, an empty input gives NaN,
 * `std` is the sample standard deviation (ddof = 1), `median` interpolates. For pandas `idxmax`
 * use d3-array's `maxIndex`: it also keeps the first maximum and skips NaN (and gives -1 where
 * pandas gives NaN: no value, or only NaN).
 * @module
 */
import { deviation, mean as d3mean, median as d3median } from "d3-array";

/**
 * Arithmetic mean, skipping NaN (pandas `Series.mean`); NaN when nothing is left.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(mean([1, 2, NaN, 6]), 3); // NaN is skipped, as in pandas
 * assert.ok(Number.isNaN(mean([])));
 * ```
 */
export function mean(values: Iterable<number>): number {
  return d3mean(values) ?? NaN;
}

/**
 * Sample standard deviation (ddof = 1), skipping NaN (pandas `Series.std`); NaN for fewer than two.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(std([2, 4, 4, 4, 5, 5, 7, 9]), 2.138089935299395); // ddof = 1
 * assert.ok(Number.isNaN(std([5])));
 * ```
 */
export function std(values: Iterable<number>): number {
  return deviation(values) ?? NaN;
}

/**
 * Median with linear interpolation, skipping NaN (pandas `Series.median`); NaN when empty.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(median([3, 1, 4, 2]), 2.5);
 * ```
 */
export function median(values: Iterable<number>): number {
  return d3median(values) ?? NaN;
}
