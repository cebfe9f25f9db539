/**
 * The original notebook's sections on the samples at the best layers: distributions, heatmaps, effect sizes and the key findings.
 * @module
 */
import { analysisSummary } from "../../stats/analysis.ts";
import { heatmapExample } from "../../stats/heatmap.ts";
import { pivotRecords } from "../../stats/pivot.ts";
import { baselineDistributions } from "../../figures/baseline_distributions.ts";
import { bestLayerViolins } from "../../figures/best_layer_violins.ts";
import { effectSizeHeatmap } from "../../figures/effect_size_heatmap.ts";
import { heatmapGrid, strengthHeatmap } from "../../figures/heatmaps.ts";
import { strengthHistograms } from "../../figures/strength_histograms.ts";
import { keyFindings } from "../../report/findings.ts";
import type { Section } from "../steps.ts";
import { figureOptions, fixed, rows } from "../step_kit.ts";

/** The original notebook's sections on the samples at the best layers: distributions, heatmaps, effect sizes and the key findings. */
export const DISTRIBUTION_SECTIONS: readonly Section[] = [
  {
    title: "Distribution of Logit Diffs at Best Layers",
    intro:
      "Violin plots showing per-sample logit diff distributions at the best layer for each model/concept.",
    steps: [
      {
        kind: "report",
        name: "best_layer_samples",
        note: "Filter samples to best layers only",
        text: (r) =>
          `Samples at best layers: ${r.analysis.bestSamples.length.toLocaleString("en-US")}`,
      },
      {
        kind: "figure",
        name: "best_layer_violins",
        build: (r, d) => bestLayerViolins(r.analysis.bestSamples, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Heatmaps: Mean Logit Diff by Strength and Layer",
    steps: [
      {
        kind: "figure",
        name: "heatmap_single_example",
        note: "Show one example (14B corrigible, as the original, when the sweep has it)",
        build: (r, document) => {
          const { model, concept } = heatmapExample(r.sweep);
          return strengthHeatmap(r.analysis.heatmapMeans, {
            document,
            models: [model],
            concepts: [concept],
          });
        },
      },
      {
        kind: "figure",
        name: "heatmap_grid",
        note: "All heatmaps in a grid",
        build: (r, d) => heatmapGrid(r.analysis.heatmapMeans, figureOptions(r, d)),
      },
      {
        kind: "table",
        name: "heatmap_means",
        note: "The means the heatmaps show (a file; too long to show)",
        show: false,
        rows: (r) => rows(r.analysis.heatmapMeans),
        columns: fixed(["model", "concept", "layer", "strength", "mean_logit_diff"]),
      },
    ],
  },
  {
    title: "Compare Baseline (strength=0) Distributions",
    intro: "What's the model's natural disposition without steering?",
    steps: [
      {
        kind: "figure",
        name: "baseline_distributions",
        build: (r, d) => baselineDistributions(r.analysis.bestSamples, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Effect Size: Positive vs Negative Steering",
    steps: [
      {
        kind: "figure",
        name: "strength_histograms",
        note: "Compare steered distributions",
        build: (r, d) => strengthHistograms(r.analysis.bestSamples, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Summary Statistics Table",
    steps: [
      {
        kind: "table",
        name: "summary_stats",
        note: "Compute summary stats for best layers",
        heading: "Summary Statistics at Best Layers:",
        rows: (r) => rows(r.analysis.summaryStats),
        columns: fixed(["model", "concept", "strength", "mean", "std", "median"]),
      },
      {
        kind: "table",
        name: "effect_sizes",
        note: "Effect size (Cohen's d approximation): (mean_pos - mean_neg) / pooled_std",
        heading: "\nEffect Sizes (Cohen's d):",
        rows: (r) => rows(r.analysis.effectSizes),
        columns: fixed(["model", "concept", "mean_positive", "mean_negative", "delta", "cohens_d"]),
      },
      {
        kind: "table",
        name: "cohens_d_pivot",
        note: "Cohen's d, models by concepts (a file; the heatmap below shows it)",
        show: false,
        rows: (r) => rows(pivotRecords(r.analysis.cohensDPivot)),
        columns: (r) => [r.analysis.cohensDPivot.index, ...r.analysis.cohensDPivot.columns],
      },
      {
        kind: "figure",
        name: "effect_size_heatmap",
        note: "Effect size heatmap",
        build: (r, d) => effectSizeHeatmap(r.analysis.effectSizes, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Key Findings",
    steps: [
      {
        kind: "report",
        name: "key_findings",
        text: (r) => keyFindings(r.analysis),
      },
      {
        kind: "table",
        name: "concept_avg_effect",
        note: "Average Cohen's d per concept (a file; the findings above print it)",
        show: false,
        rows: (r) =>
          r.analysis.conceptAvgEffect.map(([concept, d]) => ({ concept, avg_cohens_d: d })),
        columns: fixed(["concept", "avg_cohens_d"]),
      },
      {
        kind: "table",
        name: "model_avg_effect",
        note: "Average Cohen's d per model (a file; the findings above print it)",
        show: false,
        rows: (r) => r.analysis.modelAvgEffect.map(([model, d]) => ({ model, avg_cohens_d: d })),
        columns: fixed(["model", "avg_cohens_d"]),
      },
      {
        kind: "json",
        name: "analysis_summary",
        note: "Save summary to JSON (the render task writes the same file)",
        value: (r) => analysisSummary(r.analysis),
      },
    ],
  },
];
