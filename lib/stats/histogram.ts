/**
 * Density histograms as numpy and matplotlib compute them (`hist(bins=30, density=True)`).
 * @module
 */

/** One histogram bin: [x1, x2) (the last bin includes x2) and its density. */
export interface HistogramBin {
  x1: number;
  x2: number;
  count: number;
  density: number;
}

/**
 * Equal-width bins over [min, max] of the finite values (numpy's rule: a constant input spans
 * value ± 0.5); density = count / (n · bin width), so the bars' area is 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(densityHistogram([0, 1, 1, 2], 2), [
 *   { x1: 0, x2: 1, count: 1, density: 0.25 },
 *   { x1: 1, x2: 2, count: 3, density: 0.75 },
 * ]);
 * ```
 */
export function densityHistogram(values: Iterable<number>, bins = 30): HistogramBin[] {
  const xs = Array.from(values).filter(Number.isFinite);
  if (xs.length === 0) return [];
  let lo = Math.min(...xs), hi = Math.max(...xs);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of xs) counts[Math.min(bins - 1, Math.floor((x - lo) / width))]++;
  return counts.map((count, i) => ({
    x1: lo + i * width,
    x2: i === bins - 1 ? hi : lo + (i + 1) * width,
    count,
    density: count / (xs.length * width),
  }));
}
