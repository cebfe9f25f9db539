/**
 * How deep the best layer sits, per model, and whether that goes with the effect size (the
 * author's later notebook, cell 45).
 * @module
 */
import { type BestLayerRow, findBest } from "./best_layers.ts";
import type { EffectSizeRow } from "./effect_sizes.ts";
import { mean } from "./describe.ts";
import { type Correlation, pearson } from "./pearson.ts";

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
  const fractions: number[] = [], ds: number[] = [];
  for (const effect of effects) {
    const row = findBest(best, effect.model, effect.concept);
    if (!row) continue;
    fractions.push(layerFraction(row, layerCounts));
    ds.push(effect.cohens_d);
  }
  return pearson(fractions, ds);
}
