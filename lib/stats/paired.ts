/**
 * Paired statistics: the +1 and -1 runs are the same prompts, so compare them prompt by prompt.
 * @module
 */
import jstat from "jstat";
import { mean, std } from "./describe.ts";

const studentt = (jstat as unknown as {
  studentt: { cdf(t: number, df: number): number; inv(p: number, df: number): number };
}).studentt;

/** A paired t-test of differences against 0. */
export interface PairedTest {
  n: number;
  mean: number;
  sd: number;
  /** Effect size of the differences: mean / sd. */
  d_z: number;
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Two-sided p-value of a t statistic with `df` degrees of freedom (jStat's Student t).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(tTestP(2.228138852, 10) - 0.05) < 1e-9); // two-sided
 * ```
 */
export function tTestP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  return Math.min(1, 2 * studentt.cdf(-Math.abs(t), df));
}

/**
 * The paired t-test of differences: t = mean / (sd / sqrt(n)), df = n - 1. NaN skipped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pairedTTest([1, 2, 3, 4]).t, 3.872983346207417);
 * ```
 */
export function pairedTTest(differences: readonly number[]): PairedTest {
  const xs = differences.filter((x) => !Number.isNaN(x));
  const n = xs.length, m = mean(xs), sd = std(xs);
  const t = m / (sd / Math.sqrt(n));
  return { n, mean: m, sd, d_z: m / sd, t, df: n - 1, p: tTestP(t, n - 1) };
}

/**
 * The t interval of the mean of paired differences: mean +- t(1 - (1 - level) / 2, n - 1) x
 * sd / sqrt(n) (scipy's `stats.t.interval`; jStat's Student t quantile agrees with scipy's to
 * about 1e-8). NaN skipped; NaN ends with fewer than two values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const [low, high] = pairedTInterval([1, 2, 3, 4]);
 * // scipy: stats.t.interval(0.95, 3, loc=2.5, scale=stats.sem([1, 2, 3, 4]))
 * assert.ok(Math.abs(low - 0.4457397432394794) < 1e-9);
 * assert.ok(Math.abs(high - 4.554260256760521) < 1e-9);
 * assert.ok(pairedTInterval([1]).every(Number.isNaN)); // one value has no spread
 * ```
 */
export function pairedTInterval(
  differences: readonly number[],
  level = 0.95,
): [number, number] {
  const test = pairedTTest(differences);
  if (!(test.n >= 2) || Number.isNaN(test.sd)) return [NaN, NaN];
  const half = studentt.inv(1 - (1 - level) / 2, test.df) * test.sd / Math.sqrt(test.n);
  return [test.mean - half, test.mean + half];
}

/**
 * Holm's step-down adjustment of p-values, in the input order: the i-th smallest p is multiplied
 * by (m - i + 1), running maxima keep the order, capped at 1. NaN stays NaN and does not count.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
 * assert.deepEqual(adjusted.map((p) => Number(p.toFixed(12))), [0.03, 0.06, 0.06, 0.02]);
 * ```
 */
export function holm(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => [p, i] as const)
    .filter(([p]) => !Number.isNaN(p))
    .sort((a, b) => a[0] - b[0]);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
