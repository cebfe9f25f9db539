/**
 * The Model Comparisons section: the author's later analyses (training method, MoE vs dense,
 * size; `glass_delta`, `group_effects`, `model_correlations`, the spread and position tables),
 * with the inference the data can support printed beside them.
 * @module
 */
import { bestLayerDepth, layerFracVsD, layerFracVsDModels } from "../../stats/best_layer_depth.ts";
import { baselineDispositions, strengthSpread } from "../../stats/best_layer_spread.ts";
import { glassDeltas, glassVsCohensD } from "../../stats/glass_delta.ts";
import { groupEffects } from "../../stats/group_effects.ts";
import { GROUP_TEST_COLUMNS, groupTests } from "../../stats/group_tests.ts";
import { modelCorrelations } from "../../stats/model_correlations.ts";
import { comparisonsReport } from "../../report/comparisons.ts";
import { correlationsReport } from "../../report/correlations.ts";
import { glassDeltaHeatmap } from "../../figures/glass_delta_heatmap.ts";
import { groupEffectsFigure } from "../../figures/group_effects.ts";
import { layerCurvesByTraining } from "../../figures/training_curves.ts";
import { COMPARISONS_INTRO } from "../prose.ts";
import type { Results } from "../results.ts";
import type { Section } from "../steps.ts";
import { figureOptions, fixed, rows } from "../step_kit.ts";

/** The author's Glass's delta rows (SD at -1) of a run's pairs with data. */
const glassRows = (r: Results) => glassDeltas(r.analysis.bestSamples, r.analysis.effectSizes);

const CORRELATION_COLUMNS = ["x", "y", "n", "r", "p", "p_permutation"];

/** The author's pair-level correlation of best-layer fraction with d, and the model-level one. */
const layerFrac = (r: Results) => {
  const { bestLayers, effectSizes } = r.analysis, counts = r.sweep.layerCounts;
  return {
    pairs: layerFracVsD(bestLayers, effectSizes, counts),
    models: layerFracVsDModels(bestLayers, effectSizes, counts),
  };
};

/** The Model Comparisons section, after the original's sections. */
export const COMPARISON_SECTIONS: readonly Section[] = [
  {
    title: "Model Comparisons",
    intro: COMPARISONS_INTRO,
    steps: [
      {
        kind: "table",
        name: "glass_delta",
        note: "Glass's delta: the mean difference over the SD at -1 (the author's control group)",
        heading: "Effect Sizes (Glass's delta, SD at -1):",
        rows: (r) => rows(glassRows(r)),
        columns: fixed([
          "model",
          "concept",
          "mean_positive",
          "mean_negative",
          "std_negative",
          "delta",
          "glass_delta",
        ]),
      },
      {
        kind: "figure",
        name: "glass_delta_heatmap",
        note: "Glass's delta heatmap (the author's cell 26)",
        build: (r, d) => glassDeltaHeatmap(glassRows(r), figureOptions(r, d)),
      },
      {
        kind: "table",
        name: "glass_vs_cohens_d",
        note: "Cohen's d vs Glass's delta",
        rows: (r) => rows(glassVsCohensD(r.analysis.effectSizes, glassRows(r))),
        columns: fixed(["model", "concept", "cohens_d", "glass_delta", "ratio"]),
      },
      {
        kind: "figure",
        name: "layer_curves_by_training",
        note: "Layer curves by training method and architecture (dashed: full RL; thick: MoE)",
        build: (r, d) => layerCurvesByTraining(r.analysis.layerSummaries, figureOptions(r, d)),
      },
      {
        kind: "table",
        name: "group_effects",
        note: "Cohen's d and delta by training method, architecture and depth (pairs with data)",
        rows: (r) => rows(groupEffects(r.analysis.effectSizes, r.attributes)),
        columns: fixed([
          "attribute",
          "group",
          "n_pairs",
          "cohens_d_mean",
          "cohens_d_std",
          "delta_mean",
          "delta_std",
        ]),
      },
      {
        kind: "figure",
        name: "cohens_d_by_group",
        note: "Cohen's d per model, grouped: every concept a point, each model's and group's mean",
        build: (r, d) => groupEffectsFigure(r.analysis.effectSizes, figureOptions(r, d)),
      },
      {
        kind: "table",
        name: "group_tests",
        note:
          "Differences between groups, tested over models (the units): permutation p, and the smallest p that many models allow",
        rows: (r) =>
          rows(groupTests(r.analysis.effectSizes, r.attributes, { seed: r.options.seed })),
        columns: fixed([...GROUP_TEST_COLUMNS]),
      },
      {
        kind: "report",
        name: "model_comparisons_report",
        note: "What the group comparisons can support: every sentence is computed from the data",
        text: (r) =>
          comparisonsReport(r.analysis.effectSizes, r.attributes, { seed: r.options.seed }),
      },
      {
        kind: "table",
        name: "model_correlations",
        note:
          "Pearson r over per-model means, parameters as the model names state them (the author's); p from Student t (the author's) and by permutation over the models",
        rows: (r) => rows(modelCorrelations(r.analysis.effectSizes, r.models)),
        columns: fixed(CORRELATION_COLUMNS),
      },
      {
        kind: "table",
        name: "model_correlations_precise",
        note:
          "The same with the Qwen3 report's exact parameter counts (30.5B total, 3.3B active, ...)",
        rows: (r) =>
          rows(modelCorrelations(r.analysis.effectSizes, r.models, { source: "report" })),
        columns: fixed(CORRELATION_COLUMNS),
      },
      {
        kind: "table",
        name: "strength_spread",
        note: "Mean over concepts of the SD of logit_diff_matching at the best layer, per strength",
        rows: (r) => rows(strengthSpread(r.analysis.bestSamples, r.sweep.models)),
        columns: fixed(["model", "strength", "std_mean"]),
      },
      {
        kind: "table",
        name: "baseline_dispositions",
        note: "Mean logit diff at strength 0 at the best layer: the unsteered disposition",
        rows: (r) =>
          rows(baselineDispositions(r.analysis.bestSamples, r.sweep.models, r.sweep.concepts)),
        columns: fixed(["model", "concept", "baseline_mean"]),
      },
      {
        kind: "table",
        name: "best_layer_depth",
        note: "Mean best-layer position (fraction of depth) per model",
        rows: (r) =>
          rows(bestLayerDepth(r.analysis.bestLayers, r.sweep.models, r.sweep.layerCounts)),
        columns: fixed(["model", "layer_frac_mean"]),
      },
      {
        kind: "table",
        name: "layer_frac_vs_d",
        note:
          "Pearson r of best-layer fraction against Cohen's d: over the pairs (the author's), and over per-model means with a permutation p",
        rows: (r) => {
          const { pairs, models } = layerFrac(r);
          return [{ ...pairs, ...models }];
        },
        columns: fixed(["n", "r", "p", "n_models", "r_models", "p_models"]),
      },
      {
        kind: "report",
        name: "correlations_report",
        note: "Size and depth: each of the author's p-values beside a test over the models",
        text: (r) => {
          const { pairs, models } = layerFrac(r);
          return correlationsReport(
            modelCorrelations(r.analysis.effectSizes, r.models),
            pairs,
            models,
          );
        },
      },
    ],
  },
];
