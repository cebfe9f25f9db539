/**
 * A run's per-sample values as layer x prompt matrices (typed arrays), one per strength, so
 * resampling prompts is arithmetic on arrays rather than objects.
 * @module
 */
import type { SweepRun } from "../sweep/types.ts";

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
}

function sortedUnique(values: ArrayLike<number>): Int32Array {
  return Int32Array.from(new Set(Array.from(values))).sort();
}

/**
 * Builds the matrices of a run from its per-sample columns: strength +1 (positive), -1
 * (negative) and 0 (baseline).
 *
 * @example
 * ```ts
 * const m = promptMatrix(run);
 * m.positive[2 * m.prompts.length + 5]; // logit diff at the third layer, sixth prompt, +1
 * ```
 */
export function promptMatrix(run: SweepRun): PromptMatrix {
  const s = run.samples;
  const layers = sortedUnique(s.layer), prompts = sortedUnique(s.prompt_idx);
  const layerIndex = new Map(Array.from(layers, (l, i) => [l, i]));
  const promptIndex = new Map(Array.from(prompts, (p, i) => [p, i]));
  const size = layers.length * prompts.length;
  const matrix = {
    positive: new Float64Array(size).fill(NaN),
    negative: new Float64Array(size).fill(NaN),
    baseline: new Float64Array(size).fill(NaN),
  };
  for (let i = 0; i < s.length; i++) {
    const target = s.strength[i] === 1
      ? matrix.positive
      : s.strength[i] === -1
      ? matrix.negative
      : s.strength[i] === 0
      ? matrix.baseline
      : undefined;
    if (!target) continue;
    const cell = layerIndex.get(s.layer[i])! * prompts.length + promptIndex.get(s.prompt_idx[i])!;
    target[cell] = s.logit_diff_matching[i];
  }
  let complete = true;
  const difference = new Float64Array(size);
  for (let i = 0; i < size && complete; i++) {
    difference[i] = matrix.positive[i] - matrix.negative[i];
    complete = difference[i] === difference[i];
  }
  return {
    model: run.model,
    concept: run.concept,
    layers,
    prompts,
    ...matrix,
    ...(complete ? { difference } : {}),
  };
}

/**
 * Weighted mean of one layer's row (weights per prompt; NaN cells skipped).
 *
 * @example
 * ```ts
 * rowMean(m.positive, 0, m.prompts.length, weights); // mean at the first layer
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
 * rowVariance(m.negative, 3, m.prompts.length, weights);
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
 * layerDeltas(m, new Float64Array(m.prompts.length).fill(1)); // the sweep's deltas
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
    (_, l) => rowMean(matrix.positive, l, P, weights) - rowMean(matrix.negative, l, P, weights),
  );
}
