/**
 * Bootstrap over prompts of the best layer: the layer is chosen again inside every resample, so
 * the interval carries the selection's uncertainty too.
 * @module
 */
import { maxIndex, quantileSorted } from "d3-array";
import { type Random, seededRandom } from "../util/random.ts";
import { layerDeltas, type PromptMatrix, strengthMean, strengthVariance } from "./prompt_matrix.ts";

/** Options of {@link bootstrapBestLayer}. */
export interface BootstrapOptions {
  /** Resamples (default 2,000). */
  resamples?: number;
  /** Seed of the resampling (default 1): the same seed gives the same result. */
  seed?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
}

/** What the bootstrap gives for one run. */
export interface BootstrapResult {
  /** Best layer on all prompts. */
  layer: number;
  /** Percentile interval of the best-layer delta. */
  ci: [number, number];
  /** Share of resamples whose best layer is `layer`. */
  stability: number;
  /** Percentile interval of Cohen's d at each resample's best layer. */
  cohensDCi: [number, number];
  /** Each resample's best-layer delta. */
  deltas: Float64Array;
}

/**
 * Repeat counts of a resample of `n` prompts drawn with replacement.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "../util/random.ts";
 * const weights = resampleWeights(3, seededRandom(1)); // how often each prompt is drawn
 * assert.equal(weights.length, 3);
 * assert.equal(weights.reduce((a, b) => a + b, 0), 3); // three draws with replacement
 * ```
 */
export function resampleWeights(n: number, rand: Random, out = new Float64Array(n)): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[Math.floor(rand() * n)]++;
  return out;
}

/**
 * A percentile interval of some values (linear interpolation, as numpy's default).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(percentileInterval(Float64Array.from([1, 2, 3, 4, 5]), 0.5), [2, 4]);
 * ```
 */
export function percentileInterval(values: Float64Array, level = 0.95): [number, number] {
  const sorted = Array.from(values.filter((v) => !Number.isNaN(v))).sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail) ?? NaN, quantileSorted(sorted, 1 - tail) ?? NaN];
}

/**
 * Resamples prompts `resamples` times; in each, picks the layer of largest delta and records that
 * delta and Cohen's d there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const b = bootstrapBestLayer(promptMatrix(await loadRun(dir, "4B", "corrigible")), {
 *   resamples: 200,
 *   seed: 1,
 * });
 * assert.equal(b.layer, 18);
 * assert.ok(b.ci[0] < 14.0114 && 14.0114 < b.ci[1]); // the interval holds the full-data delta
 * ```
 */
export function bootstrapBestLayer(
  matrix: PromptMatrix,
  options: BootstrapOptions = {},
): BootstrapResult {
  const B = options.resamples ?? 2000, level = options.level ?? 0.95;
  const P = matrix.prompts.length;
  const rand = seededRandom(options.seed ?? 1);
  const all = new Float64Array(P).fill(1);
  const best = maxIndex(layerDeltas(matrix, all));
  const deltas = new Float64Array(B), ds = new Float64Array(B);
  const weights = new Float64Array(P);
  let same = 0;
  for (let b = 0; b < B; b++) {
    resampleWeights(P, rand, weights);
    const layerDelta = layerDeltas(matrix, weights);
    const l = maxIndex(layerDelta);
    if (l === best) same++;
    deltas[b] = l < 0 ? NaN : layerDelta[l];
    const pooled = Math.sqrt(
      (strengthVariance(matrix, "positive", l, weights) +
        strengthVariance(matrix, "negative", l, weights)) / 2,
    );
    const diff = strengthMean(matrix, "positive", l, weights) -
      strengthMean(matrix, "negative", l, weights);
    ds[b] = pooled > 0 ? diff / pooled : NaN; // no d where no spread: never an invented 0
  }
  return {
    layer: best < 0 ? NaN : matrix.layers[best],
    ci: percentileInterval(deltas, level),
    stability: same / B,
    cohensDCi: percentileInterval(ds, level),
    deltas,
  };
}
