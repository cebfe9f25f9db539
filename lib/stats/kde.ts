/**
 * Gaussian kernel density estimation with Scott's bandwidth, as seaborn's violins use it
 * (scipy `gaussian_kde`, `bw_method="scott"`).
 * @module
 */
import { std } from "./describe.ts";

/** One point of an estimated density curve. */
export interface DensityPoint {
  value: number;
  density: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function finite(values: Iterable<number>): number[] {
  return Array.from(values).filter(Number.isFinite);
}

/**
 * Scott's rule: sample std (ddof = 1) times n^(-1/5). NaN for fewer than two values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(scottBandwidth([1, 2, 3, 4]), 1.2909944487358056 * 4 ** -0.2);
 * ```
 */
export function scottBandwidth(values: Iterable<number>): number {
  const xs = finite(values);
  return std(xs) * xs.length ** -0.2;
}

/**
 * The Gaussian kernel density of `values` at `x`, with the given bandwidth (Scott's by default).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(gaussianKde([0], 1)(0), 0.3989422804014327); // the standard normal's peak
 * ```
 */
export function gaussianKde(
  values: Iterable<number>,
  bandwidth = scottBandwidth(values),
): (x: number) => number {
  const xs = Float64Array.from(finite(values));
  const norm = 1 / (xs.length * bandwidth * SQRT_2PI);
  return (x: number) => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      const z = (x - xs[i]) / bandwidth;
      sum += Math.exp(-0.5 * z * z);
    }
    return sum * norm;
  };
}

/** Options of {@link densityCurve}. */
export interface DensityCurveOptions {
  /** Points on the curve (seaborn's `gridsize`, default 100). */
  gridsize?: number;
  /** How far past the data the curve goes, in bandwidths (seaborn's `cut`, default 0). */
  cut?: number;
  /** Bandwidth (default: Scott's rule). */
  bandwidth?: number;
}

/**
 * The density curve on an even grid from min - cut·bw to max + cut·bw. Empty when the density is
 * undefined (fewer than two values, or all equal).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const curve = densityCurve([1, 2, 2, 3], { gridsize: 5 });
 * assert.deepEqual(curve.map((p) => p.value), [1, 1.5, 2, 2.5, 3]);
 * ```
 */
export function densityCurve(
  values: Iterable<number>,
  options: DensityCurveOptions = {},
): DensityPoint[] {
  const xs = finite(values);
  const bandwidth = options.bandwidth ?? scottBandwidth(xs);
  if (!(bandwidth > 0)) return [];
  const gridsize = options.gridsize ?? 100, cut = options.cut ?? 0;
  let lo = Infinity, hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  lo -= cut * bandwidth;
  hi += cut * bandwidth;
  const kde = gaussianKde(xs, bandwidth);
  return Array.from({ length: gridsize }, (_, i) => {
    const value = gridsize === 1 ? lo : lo + (hi - lo) * i / (gridsize - 1);
    return { value, density: kde(value) };
  });
}
