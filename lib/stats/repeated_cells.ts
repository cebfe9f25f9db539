/**
 * Cells of a prompt matrix that hold several rows: a (layer, strength, prompt_idx) key repeated in
 * the file (accepted with `--allow-duplicates`). Every row counts, as in pandas: a layer's mean
 * is over all its rows, and a resampled prompt brings all its rows.
 * @module
 */

/** Sums per cell: of the values, of their squares, and how many (non-NaN) there are. */
export interface RepeatedCells {
  sum: Float64Array;
  sumSq: Float64Array;
  n: Float64Array;
}

/**
 * Empty sums for `size` cells.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(repeatedCells(4).n, new Float64Array(4));
 * ```
 */
export function repeatedCells(size: number): RepeatedCells {
  return { sum: new Float64Array(size), sumSq: new Float64Array(size), n: new Float64Array(size) };
}

/**
 * Adds one row's value to a cell (NaN is skipped, as pandas' mean skips it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = repeatedCells(4);
 * addValue(cells, 3, 1.5);
 * addValue(cells, 3, NaN); // skipped
 * assert.deepEqual([cells.sum[3], cells.sumSq[3], cells.n[3]], [1.5, 2.25, 1]);
 * ```
 */
export function addValue(cells: RepeatedCells, cell: number, value: number): void {
  if (value !== value) return;
  cells.sum[cell] += value;
  cells.sumSq[cell] += value * value;
  cells.n[cell]++;
}

/**
 * The mean of each cell's rows (NaN for a cell without rows).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = repeatedCells(4);
 * addValue(cells, 3, 1);
 * addValue(cells, 3, 2);
 * const means = cellMeans(cells);
 * assert.equal(means[3], 1.5);
 * assert.ok(Number.isNaN(means[0])); // a cell without rows
 * ```
 */
export function cellMeans(cells: RepeatedCells): Float64Array {
  return Float64Array.from(cells.sum, (s, i) => cells.n[i] > 0 ? s / cells.n[i] : NaN);
}

/**
 * Mean of one layer's rows, each prompt weighted (a weight repeats all rows of that prompt).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = repeatedCells(2); // 1 layer x 2 prompts; prompt 0 has two rows
 * addValue(cells, 0, 1);
 * addValue(cells, 0, 3);
 * addValue(cells, 1, 8);
 * assert.equal(repeatedMean(cells, 0, 2, Float64Array.from([1, 1])), 4); // (1 + 3 + 8) / 3
 * assert.equal(repeatedMean(cells, 0, 2, Float64Array.from([0, 2])), 8); // prompt 1 drawn twice
 * ```
 */
export function repeatedMean(
  cells: RepeatedCells,
  layer: number,
  prompts: number,
  weights: Float64Array,
): number {
  let sum = 0, n = 0;
  for (let p = 0, i = layer * prompts; p < prompts; p++, i++) {
    sum += weights[p] * cells.sum[i];
    n += weights[p] * cells.n[i];
  }
  return n > 0 ? sum / n : NaN;
}

/**
 * Sample variance (ddof = 1) of one layer's rows, prompts weighted as in {@link repeatedMean}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = repeatedCells(2); // 1 layer x 2 prompts; prompt 0 has two rows
 * addValue(cells, 0, 1);
 * addValue(cells, 0, 3);
 * addValue(cells, 1, 8);
 * assert.equal(repeatedVariance(cells, 0, 2, Float64Array.from([1, 1])), 13); // var of 1, 3, 8
 * ```
 */
export function repeatedVariance(
  cells: RepeatedCells,
  layer: number,
  prompts: number,
  weights: Float64Array,
): number {
  const m = repeatedMean(cells, layer, prompts, weights);
  let ss = 0, n = 0;
  for (let p = 0, i = layer * prompts; p < prompts; p++, i++) {
    const w = weights[p];
    ss += w * (cells.sumSq[i] - 2 * m * cells.sum[i] + cells.n[i] * m * m);
    n += w * cells.n[i];
  }
  return n > 1 ? Math.max(0, ss) / (n - 1) : NaN;
}
