/**
 * `analyse`: every table of the original notebook from one loaded sweep, and the summary JSON.
 * @module
 */
import type { Pair, Sweep } from "../sweep/types.ts";
import { type BestLayerRow, bestLayers } from "./best_layers.ts";
import { bestLayerSamples, type BestSample } from "./best_samples.ts";
import { type CountRow, rowCounts } from "./counts.ts";
import {
  bestLayerPosition,
  type BestLayerPositionRow,
  type LayerSummaryWithFraction,
  type ShallowDeepRow,
  shallowVsDeep,
  withLayerFraction,
} from "./depth.ts";
import { type GroupOptions, type ModelGroups, modelGroups } from "../models/groups.ts";
import { conceptAverages, type EffectSizeRow, effectSizes, modelAverages } from "./effect_sizes.ts";
import { type HeatmapCell, heatmapMeans } from "./heatmap.ts";
import { type Pivot, pivot } from "./pivot.ts";
import { type SummaryStatRow, summaryStats } from "./summary_stats.ts";

/** Everything the notebook computes, table by table. */
export interface Analysis {
  sweep: Sweep;
  /** The models grouped (shallow and deep): what every table, figure and report groups by. */
  groups: ModelGroups;
  /** `summaries_df` with `layer_frac`. */
  layerSummaries: LayerSummaryWithFraction[];
  bestLayers: BestLayerRow[];
  bestDeltaPivot: Pivot;
  bestSamples: BestSample[];
  summaryStats: SummaryStatRow[];
  effectSizes: EffectSizeRow[];
  cohensDPivot: Pivot;
  conceptAvgEffect: [string, number][];
  modelAvgEffect: [string, number][];
  heatmapMeans: HeatmapCell[];
  bestLayerPosition: BestLayerPositionRow[];
  shallowVsDeep: ShallowDeepRow[];
  counts: CountRow[];
  /** Pairs with no data at a best layer: left out of the records and the averages. */
  missingPairs: Pair[];
}

/** Options of {@link analyse}: how models are grouped (the shallow/deep cut). */
export type AnalyseOptions = GroupOptions;

/**
 * Runs every computation of the original notebook on a loaded sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep"));
 * assert.equal(analysis.bestLayers.length, 12); // 4 models x 3 concepts
 * assert.deepEqual(analysis.groups.deep, ["32B"]); // the only model past 40 layers
 * ```
 */
export function analyse(sweep: Sweep, options: AnalyseOptions = {}): Analysis {
  const { models, concepts, layerCounts } = sweep;
  const best = bestLayers(sweep);
  const samples = bestLayerSamples(sweep, best);
  const effects = effectSizes(samples, models, concepts);
  const groups = modelGroups(models, layerCounts, options);
  return {
    sweep,
    groups,
    layerSummaries: withLayerFraction(sweep.runs.flatMap((run) => run.layers), layerCounts),
    bestLayers: best,
    bestDeltaPivot: pivot(best, "model", "concept", "delta", models, concepts),
    bestSamples: samples,
    summaryStats: summaryStats(samples),
    effectSizes: effects.rows,
    cohensDPivot: pivot(effects.rows, "model", "concept", "cohens_d", models, concepts),
    conceptAvgEffect: conceptAverages(effects.rows),
    modelAvgEffect: modelAverages(effects.rows, models),
    heatmapMeans: heatmapMeans(sweep),
    bestLayerPosition: bestLayerPosition(best, models, concepts, layerCounts),
    shallowVsDeep: shallowVsDeep(best, models, concepts, groups),
    counts: rowCounts(sweep, samples),
    missingPairs: effects.missing,
  };
}

/** The schema of `analysis_summary.json`: the original's four keys plus `missing_pairs`. */
export interface AnalysisSummary {
  best_layers: BestLayerRow[];
  effect_sizes: EffectSizeRow[];
  concept_avg_effect: Record<string, number>;
  model_avg_effect: Record<string, number>;
  missing_pairs: Pair[];
}

/**
 * The content of `analysis_summary.json`, key for key as the original writes it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep"));
 * assert.deepEqual(Object.keys(analysisSummary(analysis)), [
 *   "best_layers",
 *   "effect_sizes",
 *   "concept_avg_effect",
 *   "model_avg_effect",
 *   "missing_pairs",
 * ]);
 * ```
 */
export function analysisSummary(
  analysis: Pick<
    Analysis,
    "bestLayers" | "effectSizes" | "conceptAvgEffect" | "modelAvgEffect" | "missingPairs"
  >,
): AnalysisSummary {
  return {
    best_layers: analysis.bestLayers,
    effect_sizes: analysis.effectSizes,
    concept_avg_effect: Object.fromEntries(analysis.conceptAvgEffect),
    model_avg_effect: Object.fromEntries(analysis.modelAvgEffect),
    missing_pairs: analysis.missingPairs,
  };
}
