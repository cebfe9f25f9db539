/**
 * A two-sided permutation test where the unit is a model: group labels are permuted over the
 * units, each unit keeping all its values (a model keeps all its model/concept pairs). The
 * statistic is the difference of the pooled means (mean over every value of group a's units
 * minus the same for group b), so pairs weigh equally, as in the author's group tables.
 * @module
 */
import { seededRandom } from "../util/random.ts";
import { binomial, combinations, randomSubset } from "./combinations.ts";

/** The values of each unit (model): one array per unit, each with at least one value. */
export type Units = readonly (readonly number[])[];

/** Most relabellings enumerated exactly by default; beyond, random ones. */
export const EXACT_LIMIT = 20_000;

/** Random relabellings by default when there are more than {@link EXACT_LIMIT}. */
export const MONTE_CARLO_RESAMPLES = 10_000;

/** How {@link permutationTest} relabels. */
export interface PermutationOptions {
  /** Enumerate every relabelling when there are at most this many (default 20,000). */
  exactLimit?: number;
  /** Random relabellings beyond that limit (default 10,000). */
  resamples?: number;
  /** Seed of the random relabellings (default 1). */
  seed?: number;
}

/** The outcome of {@link permutationTest}. */
export interface PermutationResult {
  /** The observed difference of pooled means, group a minus group b. */
  statistic: number;
  /** Two-sided p-value: the share of relabellings with |T| at least |T observed|. */
  p: number;
  /**
   * The smallest p these group sizes allow (see {@link minAttainableP}): a property of the
   * models. With random relabellings the p computed cannot go below 1 / (1 + resamples) either.
   */
  minAttainableP: number;
  /** Every relabelling enumerated, or random ones (observed labelling counted once more). */
  method: "exact" | "monte-carlo";
  /** How many relabellings were compared: C(n, k) when exact, the resamples otherwise. */
  relabellings: number;
}

/** Ties: |T| counts as at least |T observed| within this share of the data's scale. */
export const TIE_TOLERANCE = 1e-9;

/**
 * The smallest two-sided p-value a permutation test of k units against n - k can give:
 * 1 / C(n, k), doubled when k = n - k (the mirrored labelling gives -T, a tie in |T|).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(minAttainableP(6, 2), 1 / 15); // 2 full-RL models of 6
 * assert.equal(minAttainableP(6, 3), 0.1); // 2 / 20
 * assert.equal(minAttainableP(2, 1), 1); // one model per group: nothing can be shown
 * ```
 */
export function minAttainableP(n: number, k: number): number {
  const count = binomial(n, k);
  return count === 0 ? NaN : Math.min(1, (k === n - k ? 2 : 1) / count);
}

/** Sums and counts per unit, for quick pooled means of any labelling. */
function totals(units: Units) {
  const sums = units.map((u) => u.reduce((s, x) => s + x, 0));
  const counts = units.map((u) => u.length);
  return {
    sums,
    counts,
    sum: sums.reduce((s, x) => s + x, 0),
    count: counts.reduce((s, x) => s + x, 0),
  };
}

/**
 * The difference of pooled means when the units at `chosen` are group a and the rest group b.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // group a: units 0 and 2 (values 1, 2, 6: mean 3); group b: unit 1 (values 4, 6: mean 5)
 * assert.equal(pooledDifference([[1, 2], [4, 6], [6]], [0, 2]), -2);
 * ```
 */
export function pooledDifference(units: Units, chosen: readonly number[]): number {
  return differenceOf(totals(units), chosen);
}

function differenceOf(t: ReturnType<typeof totals>, chosen: readonly number[]): number {
  let sum = 0, count = 0;
  for (const i of chosen) {
    sum += t.sums[i];
    count += t.counts[i];
  }
  return sum / count - (t.sum - sum) / (t.count - count);
}

/** The relabellings to compare: all of them, or seeded random ones. */
function relabellings(n: number, k: number, options: PermutationOptions) {
  const exact = binomial(n, k) <= (options.exactLimit ?? EXACT_LIMIT);
  if (exact) return { exact, draws: combinations(n, k) };
  const rand = seededRandom(options.seed ?? 1),
    resamples = options.resamples ?? MONTE_CARLO_RESAMPLES;
  function* draws() {
    for (let b = 0; b < resamples; b++) yield randomSubset(n, k, rand);
  }
  return { exact, draws: draws() };
}

/**
 * Two-sided permutation test of group a's units against group b's, the unit (model) being what
 * is relabelled. Exact (every one of the C(n, k) relabellings, the observed one included:
 * p = #{|T| >= |T obs|} / C(n, k)) when there are at most `exactLimit`; otherwise `resamples`
 * seeded random relabellings with the observed one counted: p = (1 + #{|T| >= |T obs|}) / (1 + B).
 * Ties within {@link TIE_TOLERANCE} of the data's scale count as at least as extreme, so a
 * difference that is 0 up to rounding gives p = 1. NaN when a group has no unit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // 2 models vs 2: pooled means 2 vs 9; the 6 relabellings give |T| = 7, 0, 7/3, 7/3, 0, 7
 * const result = permutationTest([[1, 3], [2]], [[8, 10], [9]]);
 * assert.equal(result.statistic, -7);
 * assert.equal(result.p, 2 / 6); // the observed labelling and its mirror
 * assert.equal(result.minAttainableP, 2 / 6);
 * assert.equal(result.method, "exact");
 * ```
 */
export function permutationTest(
  a: Units,
  b: Units,
  options: PermutationOptions = {},
): PermutationResult {
  const units = [...a, ...b], n = units.length, k = a.length;
  const t = totals(units);
  const statistic = a.length && b.length ? differenceOf(t, a.map((_, i) => i)) : NaN;
  const scale = Math.max(Math.abs(statistic), ...units.flat().map(Math.abs));
  const threshold = Math.abs(statistic) - TIE_TOLERANCE * scale;
  const { exact, draws } = relabellings(n, k, options);
  let extreme = 0, total = 0;
  for (const chosen of draws) {
    total++;
    if (Math.abs(differenceOf(t, chosen)) >= threshold) extreme++;
  }
  const p = Number.isNaN(statistic) ? NaN : exact ? extreme / total : (1 + extreme) / (1 + total);
  return {
    statistic,
    p,
    minAttainableP: minAttainableP(n, k),
    method: exact ? "exact" : "monte-carlo",
    relabellings: total,
  };
}
