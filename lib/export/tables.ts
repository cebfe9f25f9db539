/**
 * The tables of an analysis as the files the render task writes (same names as the reference).
 * @module
 */
import type { Analysis } from "../stats/analysis.ts";
import { analysisSummary, robustnessOf } from "../stats/analysis.ts";
import { type Pivot, pivotRecords } from "../stats/pivot.ts";
import { type Cell, toCsv } from "../util/csv.ts";

/** A named output built from an analysis: a file name and a function giving its text. */
export interface TableOutput {
  name: string;
  build: (analysis: Analysis) => string;
}

const pivotCsv = (table: Pivot) => toCsv(pivotRecords(table), [table.index, ...table.columns]);
const records = <T extends object>(rows: readonly T[]) => rows as unknown as Record<string, Cell>[];

/**
 * Formats the summary JSON as the original does (`json.dump(..., indent=2)`), with non-finite
 * numbers as `null` so the file stays valid JSON.
 *
 * @example
 * ```ts
 * summaryJson(analysis).startsWith('{\n  "best_layers": ['); // true
 * ```
 */
export function summaryJson(analysis: Parameters<typeof analysisSummary>[0]): string {
  return jsonText(analysisSummary(analysis));
}

/**
 * JSON indented by 2, non-finite numbers as `null` (valid JSON, unlike Python's bare `NaN`).
 *
 * @example
 * ```ts
 * jsonText({ d: NaN }); // '{\n  "d": null\n}'
 * ```
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) => typeof v === "number" && !Number.isFinite(v) ? null : v,
    2,
  );
}

/** Every table output, in the order they are written. */
export const TABLE_OUTPUTS: readonly TableOutput[] = [
  { name: "analysis_summary.json", build: summaryJson },
  { name: "robustness.json", build: (a) => jsonText(robustnessOf(a)) },
  {
    name: "best_layers.csv",
    build: (a) =>
      toCsv(records(a.bestLayers), [
        "model",
        "concept",
        "layer",
        "delta",
        "baseline_mean",
        "positive_mean",
        "negative_mean",
      ]),
  },
  { name: "best_delta_pivot.csv", build: (a) => pivotCsv(a.bestDeltaPivot) },
  {
    name: "layer_summaries.csv",
    build: (a) =>
      toCsv(records(a.layerSummaries), [
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
  {
    name: "summary_stats.csv",
    build: (a) =>
      toCsv(records(a.summaryStats), ["model", "concept", "strength", "mean", "std", "median"]),
  },
  {
    name: "effect_sizes.csv",
    build: (a) =>
      toCsv(records(a.effectSizes), [
        "model",
        "concept",
        "mean_positive",
        "mean_negative",
        "delta",
        "cohens_d",
      ]),
  },
  { name: "cohens_d_pivot.csv", build: (a) => pivotCsv(a.cohensDPivot) },
  {
    name: "concept_avg_effect.csv",
    build: (a) =>
      toCsv(a.conceptAvgEffect.map(([concept, d]) => ({ concept, avg_cohens_d: d })), [
        "concept",
        "avg_cohens_d",
      ]),
  },
  {
    name: "model_avg_effect.csv",
    build: (a) =>
      toCsv(a.modelAvgEffect.map(([model, d]) => ({ model, avg_cohens_d: d })), [
        "model",
        "avg_cohens_d",
      ]),
  },
  {
    name: "heatmap_means.csv",
    build: (a) =>
      toCsv(records(a.heatmapMeans), ["model", "concept", "layer", "strength", "mean_logit_diff"]),
  },
  {
    name: "best_layer_position.csv",
    build: (a) =>
      toCsv(
        a.bestLayerPosition.map((row) => ({
          model: row.model,
          layers: row.layers,
          ...row.fractions,
        })),
        ["model", "layers", ...a.sweep.concepts],
      ),
  },
  {
    name: "shallow_vs_deep.csv",
    build: (a) =>
      toCsv(records(a.shallowVsDeep), [
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
    name: "counts.csv",
    build: (a) =>
      toCsv(records(a.counts), [
        "model",
        "concept",
        "present",
        "per_sample_rows",
        "summary_rows",
        "best_layer_samples",
      ]),
  },
];
