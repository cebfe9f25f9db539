/**
 * Pearson's correlation coefficient and its two-sided p-value, as scipy's `pearsonr`.
 * @module
 */
import jstat from "jstat";

const studentt = (jstat as unknown as {
  studentt: { cdf(t: number, df: number): number };
}).studentt;

/** A correlation: how many pairs it is over, Pearson's r and its two-sided p-value. */
export interface Correlation {
  n: number;
  r: number;
  p: number;
}

/** The pairs of `x` and `y` (same index) where both are finite numbers. */
function finitePairs(x: readonly number[], y: readonly number[]): [number[], number[]] {
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  return [xs, ys];
}

/** Divides every value by the largest absolute value (NaN when all are 0). */
function scaled(values: readonly number[]): number[] {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return values.map((v) => v / largest);
}

/**
 * Centres the values on their mean and scales them to unit length (NaN when all are equal),
 * in scipy's steps: scaled by the largest value, centred, scaled again, normalised.
 */
function unitDeviations(values: readonly number[]): number[] {
  const xs = scaled(values);
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const centred = scaled(xs.map((v) => v - m));
  const norm = Math.sqrt(centred.reduce((sum, v) => sum + v * v, 0));
  return centred.map((v) => v / norm);
}

/**
 * Two-sided p-value of a Pearson r over `n` pairs: Student's t = r * sqrt((n - 2) / (1 - r²))
 * with n - 2 degrees of freedom (scipy's beta form of the same distribution); 0 when |r| is 1.
 * jStat's Student t agrees with scipy to about 1e-8 (its continued fraction stops there).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(pearsonP(0.5, 3) - 2 / 3) < 1e-7); // n = 3: 1 - (2/pi) asin|r| (jStat: ~1e-8)
 * assert.ok(Math.abs(pearsonP(0.8, 4) - 0.2) < 1e-12); // n = 4: p = 1 - |r|
 * assert.equal(pearsonP(-1, 5), 0);
 * ```
 */
export function pearsonP(r: number, n: number): number {
  if (Number.isNaN(r) || n < 3) return NaN;
  if (Math.abs(r) === 1) return 0;
  const df = n - 2;
  const t = r * Math.sqrt(df / (1 - r * r));
  return Math.min(1, 2 * studentt.cdf(-Math.abs(t), df));
}

/**
 * Pearson's r of `x` against `y` and its two-sided p-value, as scipy's `pearsonr`: r is the dot
 * product of the centred, unit-length values (computed in scipy's steps, so a perfect line
 * gives exactly ±1), clipped to [-1, 1]. Pairs where either value is NaN or infinite are left
 * out (`n` counts the rest; scipy would return NaN). Fewer than three pairs, or no spread in
 * either variable, gives NaN r and p (scipy returns r = ±1 with p = 1 for exactly two pairs;
 * with fewer than three there is no test to speak of).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]), { n: 5, r: 1, p: 0 });
 * const { r, p } = pearson([1, 2, 3, 4], [1, 3, 2, 4]);
 * assert.ok(Math.abs(r - 0.8) < 1e-12 && Math.abs(p - 0.2) < 1e-12);
 * assert.ok(Number.isNaN(pearson([1, 2], [3, 5]).r)); // two pairs: no test
 * ```
 */
export function pearson(x: readonly number[], y: readonly number[]): Correlation {
  const [xs, ys] = finitePairs(x, y);
  const n = xs.length;
  if (n < 3) return { n, r: NaN, p: NaN };
  const ux = unitDeviations(xs), uy = unitDeviations(ys);
  let dot = 0;
  for (let i = 0; i < n; i++) dot += ux[i] * uy[i];
  const r = Math.max(-1, Math.min(1, dot));
  return { n, r, p: pearsonP(r, n) };
}
