/**
 * A run's per-sample values as layer x prompt matrices (typed arrays), one per strength, so
 * resampling prompts is arithmetic on arrays rather than objects.
 * @module
 */
import type { SweepRun } from "../sweep/types.ts";
import { distinctPositions } from "./distinct_positions.ts";
import {
  addValue,
  cellMeans,
  type RepeatedCells,
  repeatedCells,
  repeatedMean,
  repeatedVariance,
} from "./repeated_cells.ts";

/** The three strengths of a matrix. */
export type Strength = "positive" | "negative" | "baseline";

/** Layer x prompt matrices of one run: `positive[l * prompts.length + p]`, NaN where absent. */
export interface PromptMatrix {
  model: string;
  concept: string;
  layers: Int32Array;
  prompts: Int32Array;
  positive: Float64Array;
  negative: Float64Array;
  baseline: Float64Array;
  /**
   * positive - negative, when every layer has both strengths for every prompt (then a layer's
   * delta is one weighted sum); undefined otherwise.
   */
  difference?: Float64Array;
  /**
   * When some (layer, strength, prompt) holds several rows (duplicates allowed): the sums of
   * every cell, so every row counts; `positive` etc. then hold each cell's mean.
   */
  repeated?: Record<Strength, RepeatedCells>;
}

const STRENGTHS: readonly Strength[] = ["positive", "negative", "baseline"];

/** 0 (+1), 1 (-1), 2 (0) or -1 (another strength): the index of a strength in STRENGTHS. */
function strengthIndex(value: number): number {
  return value === 1 ? 0 : value === -1 ? 1 : value === 0 ? 2 : -1;
}

/** The cell sums of the rows before `end` (the first repeated row found). */
function sumsUpTo(run: SweepRun, end: number, cells: Int32Array, size: number): RepeatedCells[] {
  const s = run.samples;
  const sums = STRENGTHS.map(() => repeatedCells(size));
  for (let i = 0; i < end; i++) {
    const which = strengthIndex(s.strength[i]);
    if (which >= 0) addValue(sums[which], cells[i], s.logit_diff_matching[i]);
  }
  return sums;
}

/** A statistic of one layer's row under prompt weights. */
type RowStatistic = (
  values: Float64Array,
  layer: number,
  prompts: number,
  w: Float64Array,
) => number;
/** The same statistic over repeated cells. */
type RepeatedStatistic = (
  cells: RepeatedCells,
  layer: number,
  prompts: number,
  w: Float64Array,
) => number;

/** A statistic of a layer at a strength that counts every row when cells repeat. */
function byStrength(plain: RowStatistic, repeated: RepeatedStatistic) {
  return (matrix: PromptMatrix, which: Strength, layer: number, weights: Float64Array): number => {
    const P = matrix.prompts.length;
    return matrix.repeated
      ? repeated(matrix.repeated[which], layer, P, weights)
      : plain(matrix[which], layer, P, weights);
  };
}

/**
 * Weighted mean of one layer at a strength: over every row when cells repeat, else
 * {@link rowMean} of the matrix.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const all = new Float64Array(m.prompts.length).fill(1);
 * const layer = m.layers.indexOf(18);
 * assert.ok(Math.abs(strengthMean(m, "positive", layer, all) - 7.9048417687) < 1e-9);
 * ```
 */
export const strengthMean = byStrength(rowMean, repeatedMean);

/**
 * Weighted sample variance of one layer at a strength (every row when cells repeat).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const all = new Float64Array(m.prompts.length).fill(1);
 * const first = m.positive.slice(0, m.prompts.length);
 * const mean = first.reduce((a, b) => a + b, 0) / first.length;
 * const variance = first.reduce((s, x) => s + (x - mean) ** 2, 0) / (first.length - 1);
 * assert.ok(Math.abs(strengthVariance(m, "positive", 0, all) - variance) < 1e-9); // ddof = 1
 * ```
 */
export const strengthVariance = byStrength(rowVariance, repeatedVariance);

/**
 * Builds the matrices of a run from its per-sample columns: strength +1 (positive), -1
 * (negative) and 0 (baseline).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * assert.deepEqual([m.layers.length, m.prompts.length, m.positive.length], [25, 40, 25 * 40]);
 * assert.equal(m.layers[2], 13); // positive[2 * 40 + 5]: the third layer, sixth prompt, +1
 * ```
 */
export function promptMatrix(run: SweepRun): PromptMatrix {
  const s = run.samples;
  const byLayer = distinctPositions(s.layer), byPrompt = distinctPositions(s.prompt_idx);
  const layers = byLayer.sorted, prompts = byPrompt.sorted, P = prompts.length;
  const size = layers.length * P;
  const cells = new Int32Array(s.length);
  for (let i = 0; i < s.length; i++) cells[i] = byLayer.positions[i] * P + byPrompt.positions[i];
  const values = STRENGTHS.map(() => new Float64Array(size).fill(NaN));
  const filled = STRENGTHS.map(() => new Uint8Array(size));
  let repeated: RepeatedCells[] | undefined;
  for (let i = 0; i < s.length; i++) {
    const which = strengthIndex(s.strength[i]);
    if (which < 0) continue;
    const cell = cells[i];
    if (filled[which][cell]++ > 0 && !repeated) repeated = sumsUpTo(run, i, cells, size);
    if (repeated) addValue(repeated[which], cell, s.logit_diff_matching[i]);
    else values[which][cell] = s.logit_diff_matching[i];
  }
  const head = { model: run.model, concept: run.concept, layers, prompts };
  if (repeated) {
    const [positive, negative, baseline] = repeated.map(cellMeans);
    const [rp, rn, rb] = repeated;
    return {
      ...head,
      positive,
      negative,
      baseline,
      repeated: { positive: rp, negative: rn, baseline: rb },
    };
  }
  const [positive, negative, baseline] = values;
  let complete = true;
  const difference = new Float64Array(size);
  for (let i = 0; i < size && complete; i++) {
    difference[i] = positive[i] - negative[i];
    complete = difference[i] === difference[i];
  }
  return { ...head, positive, negative, baseline, ...(complete ? { difference } : {}) };
}

/**
 * Weighted mean of one layer's row (weights per prompt; NaN cells skipped).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const values = Float64Array.from([1, 2, 3, 10, 20, NaN]); // 2 layers x 3 prompts
 * assert.equal(rowMean(values, 0, 3, Float64Array.from([1, 1, 1])), 2);
 * assert.equal(rowMean(values, 0, 3, Float64Array.from([2, 0, 1])), 5 / 3); // prompt 0 drawn twice
 * assert.equal(rowMean(values, 1, 3, Float64Array.from([1, 1, 1])), 15); // NaN skipped
 * ```
 */
export function rowMean(
  values: Float64Array,
  layer: number,
  prompts: number,
  weights: Float64Array,
): number {
  let sum = 0, n = 0;
  const offset = layer * prompts;
  for (let p = 0; p < prompts; p++) {
    const w = weights[p], x = values[offset + p];
    if (w !== 0 && x === x) {
      sum += w * x;
      n += w;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/**
 * Weighted sample variance (ddof = 1, weights as repeat counts) of one layer's row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const values = Float64Array.from([1, 2, 3, 10, 20, NaN]); // 2 layers x 3 prompts
 * assert.equal(rowVariance(values, 0, 3, Float64Array.from([1, 1, 1])), 1);
 * assert.equal(rowVariance(values, 1, 3, Float64Array.from([1, 1, 1])), 50);
 * ```
 */
export function rowVariance(
  values: Float64Array,
  layer: number,
  prompts: number,
  weights: Float64Array,
): number {
  const m = rowMean(values, layer, prompts, weights);
  let ss = 0, n = 0;
  const offset = layer * prompts;
  for (let p = 0; p < prompts; p++) {
    const w = weights[p], x = values[offset + p];
    if (w !== 0 && x === x) {
      ss += w * (x - m) * (x - m);
      n += w;
    }
  }
  return n > 1 ? ss / (n - 1) : NaN;
}

/**
 * Delta (mean at +1 minus mean at -1) of every layer under prompt weights.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const deltas = layerDeltas(m, new Float64Array(m.prompts.length).fill(1)); // the sweep's deltas
 * assert.ok(Math.abs(deltas[m.layers.indexOf(18)] - 14.011423444747924) < 1e-9);
 * ```
 */
export function layerDeltas(matrix: PromptMatrix, weights: Float64Array): Float64Array {
  const P = matrix.prompts.length;
  const d = matrix.difference;
  if (d) {
    let total = 0;
    for (let p = 0; p < P; p++) total += weights[p];
    const out = new Float64Array(matrix.layers.length);
    for (let l = 0, offset = 0; l < out.length; l++, offset += P) {
      let sum = 0;
      for (let p = 0; p < P; p++) sum += weights[p] * d[offset + p];
      out[l] = total > 0 ? sum / total : NaN;
    }
    return out;
  }
  return Float64Array.from(
    matrix.layers,
    (_, l) =>
      strengthMean(matrix, "positive", l, weights) - strengthMean(matrix, "negative", l, weights),
  );
}
