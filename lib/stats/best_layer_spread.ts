/**
 * Spread and baseline at the best layer (the author's later notebook, cells 39 and 42): how
 * widely the per-prompt logit differences scatter at each strength, and where each model
 * stands unsteered.
 * @module
 */
import { type BestSample, groupSamples, valuesAt } from "./best_samples.ts";
import { mean, std } from "./describe.ts";

/** One row of the strength spread table. */
export interface StrengthSpreadRow {
  model: string;
  strength: number;
  /** Mean over the model's concepts of the SD (ddof 1) of logit_diff_matching. */
  std_mean: number;
}

/**
 * Per model (in `models` order) and strength (ascending), the mean over the model's concepts of
 * the sample SD of `logit_diff_matching` at the best layer (pass `analysis.bestSamples`). The
 * author hard-codes strengths -1, 0 and 1; we take every strength present in the samples,
 * which gives the same rows on the author's sweeps. A concept whose SD cannot be computed at a
 * strength (fewer than two values) is skipped in that mean, as pandas skips NaN; a model with
 * no SD at a strength has NaN there; a model without best-layer samples has no rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const at = (concept: string, strength: number, logit_diff_matching: number) => ({
 *   model: "4B",
 *   concept,
 *   layer: 18,
 *   strength,
 *   prompt_idx: 0,
 *   matching_answer: "(A)",
 *   logit_diff_matching,
 * });
 * const samples = [at("a", 0, 1), at("a", 0, 3), at("b", 0, 0), at("b", 0, 4), at("a", 1, 5)];
 * const rows = strengthSpread(samples, ["4B"]);
 * assert.deepEqual(rows[0], { model: "4B", strength: 0, std_mean: (Math.SQRT2 + 2 * Math.SQRT2) / 2 });
 * assert.ok(Number.isNaN(rows[1].std_mean)); // one value at +1: no SD
 * ```
 */
export function strengthSpread(
  samples: readonly BestSample[],
  models: readonly string[],
): StrengthSpreadRow[] {
  const groups = groupSamples(samples);
  const strengths = [...new Set(groups.map((g) => g.strength))].sort((a, b) => a - b);
  const sdsOf = (model: string, strength: number) =>
    groups.filter((g) => g.model === model && g.strength === strength).map((g) => std(g.values));
  return models
    .filter((model) => groups.some((g) => g.model === model))
    .flatMap((model) =>
      strengths.map((strength) => ({
        model,
        strength,
        std_mean: mean(sdsOf(model, strength)),
      }))
    );
}

/** One row of the baseline dispositions table. */
export interface BaselineRow {
  model: string;
  concept: string;
  /** Mean logit_diff_matching at strength 0 at the best layer. */
  baseline_mean: number;
}

/**
 * Each pair's mean `logit_diff_matching` at strength 0 at its best layer (pass
 * `analysis.bestSamples`), models outer and concepts inner. A pair without best-layer samples
 * has no row; one without values at strength 0 has NaN (the author's empty subset).
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
 * const rows = baselineDispositions([at(0, 1), at(0, 2), at(1, 9)], ["4B"], ["corrigible", "power"]);
 * assert.deepEqual(rows, [{ model: "4B", concept: "corrigible", baseline_mean: 1.5 }]);
 * ```
 */
export function baselineDispositions(
  samples: readonly BestSample[],
  models: readonly string[],
  concepts: readonly string[],
): BaselineRow[] {
  const present = new Set(samples.map((s) => `${s.model}\u0000${s.concept}`));
  return models.flatMap((model) =>
    concepts
      .filter((concept) => present.has(`${model}\u0000${concept}`))
      .map((concept) => ({
        model,
        concept,
        baseline_mean: mean(valuesAt(samples, model, concept, 0)),
      }))
  );
}
