/**
 * Depth analysis: layer position as a fraction of the model's depth, and shallow vs deep models.
 * @module
 */
import type { LayerSummaryRow } from "../sweep/types.ts";
import { type BestLayerRow, findBest } from "./best_layers.ts";
import { mean } from "./describe.ts";
import type { ModelGroups } from "../models/groups.ts";

/** A layer-summary row with its layer as a fraction of the model's layer count. */
export interface LayerSummaryWithFraction extends LayerSummaryRow {
  layer_frac: number;
}

/**
 * Adds `layer_frac = layer / layer count` to each layer-summary row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { model: "4B", concept: "c", layer: 18, baseline_mean: 0, positive_mean: 7, negative_mean: -7, delta: 14 };
 * assert.equal(withLayerFraction([row], { "4B": 36 })[0].layer_frac, 0.5);
 * ```
 */
export function withLayerFraction(
  rows: readonly LayerSummaryRow[],
  layerCounts: Readonly<Record<string, number>>,
): LayerSummaryWithFraction[] {
  return rows.map((row) => ({ ...row, layer_frac: row.layer / layerCounts[row.model] }));
}

/** One row of the best-layer-position table: the fraction per concept (NaN where absent). */
export interface BestLayerPositionRow {
  model: string;
  layers: number;
  fractions: Record<string, number>;
}

/**
 * Each model's best layer per concept as a fraction of its layer count.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { baseline_mean: 0, positive_mean: 7, negative_mean: -7, delta: 14 };
 * const best = [{ ...row, model: "4B", concept: "corrigible", layer: 18 }];
 * const [position] = bestLayerPosition(best, ["4B"], ["corrigible", "honesty"], { "4B": 36 });
 * assert.equal(position.fractions.corrigible, 0.5);
 * assert.ok(Number.isNaN(position.fractions.honesty)); // no best layer: missing, not 0
 * ```
 */
export function bestLayerPosition(
  best: readonly BestLayerRow[],
  models: readonly string[],
  concepts: readonly string[],
  layerCounts: Readonly<Record<string, number>>,
): BestLayerPositionRow[] {
  return models.map((model) => {
    const fractions: Record<string, number> = {};
    for (const concept of concepts) {
      const row = findBest(best, model, concept);
      fractions[concept] = row ? row.layer / layerCounts[model] : NaN;
    }
    return { model, layers: layerCounts[model], fractions };
  });
}

/** Shallow vs deep best deltas for one concept. */
export interface ShallowDeepRow {
  concept: string;
  shallow_avg: number;
  deep_avg: number;
  /** shallow_avg / deep_avg; NaN when there is no deep model or its average is not positive. */
  ratio: number;
  n_shallow: number;
  n_deep: number;
  shallow_models: string[];
  deep_models: string[];
}

/**
 * Per concept, the mean best delta of the shallow models and of the deep ones (as `groups`
 * says), and their ratio. An empty group's average is NaN (the original prints 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelGroups } from "../models/groups.ts";
 * const row = { concept: "corrigible", layer: 20, baseline_mean: 0, positive_mean: 7, negative_mean: -7 };
 * const best = [{ ...row, model: "4B", delta: 12 }, { ...row, model: "8B", delta: 8 }, {
 *   ...row,
 *   model: "32B",
 *   delta: 4,
 * }];
 * const models = ["4B", "8B", "32B"];
 * const groups = modelGroups(models, { "4B": 36, "8B": 36, "32B": 64 });
 * const [corrigible] = shallowVsDeep(best, models, ["corrigible"], groups);
 * assert.deepEqual([corrigible.shallow_avg, corrigible.deep_avg, corrigible.ratio], [10, 4, 2.5]);
 * ```
 */
export function shallowVsDeep(
  best: readonly BestLayerRow[],
  models: readonly string[],
  concepts: readonly string[],
  groups: ModelGroups,
): ShallowDeepRow[] {
  return concepts.map((concept) => {
    const present = models.filter((model) => findBest(best, model, concept));
    const deltaOf = (model: string) => findBest(best, model, concept)!.delta;
    const deep_models = present.filter((m) => groups.deep.includes(m));
    const shallow_models = present.filter((m) => groups.shallow.includes(m));
    const shallow_avg = mean(shallow_models.map(deltaOf));
    const deep_avg = mean(deep_models.map(deltaOf));
    return {
      concept,
      shallow_avg,
      deep_avg,
      ratio: deep_avg > 0 ? shallow_avg / deep_avg : NaN,
      n_shallow: shallow_models.length,
      n_deep: deep_models.length,
      shallow_models,
      deep_models,
    };
  });
}
