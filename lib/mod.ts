/**
 * The analysis notebook's library: load a steering sweep, compute the original notebook's tables,
 * figures and reports. Re-exported layer by layer, in the order data flows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse, loadSweep } from "./mod.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep"));
 * const { model, concept, layer } = analysis.bestLayers[0];
 * assert.deepEqual({ model, concept, layer }, { model: "14B", concept: "corrigible", layer: 20 });
 * ```
 * @module
 */
// util: shared utilities: seeded random numbers, CSV writing, text escaping, number formatting
export * from "./util/csv.ts";
export * from "./util/format.ts";
export * from "./util/random.ts";
export * from "./util/table_text.ts";
export * from "./util/text.ts";

// sweep: reading and checking a sweep folder
export * from "./sweep/csv.ts";
export * from "./sweep/effect_gap.ts";
export * from "./sweep/errors.ts";
export * from "./sweep/json.ts";
export * from "./sweep/layout.ts";
export * from "./sweep/load.ts";
export * from "./sweep/quality.ts";
export * from "./sweep/schema.ts";
export * from "./sweep/types.ts";

// models: what is known of each model
export * from "./models/groups.ts";
export * from "./models/params.ts";
export * from "./models/qwen3.ts";

// synth: synthetic sweeps in the sweep layout (tests and benchmarks)
export * from "./synth/sweep.ts";

// stats: every number of the analysis
export * from "./stats/analysis.ts";
export * from "./stats/best_layer_depth.ts";
export * from "./stats/best_layer_spread.ts";
export * from "./stats/best_layers.ts";
export * from "./stats/best_samples.ts";
export * from "./stats/bootstrap.ts";
export * from "./stats/combinations.ts";
export * from "./stats/confounds.ts";
export * from "./stats/counts.ts";
export * from "./stats/depth.ts";
export * from "./stats/describe.ts";
export * from "./stats/effect_sizes.ts";
export * from "./stats/glass_delta.ts";
export * from "./stats/group_effects.ts";
export * from "./stats/group_tests.ts";
export * from "./stats/heatmap.ts";
export * from "./stats/held_out.ts";
export * from "./stats/histogram.ts";
export * from "./stats/kde.ts";
export * from "./stats/model_contrast.ts";
export * from "./stats/model_correlations.ts";
export * from "./stats/model_pairs.ts";
export * from "./stats/paired.ts";
export * from "./stats/pearson.ts";
export * from "./stats/permutation.ts";
export * from "./stats/pivot.ts";
export * from "./stats/prompt_matrix.ts";
export * from "./stats/robustness.ts";
export * from "./stats/robustness_sweep.ts";
export * from "./stats/robustness_of.ts";
export * from "./stats/run_analysis.ts";
export * from "./stats/split_half.ts";
export * from "./stats/summary_stats.ts";

// figures: what figure cells share and Plot lacks (theme, colours keyed by name, facets, violins,
// no-data notes, stacked charts); the marks themselves are in the notebook's cells
export * from "./figures/kit.ts";
export * from "./figures/stack.ts";

// export: files: atomic output folders, standalone SVG, PNG, JSON
export * from "./export/atomic.ts";
export * from "./export/json.ts";
export * from "./export/png.ts";
export * from "./export/png_encode.ts";
export * from "./export/svg.ts";

// display: what the notebook shows and saves (outputFolder), tables as HTML and text
export * from "./display/jupyter.ts";
export * from "./display/outputs.ts";
export * from "./display/order.ts";
export * from "./display/robustness.ts";
export * from "./display/table.ts";

// report: printed reports, every sentence computed
export * from "./report/comparisons.ts";
export * from "./report/contrast.ts";
export * from "./report/correlations.ts";
export * from "./report/depth.ts";
export * from "./report/findings.ts";
export * from "./report/format.ts";
export * from "./report/robustness.ts";
export * from "./report/wrap.ts";
