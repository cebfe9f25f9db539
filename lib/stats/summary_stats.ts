/**
 * Mean, standard deviation and median per model, concept and strength at the best layers.
 * @module
 */
import { compareStrings } from "../sweep/layout.ts";
import { type BestSample, groupSamples } from "./best_samples.ts";
import { mean, median, std } from "./describe.ts";

/** One group of the summary-statistics table. */
export interface SummaryStatRow {
  model: string;
  concept: string;
  strength: number;
  mean: number;
  std: number;
  median: number;
}

/**
 * Groups best-layer samples by model, concept and strength (keys sorted as pandas `groupby` does:
 * strings by code unit, strengths by value) and gives each group's mean, std (ddof = 1) and median.
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
 * const [negative, positive] = summaryStats([at(1, 2), at(1, 4), at(1, 9), at(-1, -1)]);
 * assert.deepEqual([negative.strength, negative.mean], [-1, -1]);
 * assert.ok(Number.isNaN(negative.std)); // one value: ddof = 1 gives NaN
 * assert.deepEqual([positive.mean, positive.median], [5, 4]);
 * ```
 */
export function summaryStats(samples: readonly BestSample[]): SummaryStatRow[] {
  return groupSamples(samples)
    .sort((a, b) =>
      compareStrings(a.model, b.model) || compareStrings(a.concept, b.concept) ||
      a.strength - b.strength
    )
    .map(({ model, concept, strength, values }) => ({
      model,
      concept,
      strength,
      mean: mean(values),
      std: std(values),
      median: median(values),
    }));
}
