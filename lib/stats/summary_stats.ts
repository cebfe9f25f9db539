/**
 * Mean, standard deviation and median per model, concept and strength at the best layers.
 * @module
 */
import { compareStrings } from "../sweep/layout.ts";
import type { BestSample } from "./best_samples.ts";
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
  const groups = new Map<string, { key: BestSample; values: number[] }>();
  for (const row of samples) {
    const id = `${row.model}\u0000${row.concept}\u0000${row.strength}`;
    let group = groups.get(id);
    if (!group) groups.set(id, group = { key: row, values: [] });
    group.values.push(row.logit_diff_matching);
  }
  return [...groups.values()]
    .sort((a, b) =>
      compareStrings(a.key.model, b.key.model) || compareStrings(a.key.concept, b.key.concept) ||
      a.key.strength - b.key.strength
    )
    .map(({ key, values }) => ({
      model: key.model,
      concept: key.concept,
      strength: key.strength,
      mean: mean(values),
      std: std(values),
      median: median(values),
    }));
}
