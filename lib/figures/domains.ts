/**
 * Scale domains that cover everything a figure draws, with a margin, so that no mark touches or
 * crosses its panel's frame.
 * @module
 */

/**
 * The extent of the finite values, widened by `fraction` of its span on each side (matplotlib's
 * 5% axis margins); a single value gets ±0.5 (or ±5% of itself, if larger).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(paddedDomain([0, 10]), [-0.5, 10.5]);
 * assert.deepEqual(paddedDomain([2]), [1.5, 2.5]);
 * ```
 */
export function paddedDomain(values: Iterable<number>, fraction = 0.05): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  const pad = hi > lo ? (hi - lo) * fraction : Math.max(0.5, Math.abs(lo) * fraction);
  return [lo - pad, hi + pad];
}

/**
 * A domain from 0 (where bars start) to the largest value plus a margin.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const [lo, hi] = zeroBasedDomain([0.1, 0.3]);
 * assert.equal(lo, 0);
 * assert.ok(Math.abs(hi - 0.315) < 1e-12);
 * ```
 */
export function zeroBasedDomain(values: Iterable<number>, fraction = 0.05): [number, number] {
  const hi = Math.max(0, ...Array.from(values).filter(Number.isFinite));
  return [0, hi > 0 ? hi * (1 + fraction) : 1];
}
