/**
 * Every figure of the notebook, by its file name, built from one analysis.
 * @module
 */
import { type Analysis, robustnessOf } from "../stats/analysis.ts";
import type { Sweep } from "../sweep/types.ts";
import { baselineDistributions } from "./baseline_distributions.ts";
import { bestLayerViolins } from "./best_layer_violins.ts";
import { depthComparison } from "./depth_comparison.ts";
import { effectSizeHeatmap } from "./effect_size_heatmap.ts";
import { effectSizeIntervals } from "./effect_size_intervals.ts";
import { heatmapGrid, strengthHeatmap } from "./heatmaps.ts";
import { layerDeltaCurves } from "./layer_delta_curves.ts";
import { strengthHistograms } from "./strength_histograms.ts";

/** A figure: its file name (without extension) and how to build it. */
export interface FigureSpec {
  name: string;
  build: (analysis: Analysis, document: Document) => HTMLElement;
}

/**
 * The pair the single heatmap shows: 14B corrigible as in the original when present, else the
 * first pair with data.
 *
 * @example
 * ```ts
 * heatmapExample(sweep); // { model: "14B", concept: "corrigible" }
 * ```
 */
export function heatmapExample(sweep: Pick<Sweep, "runs">): { model: string; concept: string } {
  const runs = sweep.runs;
  const preferred = runs.find((r) => r.model === "14B" && r.concept === "corrigible");
  const run = preferred ?? runs[0];
  return { model: run.model, concept: run.concept };
}

function common(analysis: Analysis, document: Document) {
  const { models, concepts, layerCounts } = analysis.sweep;
  return { document, models, concepts, layerCounts, missing: analysis.missingPairs };
}

/**
 * The nine figures of the original notebook, in its order, with its file names, then the
 * robustness figure.
 */
export const FIGURES: readonly FigureSpec[] = [
  {
    name: "layer_delta_curves",
    build: (a, d) => layerDeltaCurves(a.layerSummaries, common(a, d)),
  },
  {
    name: "layer_delta_curves_normalized",
    build: (a, d) => layerDeltaCurves(a.layerSummaries, { ...common(a, d), x: "layer_frac" }),
  },
  {
    name: "best_layer_violins",
    build: (a, d) => bestLayerViolins(a.bestSamples, common(a, d)),
  },
  {
    name: "heatmap_single_example",
    build: (a, d) => {
      const { model, concept } = heatmapExample(a.sweep);
      return strengthHeatmap(a.heatmapMeans, { document: d, models: [model], concepts: [concept] });
    },
  },
  {
    name: "heatmap_grid",
    build: (a, d) => heatmapGrid(a.heatmapMeans, common(a, d)),
  },
  {
    name: "baseline_distributions",
    build: (a, d) => baselineDistributions(a.bestSamples, common(a, d)),
  },
  {
    name: "strength_histograms",
    build: (a, d) => strengthHistograms(a.bestSamples, common(a, d)),
  },
  {
    name: "effect_size_heatmap",
    build: (a, d) => effectSizeHeatmap(a.effectSizes, common(a, d)),
  },
  {
    name: "layer_curves_depth_comparison",
    build: (a, d) => depthComparison(a.layerSummaries, common(a, d)),
  },
  {
    name: "effect_size_intervals",
    build: (a, d) => effectSizeIntervals(robustnessOf(a), common(a, d)),
  },
];
