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
 * repeatedCells(4).n; // Float64Array [0, 0, 0, 0]
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
 * addValue(cells, 3, 1.5);
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
 * cellMeans(cells)[3]; // mean of the rows of cell 3
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
 * repeatedMean(cells, 0, prompts, weights); // the mean of every row at the first layer
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
 * repeatedVariance(cells, 0, prompts, weights);
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
