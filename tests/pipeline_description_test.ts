import assert from "node:assert/strict";
import { FIGURES, heatmapExample } from "../lib/figures/registry.ts";
import { smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("the nine figures carry the original's file names, in its order, then robustness", () => {
  assert.deepEqual(FIGURES.map((f) => f.name), [
    "layer_delta_curves",
    "layer_delta_curves_normalized",
    "best_layer_violins",
    "heatmap_single_example",
    "heatmap_grid",
    "baseline_distributions",
    "strength_histograms",
    "effect_size_heatmap",
    "layer_curves_depth_comparison",
    "effect_size_intervals",
  ]);
});

Deno.test("heatmapExample falls back to the first pair when 14B corrigible is absent", async () => {
  assert.deepEqual(heatmapExample((await smallAnalysis()).sweep), {
    model: "4B",
    concept: "alpha",
  });
});
