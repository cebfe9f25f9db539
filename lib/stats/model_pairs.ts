/**
 * The effect sizes regrouped by model: each model with the Cohen's d and delta of its pairs with
 * data, the unit of the comparisons between models.
 * @module
 */
import type { EffectSizeRow } from "./effect_sizes.ts";

/** What is compared between groups of models. */
export type PairValue = "cohens_d" | "delta";

/** One model and its pairs with data (same order in both arrays). */
export interface ModelPairs {
  model: string;
  concepts: string[];
  cohens_d: number[];
  delta: number[];
}

/**
 * Each model with the pairs that have data: a row of `effect_sizes` with a finite Cohen's d and
 * delta (missing pairs are absent from that table already). Models in first-seen order; a model
 * with no such pair is left out: it is no unit of any comparison.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { mean_positive: 0, mean_negative: 0 };
 * const pairs = modelPairs([
 *   { ...row, model: "4B", concept: "a", delta: 4, cohens_d: 1 },
 *   { ...row, model: "32B", concept: "a", delta: 2, cohens_d: NaN },
 *   { ...row, model: "4B", concept: "b", delta: 6, cohens_d: 2 },
 * ]);
 * assert.deepEqual(pairs, [{ model: "4B", concepts: ["a", "b"], cohens_d: [1, 2], delta: [4, 6] }]);
 * ```
 */
export function modelPairs(rows: readonly EffectSizeRow[]): ModelPairs[] {
  const byModel = new Map<string, ModelPairs>();
  for (const row of rows) {
    if (!Number.isFinite(row.cohens_d) || !Number.isFinite(row.delta)) continue;
    const entry = byModel.get(row.model) ??
      { model: row.model, concepts: [], cohens_d: [], delta: [] };
    entry.concepts.push(row.concept);
    entry.cohens_d.push(row.cohens_d);
    entry.delta.push(row.delta);
    byModel.set(row.model, entry);
  }
  return [...byModel.values()];
}

/**
 * The mean of one value over every pair of some models (pairs weigh equally, as in the author's
 * `groupby` over pairs); NaN for no pair.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const models = [
 *   { model: "4B", concepts: ["a", "b"], cohens_d: [1, 2], delta: [4, 6] },
 *   { model: "8B", concepts: ["a"], cohens_d: [3], delta: [2] },
 * ];
 * assert.equal(pooledMean(models, "cohens_d"), 2); // (1 + 2 + 3) / 3
 * assert.equal(pooledMean(models, "delta"), 4);
 * assert.ok(Number.isNaN(pooledMean([], "delta")));
 * ```
 */
export function pooledMean(models: readonly ModelPairs[], value: PairValue): number {
  const values = models.flatMap((m) => m[value]);
  return values.length ? values.reduce((s, x) => s + x, 0) / values.length : NaN;
}
