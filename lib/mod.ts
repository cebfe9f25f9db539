/**
 * The analysis notebook's library: load a steering sweep, compute the original notebook's tables.
 *
 * @example
 * ```ts
 * import { analyse, loadSweep } from "./mod.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep"));
 * analysis.bestLayers[0]; // { model: "14B", concept: "corrigible", layer: 20, ... }
 * ```
 * @module
 */
export * from "./util/random.ts";
export * from "./util/text.ts";
export * from "./util/format.ts";
export * from "./util/csv.ts";
export * from "./sweep/errors.ts";
export * from "./sweep/schema.ts";
export * from "./sweep/csv.ts";
export * from "./sweep/json.ts";
export * from "./sweep/layout.ts";
export * from "./sweep/quality.ts";
export * from "./sweep/types.ts";
export * from "./sweep/load.ts";
export * from "./stats/describe.ts";
export * from "./stats/best_layers.ts";
export * from "./stats/best_samples.ts";
export * from "./stats/pivot.ts";
export * from "./stats/summary_stats.ts";
export * from "./stats/effect_sizes.ts";
export * from "./stats/depth.ts";
export * from "./stats/heatmap.ts";
export * from "./stats/counts.ts";
export * from "./stats/analysis.ts";
export * from "./export/atomic.ts";
export * from "./export/json.ts";
export * from "./synth/sweep.ts";
export * from "./stats/kde.ts";
export * from "./stats/histogram.ts";
export * from "./figures/theme.ts";
export * from "./figures/dom.ts";
export * from "./figures/compose.ts";
export * from "./figures/chart.ts";
export * from "./figures/axes.ts";
export * from "./figures/layout.ts";
export * from "./figures/scales.ts";
export * from "./figures/notes.ts";
export * from "./figures/legends.ts";
export * from "./figures/layer_delta_curves.ts";
export * from "./figures/best_layer_violins.ts";
export * from "./figures/heatmaps.ts";
export * from "./figures/baseline_distributions.ts";
export * from "./figures/strength_histograms.ts";
export * from "./figures/effect_size_heatmap.ts";
export * from "./figures/depth_comparison.ts";
export * from "./figures/registry.ts";
export * from "./export/svg.ts";
export * from "./export/png.ts";
export * from "./export/figures.ts";
export * from "./display/table.ts";
export * from "./display/jupyter.ts";
export * from "./report/format.ts";
export * from "./report/findings.ts";
export * from "./report/depth.ts";
export * from "./models/qwen3.ts";
export * from "./stats/paired.ts";
export * from "./stats/prompt_matrix.ts";
export * from "./stats/bootstrap.ts";
export * from "./stats/split_half.ts";
export * from "./stats/robustness.ts";
export * from "./figures/effect_size_intervals.ts";
export * from "./report/robustness.ts";
