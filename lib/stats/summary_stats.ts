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
 * summaryStats(samples)[0]; // { model: "14B", concept: "corrigible", strength: -1, mean: -1.34..., ... }
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
