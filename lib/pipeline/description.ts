/**
 * The analysis, described once: which tables, JSON files, figures and reports exist, what each
 * is built from, and in what order, section by section as the original notebook reads. The
 * render task writes the files of these steps; the notebook is generated from these sections
 * and shows each step. To add an output, add a step here (with its builder and its test).
 * @module
 */
import { analysisSummary } from "../stats/analysis.ts";
import { heatmapExample } from "../stats/heatmap.ts";
import { pivotRecords } from "../stats/pivot.ts";
import { baselineDistributions } from "../figures/baseline_distributions.ts";
import { bestLayerViolins } from "../figures/best_layer_violins.ts";
import { depthComparison } from "../figures/depth_comparison.ts";
import { effectSizeHeatmap } from "../figures/effect_size_heatmap.ts";
import { effectSizeIntervals } from "../figures/effect_size_intervals.ts";
import { heatmapGrid, strengthHeatmap } from "../figures/heatmaps.ts";
import { layerDeltaCurves } from "../figures/layer_delta_curves.ts";
import { strengthHistograms } from "../figures/strength_histograms.ts";
import { robustnessTables } from "../display/robustness.ts";
import { architectureReport, bestLayerPositionReport, hardestToSteer } from "../report/depth.ts";
import { keyFindings } from "../report/findings.ts";
import { robustnessReport } from "../report/robustness.ts";
import { rule } from "../report/format.ts";
import type { Results } from "./results.ts";
import type { Rows, Section } from "./steps.ts";
import { DEPTH_INTRO, POSITION_INTRO, ROBUSTNESS_INTRO } from "./prose.ts";

/** What every figure is drawn with: the sweep's models, concepts, groups and pairs without data. */
function figureOptions(r: Results, document: Document) {
  const { models, concepts, layerCounts } = r.sweep;
  const { missingPairs: missing, groups } = r.analysis;
  return { document, models, concepts, layerCounts, missing, deep: groups.deep };
}

const rows = <T extends object>(list: readonly T[]) => list as unknown as Rows;
const fixed = (columns: string[]) => () => columns;

/** The sections of the analysis, in the original notebook's order (after loading the data). */
export const PIPELINE: readonly Section[] = [
  {
    title: "Summary Statistics",
    steps: [
      {
        kind: "table",
        name: "best_layers",
        note: "Best layer per model/concept",
        heading: `Best Layer per Model/Concept (by max delta):\n${rule(80)}`,
        rows: (r) => rows(r.analysis.bestLayers),
        columns: fixed([
          "model",
          "concept",
          "layer",
          "delta",
          "baseline_mean",
          "positive_mean",
          "negative_mean",
        ]),
      },
      {
        kind: "table",
        name: "best_delta_pivot",
        note: "Pivot table of best deltas",
        heading: `\nBest Delta by Model/Concept:\n${rule(50)}`,
        rows: (r) => rows(pivotRecords(r.analysis.bestDeltaPivot)),
        columns: (r) => [r.analysis.bestDeltaPivot.index, ...r.analysis.bestDeltaPivot.columns],
        display: { digits: 2 },
      },
      {
        kind: "table",
        name: "counts",
        note: "Rows per run (a file for checking the load; not shown)",
        show: false,
        rows: (r) => rows(r.analysis.counts),
        columns: fixed([
          "model",
          "concept",
          "present",
          "per_sample_rows",
          "summary_rows",
          "best_layer_samples",
        ]),
      },
    ],
  },
  {
    title: "Layer-wise Delta Curves",
    intro: "How does steering effect (delta = positive - negative) vary across layers?",
    steps: [
      {
        kind: "figure",
        name: "layer_delta_curves",
        build: (r, d) => layerDeltaCurves(r.analysis.layerSummaries, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Normalized Layer Curves",
    intro: "Normalize layer index to [0, 1] to compare across model sizes.",
    steps: [
      {
        kind: "figure",
        name: "layer_delta_curves_normalized",
        note: "layer_frac = layer / layer count (from each summary.json), computed when loading",
        build: (r, d) =>
          layerDeltaCurves(r.analysis.layerSummaries, { ...figureOptions(r, d), x: "layer_frac" }),
      },
      {
        kind: "table",
        name: "layer_summaries",
        note: "Every layer summary with its layer_frac (a file; the curves above show it)",
        show: false,
        rows: (r) => rows(r.analysis.layerSummaries),
        columns: fixed([
          "layer",
          "baseline_mean",
          "positive_mean",
          "negative_mean",
          "delta",
          "model",
          "concept",
          "layer_frac",
        ]),
      },
    ],
  },
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
  {
    title: "Robustness",
    intro: ROBUSTNESS_INTRO,
    steps: [
      {
        kind: "json",
        name: "robustness",
        note: "Three narrow tables instead of one of 18 columns",
        value: (r) => r.robustness,
        show: (r) => robustnessTables(r.robustness),
      },
      {
        kind: "report",
        name: "robustness_report",
        note: "Which claims hold up: every sentence below is computed from the records",
        text: (r) => robustnessReport(r.robustness, r.models, r.analysis.groups),
      },
      {
        kind: "figure",
        name: "effect_size_intervals",
        build: (r, d) => effectSizeIntervals(r.robustness, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Architecture Depth Analysis",
    intro: DEPTH_INTRO,
    steps: [
      {
        kind: "table",
        name: "models",
        note:
          "What is known of each model: lib's Qwen3 table, overridden by a models.json in the data folder",
        file: false,
        rows: (r) => rows(r.models),
        columns: (r) => Object.keys(r.models[0] ?? {}),
        display: { digits: 1 },
      },
      {
        kind: "table",
        name: "shallow_vs_deep",
        note: "Shallow vs deep average best delta (a file; the report below prints it)",
        show: false,
        rows: (r) => rows(r.analysis.shallowVsDeep),
        columns: fixed([
          "concept",
          "shallow_avg",
          "deep_avg",
          "ratio",
          "n_shallow",
          "n_deep",
          "shallow_models",
          "deep_models",
        ]),
      },
      {
        kind: "report",
        name: "architecture_report",
        note: "Layer counts from each summary.json (or the config cell's overrides)",
        text: (r) => `${architectureReport(r.analysis)}\n\n${hardestToSteer(r.analysis)}`,
      },
      {
        kind: "figure",
        name: "layer_curves_depth_comparison",
        note: "Layer curves comparing shallow vs deep models (deep models dashed)",
        build: (r, d) => depthComparison(r.analysis.layerSummaries, figureOptions(r, d)),
      },
    ],
  },
  {
    title: "Best Layer Position",
    intro: POSITION_INTRO,
    steps: [
      {
        kind: "table",
        name: "best_layer_position",
        note:
          "Best layer position as fraction of total layers (a file; the report below prints it)",
        show: false,
        rows: (r) =>
          r.analysis.bestLayerPosition.map((row) => ({
            model: row.model,
            layers: row.layers,
            ...row.fractions,
          })),
        columns: (r) => ["model", "layers", ...r.sweep.concepts],
      },
      {
        kind: "report",
        name: "best_layer_position_report",
        note: "Best layer position as fraction of total layers",
        text: (r) => bestLayerPositionReport(r.analysis),
      },
    ],
  },
];
