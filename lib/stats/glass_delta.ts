/**
 * Glass's delta at the best layer, as the author's later notebook computes it (cell 24): the
 * difference of the means at +1 and -1 over the SD at -1 (the negative runs as control), and its
 * comparison with Cohen's d.
 * @module
 */
import type { Pair } from "../sweep/types.ts";
import { type BestSample, valuesAt } from "./best_samples.ts";
import type { EffectSizeRow } from "./effect_sizes.ts";
import { mean, std } from "./describe.ts";

/** One row of the Glass's delta table. */
export interface GlassDeltaRow {
  model: string;
  concept: string;
  mean_positive: number;
  mean_negative: number;
  /** Sample SD (ddof 1) at -1. */
  std_negative: number;
  /** mean_positive - mean_negative. */
  delta: number;
  /** delta / std_negative; NaN when that SD is not positive. */
  glass_delta: number;
}

/**
 * Glass's delta of +1 against -1: (mean(positive) - mean(negative)) / sd(control), sample SD,
 * NaN skipped. The control is the -1 runs by default (the author's); the robustness records'
 * `glass_delta_unsteered` passes the strength-0 runs. NaN when the control's SD is not positive
 * or cannot be computed (the author writes 0 there, which would be an invented number).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(glassDeltaOf([3, 5], [0, 2]), 3 / Math.SQRT2); // delta 3, sd(-1) sqrt(2)
 * assert.equal(glassDeltaOf([3, 5], [0, 2], [1, 3]), 3 / Math.SQRT2); // sd(strength 0)
 * assert.ok(Number.isNaN(glassDeltaOf([3, 5], [1, 1]))); // no spread at -1
 * ```
 */
export function glassDeltaOf(
  positive: readonly number[],
  negative: readonly number[],
  control: readonly number[] = negative,
): number {
  const sd = std(control);
  return sd > 0 ? (mean(positive) - mean(negative)) / sd : NaN;
}

/**
 * The Glass's delta table (cell 24) for the given pairs, in their order: pass the effect-size
 * rows (`analysis.effectSizes`) to get the pairs with data, models outer and concepts inner,
 * so pairs without data are left out as the effect sizes leave them out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const at = (strength: number, logit_diff_matching: number) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer: 18,
 *   strength,
 *   prompt_idx: 0,
 *   matching_answer: "(A)",
 *   logit_diff_matching,
 * });
 * const samples = [at(1, 3), at(1, 5), at(-1, 0), at(-1, 2), at(0, 1)];
 * const [row] = glassDeltas(samples, [{ model: "4B", concept: "corrigible" }]);
 * assert.deepEqual([row.mean_positive, row.mean_negative, row.delta], [4, 1, 3]);
 * assert.equal(row.glass_delta, 3 / Math.SQRT2);
 * ```
 */
export function glassDeltas(
  samples: readonly BestSample[],
  pairs: readonly Pair[],
): GlassDeltaRow[] {
  return pairs.map(({ model, concept }) => {
    const positive = valuesAt(samples, model, concept, 1);
    const negative = valuesAt(samples, model, concept, -1);
    const mean_positive = mean(positive), mean_negative = mean(negative);
    return {
      model,
      concept,
      mean_positive,
      mean_negative,
      std_negative: std(negative),
      delta: mean_positive - mean_negative,
      glass_delta: glassDeltaOf(positive, negative),
    };
  });
}

/** One row of the author's Cohen's d vs Glass's delta comparison. */
export interface GlassVsCohensRow {
  model: string;
  concept: string;
  cohens_d: number;
  glass_delta: number;
  /** glass_delta / cohens_d. */
  ratio: number;
}

/**
 * The author's comparison of Cohen's d and Glass's delta (cell 24): the pairs in both tables
 * (an inner merge on model and concept), in the effect sizes' order, with ratio = glass / d.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const pair = { model: "4B", concept: "corrigible", mean_positive: 4, mean_negative: 1, delta: 3 };
 * const glass = [{ ...pair, std_negative: 1.5, glass_delta: 2 }];
 * const rows = glassVsCohensD([{ ...pair, cohens_d: 1.6 }, { ...pair, model: "8B", cohens_d: 1 }], glass);
 * assert.deepEqual(rows, [{ model: "4B", concept: "corrigible", cohens_d: 1.6, glass_delta: 2, ratio: 1.25 }]);
 * ```
 */
export function glassVsCohensD(
  effects: readonly EffectSizeRow[],
  glass: readonly GlassDeltaRow[],
): GlassVsCohensRow[] {
  return effects.flatMap(({ model, concept, cohens_d }) => {
    const match = glass.find((row) => row.model === model && row.concept === concept);
    if (!match) return [];
    const { glass_delta } = match;
    return [{ model, concept, cohens_d, glass_delta, ratio: glass_delta / cohens_d }];
  });
}
