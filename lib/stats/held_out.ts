/**
 * Held-out inference at a chosen layer. The prompts are split in two: on the selection half the
 * layer of largest delta is chosen, on the estimation half the effect at that layer is estimated
 * with a paired t interval of the per-prompt differences (+1 minus -1). The estimation prompts
 * play no part in the choice, so the interval keeps its coverage although the layer was chosen
 * as a maximum. What it covers is the effect at the layer chosen on the selection half (not the
 * largest effect over all layers, which it may fall short of when another layer wins by chance).
 *
 * The split depends only on the seed, the concept and each prompt's `prompt_idx`, never on the
 * model: models swept on the same prompts get the same halves, so their held-out effects can be
 * compared prompt by prompt (`model_contrast.ts`).
 * @module
 */
import { maxIndex } from "d3-array";
import { derivedSeed } from "../util/random.ts";
import { pairedTInterval, pairedTTest } from "./paired.ts";
import { layerDeltas, type PromptMatrix } from "./prompt_matrix.ts";

/** Options of {@link heldOutInterval}. */
export interface HeldOutOptions {
  /** Base seed of the split (default 1). */
  seed?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
}

/** The held-out estimate of one run. */
export interface HeldOutInterval {
  /** The layer chosen on the selection half (NaN when none can be). */
  layer: number;
  /** Mean per-prompt difference at that layer on the estimation half. */
  delta: number;
  /** Its paired t interval. */
  ci: [number, number];
  /** Estimation prompts with both strengths at that layer. */
  n: number;
}

/**
 * The selection half of a concept's prompts as weights (1 = selection, 0 = estimation): the
 * prompts ranked by a hash of (seed, concept, prompt_idx), the first floor(P / 2) selected. The
 * same prompts give the same halves in every model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const prompts = Int32Array.from({ length: 10 }, (_, i) => i);
 * const w = selectionWeights(prompts, "corrigible", 1);
 * assert.equal(w.reduce((a, b) => a + b, 0), 5); // half of the prompts select the layer
 * assert.deepEqual(selectionWeights(prompts, "corrigible", 1), w); // reproducible
 * assert.ok(selectionWeights(prompts, "corrigible", 2).some((x, i) => x !== w[i])); // another seed
 * ```
 */
export function selectionWeights(
  prompts: Int32Array,
  concept: string,
  seed: number,
): Float64Array {
  const keys = Array.from(prompts, (p) => derivedSeed(seed, concept, "held-out", p));
  const order = Array.from(prompts, (_, i) => i)
    .sort((a, b) => keys[a] - keys[b] || prompts[a] - prompts[b]);
  const weights = new Float64Array(prompts.length);
  for (const i of order.slice(0, Math.floor(prompts.length / 2))) weights[i] = 1;
  return weights;
}

/**
 * The per-prompt differences (+1 minus -1) at layer index `l`, NaN where a strength is absent
 * (each cell's mean when cells repeat).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const d = promptDifferences(m, m.layers.indexOf(18));
 * const mean = d.reduce((a, b) => a + b, 0) / d.length;
 * assert.ok(Math.abs(mean - 14.011423444747924) < 1e-9); // the layer's delta
 * ```
 */
export function promptDifferences(matrix: PromptMatrix, l: number): Float64Array {
  const P = matrix.prompts.length, offset = l * P;
  return Float64Array.from(
    { length: P },
    (_, p) => matrix.positive[offset + p] - matrix.negative[offset + p],
  );
}

/**
 * The index of the layer of largest delta on the prompts of weight 1 (-1 when no layer has one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const all = new Float64Array(m.prompts.length).fill(1);
 * assert.equal(m.layers[chosenLayer(m, all)], 18); // the best layer on every prompt
 * ```
 */
export function chosenLayer(matrix: PromptMatrix, selection: Float64Array): number {
  return maxIndex(layerDeltas(matrix, selection));
}

/**
 * The held-out interval of a run: the layer chosen on the selection half
 * ({@link selectionWeights}), its effect estimated on the other half with a paired t interval.
 * NaN where it cannot be computed (fewer than two estimation prompts: NaN interval).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const h = heldOutInterval(promptMatrix(await loadRun(dir, "4B", "corrigible")), { seed: 1 });
 * assert.equal(h.n, 20); // 40 prompts: 20 choose the layer, 20 estimate its effect
 * assert.ok(h.ci[0] < h.delta && h.delta < h.ci[1]);
 * assert.ok(h.ci[0] > 0); // a clear effect: the interval excludes 0
 * ```
 */
export function heldOutInterval(
  matrix: PromptMatrix,
  options: HeldOutOptions = {},
): HeldOutInterval {
  const selection = selectionWeights(matrix.prompts, matrix.concept, options.seed ?? 1);
  const l = chosenLayer(matrix, selection);
  if (l < 0) return { layer: NaN, delta: NaN, ci: [NaN, NaN], n: 0 };
  const held = Array.from(promptDifferences(matrix, l)).filter((_, p) => selection[p] === 0);
  const test = pairedTTest(held);
  return {
    layer: matrix.layers[l],
    delta: test.n > 0 ? test.mean : NaN,
    ci: pairedTInterval(held, options.level),
    n: test.n,
  };
}
