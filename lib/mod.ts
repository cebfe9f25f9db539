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
export * from "./stats/split_half.ts";
export * from "./stats/summary_stats.ts";

// figures: Observable Plot figures of the statistics
export * from "./figures/axes.ts";
export * from "./figures/baseline_distributions.ts";
export * from "./figures/best_layer_violins.ts";
export * from "./figures/chart.ts";
export * from "./figures/compose.ts";
export * from "./figures/curve_styles.ts";
export * from "./figures/depth_comparison.ts";
export * from "./figures/dom.ts";
export * from "./figures/effect_size_heatmap.ts";
export * from "./figures/effect_size_intervals.ts";
export * from "./figures/glass_delta_heatmap.ts";
export * from "./figures/group_effects.ts";
export * from "./figures/group_means.ts";
export * from "./figures/group_titles.ts";
export * from "./figures/heatmaps.ts";
export * from "./figures/layer_delta_curves.ts";
export * from "./figures/layout.ts";
export * from "./figures/legends.ts";
export * from "./figures/notes.ts";
export * from "./figures/scales.ts";
export * from "./figures/strength_histograms.ts";
export * from "./figures/theme.ts";
export * from "./figures/training_curves.ts";

// export: files: atomic output folders, standalone SVG, PNG, JSON
export * from "./export/atomic.ts";
export * from "./export/figures.ts";
export * from "./export/json.ts";
export * from "./export/png.ts";
export * from "./export/png_encode.ts";
export * from "./export/svg.ts";

// display: the notebook's tables and display outputs
export * from "./display/jupyter.ts";
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

// pipeline: the one description of the analysis, its run, and its two front ends' outputs
export * from "./pipeline/description.ts";
export * from "./pipeline/figure_display.ts";
export * from "./pipeline/files.ts";
export * from "./pipeline/notebook.ts";
export * from "./pipeline/prose.ts";
export * from "./pipeline/results.ts";
export * from "./pipeline/sections/comparisons.ts";
export * from "./pipeline/sections/depth.ts";
export * from "./pipeline/sections/distributions.ts";
export * from "./pipeline/sections/robustness.ts";
export * from "./pipeline/sections/summary.ts";
export * from "./pipeline/show.ts";
export * from "./pipeline/step_kit.ts";
export * from "./pipeline/steps.ts";
