/**
 * How deep the best layer sits, per model, and whether that goes with the effect size (the
 * author's later notebook, cell 45).
 * @module
 */
import { type BestLayerRow, findBest } from "./best_layers.ts";
import type { EffectSizeRow } from "./effect_sizes.ts";
import { mean } from "./describe.ts";
import { type Correlation, pearson } from "./pearson.ts";
import { correlationPermutationP } from "./correlation_permutation.ts";

/** One row of the best layer depth table. */
export interface BestLayerDepthRow {
  model: string;
  /** Mean over the model's concepts of best layer / layer count. */
  layer_frac_mean: number;
}

/** A best layer as a fraction of its model's layer count (NaN without a count). */
function layerFraction(row: BestLayerRow, layerCounts: Readonly<Record<string, number>>): number {
  return row.layer / (layerCounts[row.model] ?? NaN);
}

/**
 * Per model (in `models` order), the mean over its concepts of the best layer as a fraction of
 * the model's layer count (pass `analysis.bestLayers` and `sweep.layerCounts`). A model without
 * a best layer has no row; one without a layer count has NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { delta: 1, baseline_mean: 0, positive_mean: 1, negative_mean: 0 };
 * const best = [
 *   { ...row, model: "4B", concept: "a", layer: 18 },
 *   { ...row, model: "4B", concept: "b", layer: 27 },
 * ];
 * assert.deepEqual(bestLayerDepth(best, ["4B", "8B"], { "4B": 36, "8B": 36 }), [
 *   { model: "4B", layer_frac_mean: 0.625 },
 * ]);
 * ```
 */
export function bestLayerDepth(
  best: readonly BestLayerRow[],
  models: readonly string[],
  layerCounts: Readonly<Record<string, number>>,
): BestLayerDepthRow[] {
  return models.flatMap((model) => {
    const rows = best.filter((row) => row.model === model);
    if (rows.length === 0) return [];
    return [{ model, layer_frac_mean: mean(rows.map((row) => layerFraction(row, layerCounts))) }];
  });
}

/**
 * Pearson r (and two-sided p) over model/concept pairs of the best layer's depth fraction
 * against Cohen's d: the pairs with data (pass `analysis.effectSizes`) that have a best layer
 * (`analysis.bestLayers`), as the author's merge of the two tables (cell 45). Pairs whose model
 * has no layer count are left out; fewer than three pairs give NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { delta: 1, baseline_mean: 0, positive_mean: 1, negative_mean: 0 };
 * const best = [18, 20, 24, 30].map((layer, i) => ({ ...row, model: "4B", concept: `c${i}`, layer }));
 * const effect = { model: "4B", mean_positive: 1, mean_negative: 0, delta: 1 };
 * const effects = [2, 1.8, 1.2, 0.5].map((cohens_d, i) => ({ ...effect, concept: `c${i}`, cohens_d }));
 * const { n, r } = layerFracVsD(best, effects, { "4B": 36 });
 * assert.equal(n, 4);
 * assert.ok(r < -0.9); // deeper best layers, smaller d
 * ```
 */
export function layerFracVsD(
  best: readonly BestLayerRow[],
  effects: readonly EffectSizeRow[],
  layerCounts: Readonly<Record<string, number>>,
): Correlation {
  const pairs = fractionPairs(best, effects, layerCounts);
  return pearson(pairs.map((p) => p.fraction), pairs.map((p) => p.d));
}

/** Each pair with data that has a best layer: its model, depth fraction and Cohen's d. */
function fractionPairs(
  best: readonly BestLayerRow[],
  effects: readonly EffectSizeRow[],
  layerCounts: Readonly<Record<string, number>>,
): { model: string; fraction: number; d: number }[] {
  return effects.flatMap((effect) => {
    const row = findBest(best, effect.model, effect.concept);
    return row
      ? [{ model: effect.model, fraction: layerFraction(row, layerCounts), d: effect.cohens_d }]
      : [];
  });
}

/** The model-level check of {@link layerFracVsD}: per-model means, tested over the models. */
export interface ModelLevelCorrelation {
  /** Models with a best-layer fraction and a Cohen's d. */
  n_models: number;
  /** Pearson r of each model's mean best-layer fraction against its mean Cohen's d. */
  r_models: number;
  /** Two-sided permutation p over the orderings of the models. */
  p_models: number;
}

/**
 * {@link layerFracVsD} with the model as the unit: the pairs of one model share its depth and
 * training, so they are not independent and the pair-level p is too small. Here each model's
 * mean fraction and mean Cohen's d (over its pairs with data) are correlated, with a
 * permutation p over the models.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { delta: 1, baseline_mean: 0, positive_mean: 1, negative_mean: 0 };
 * const effect = { mean_positive: 1, mean_negative: 0, delta: 1 };
 * const models = ["4B", "8B", "14B", "32B"], layers = [18, 20, 24, 48];
 * const best = models.map((model, i) => ({ ...row, model, concept: "c", layer: layers[i] }));
 * const effects = models.map((model, i) => ({ ...effect, model, concept: "c", cohens_d: 2 - i / 2 }));
 * const counts = { "4B": 36, "8B": 36, "14B": 40, "32B": 64 };
 * const { n_models, r_models, p_models } = layerFracVsDModels(best, effects, counts);
 * assert.equal(n_models, 4);
 * assert.ok(r_models < -0.8);
 * assert.ok(p_models >= 1 / 24); // 4 models: 24 orderings at most
 * ```
 */
export function layerFracVsDModels(
  best: readonly BestLayerRow[],
  effects: readonly EffectSizeRow[],
  layerCounts: Readonly<Record<string, number>>,
): ModelLevelCorrelation {
  const byModel = new Map<string, { fractions: number[]; ds: number[] }>();
  for (const { model, fraction, d } of fractionPairs(best, effects, layerCounts)) {
    const entry = byModel.get(model) ?? { fractions: [], ds: [] };
    entry.fractions.push(fraction);
    entry.ds.push(d);
    byModel.set(model, entry);
  }
  const fractions = [...byModel.values()].map((e) => mean(e.fractions));
  const ds = [...byModel.values()].map((e) => mean(e.ds));
  const { n, r } = pearson(fractions, ds);
  return { n_models: n, r_models: r, p_models: correlationPermutationP(fractions, ds) };
}
