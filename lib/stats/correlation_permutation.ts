/**
 * A permutation test of a correlation over few units (models): the y values are permuted over
 * the units, every ordering when there are at most `exactLimit` of them (6 models: 720), else
 * seeded random ones. It assumes nothing about the shape of the data, so one extreme model (a
 * 235B next to 4-32B) weighs in it only as one ordering among many, not through a t distribution.
 * @module
 */
import { seededRandom } from "../util/random.ts";
import { EXACT_LIMIT, MONTE_CARLO_RESAMPLES, type PermutationOptions } from "./permutation.ts";
import { pearson } from "./pearson.ts";

/**
 * Every ordering of 0..n-1 in turn (Heap's algorithm), the same array mutated between yields.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const seen = [...orderings(3)].map((o) => o.join(""));
 * assert.deepEqual(seen.sort(), ["012", "021", "102", "120", "201", "210"]);
 * ```
 */
export function* orderings(n: number): Generator<number[]> {
  const order = Array.from({ length: n }, (_, i) => i), c = new Array(n).fill(0);
  yield [...order];
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [order[j], order[i]] = [order[i], order[j]];
      yield [...order];
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/**
 * How many orderings n units have (n!): what an exact permutation test of a correlation
 * enumerates, and 1 / n! the smallest p it can give.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(orderingCount(6), 720);
 * assert.equal(orderingCount(0), 1);
 * ```
 */
export function orderingCount(n: number): number {
  return n <= 1 ? 1 : n * orderingCount(n - 1);
}

/**
 * The two-sided permutation p-value of Pearson's r of `x` and `y` (pairs with a non-finite value
 * left out, as `pearson` does): the share of orderings of y whose |r| is at least the observed
 * |r| (within 1e-12). Exact over the n! orderings when there are at most 20,000 (up to 8 units),
 * else (1 + count) / (1 + B) over B seeded random orderings. NaN with fewer than 3 pairs or no
 * spread. The observed ordering counts, so p is at least 1 / n! (6 models: 1/720).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // A perfect line over 4 units: |r| = 1 for y as given and for y reversed, of 24 orderings.
 * assert.equal(correlationPermutationP([1, 2, 3, 4], [2, 4, 6, 8]), 2 / 24);
 * assert.equal(correlationPermutationP([1, 2, 3, 4], [1, 3, 2, 4]) > 0.2, true);
 * assert.ok(Number.isNaN(correlationPermutationP([1, 2], [3, 4])));
 * ```
 */
export function correlationPermutationP(
  x: readonly number[],
  y: readonly number[],
  options: PermutationOptions = {},
): number {
  const keep = x.map((_, i) => i).filter((i) => Number.isFinite(x[i]) && Number.isFinite(y[i]));
  const xs = keep.map((i) => x[i]), ys = keep.map((i) => y[i]);
  const observed = Math.abs(pearson(xs, ys).r);
  if (!Number.isFinite(observed)) return NaN;
  const n = xs.length, threshold = observed - 1e-12;
  const permuted = (order: readonly number[]) => Math.abs(pearson(xs, order.map((i) => ys[i])).r);
  if (orderingCount(n) <= (options.exactLimit ?? EXACT_LIMIT)) {
    let extreme = 0, total = 0;
    for (const order of orderings(n)) {
      total++;
      if (permuted(order) >= threshold) extreme++;
    }
    return extreme / total;
  }
  const rand = seededRandom(options.seed ?? 1), B = options.resamples ?? MONTE_CARLO_RESAMPLES;
  const order = Array.from({ length: n }, (_, i) => i);
  let extreme = 0;
  for (let b = 0; b < B; b++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    if (permuted(order) >= threshold) extreme++;
  }
  return (1 + extreme) / (1 + B);
}
