/**
 * Does steerability scale with model size? Pearson r of each model's mean Cohen's d and delta
 * against its total and active parameter counts (the author's later notebook, cells 35-36).
 * @module
 */
import { type ModelInfo } from "../models/qwen3.ts";
import { paramCounts, type ParamSource } from "../models/params.ts";
import type { EffectSizeRow } from "./effect_sizes.ts";
import { mean } from "./describe.ts";
import { modelPairs } from "./model_pairs.ts";
import { pearson } from "./pearson.ts";
import { correlationPermutationP } from "./correlation_permutation.ts";

/** A model's mean effect over its pairs with data. */
export interface ModelMeanRow {
  model: string;
  cohens_d: number;
  delta: number;
}

/**
 * Each model's mean Cohen's d and delta over its pairs with data (the effect-size rows), in
 * first-seen order; a model without pairs has no row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { concept: "c", mean_positive: 1, mean_negative: 0 };
 * const effects = [
 *   { ...row, model: "4B", cohens_d: 1, delta: 4 },
 *   { ...row, model: "4B", concept: "d", cohens_d: 2, delta: 6 },
 *   { ...row, model: "8B", cohens_d: 0.5, delta: 2 },
 * ];
 * assert.deepEqual(modelMeans(effects), [
 *   { model: "4B", cohens_d: 1.5, delta: 5 },
 *   { model: "8B", cohens_d: 0.5, delta: 2 },
 * ]);
 * ```
 */
export function modelMeans(effects: readonly EffectSizeRow[]): ModelMeanRow[] {
  return modelPairs(effects).map((m) => ({
    model: m.model,
    cohens_d: mean(m.cohens_d),
    delta: mean(m.delta),
  }));
}

/** A parameter count the correlations are taken against. */
export type ParamColumn = "total_params" | "active_params";

/** One row of the model correlations table. */
export interface ModelCorrelationRow {
  x: ParamColumn;
  y: "cohens_d" | "delta";
  /** Models in the correlation (those with data and a parameter count). */
  n: number;
  r: number;
  /** Two-sided p-value (Student t, n - 2 df), as scipy's pearsonr: the author's. */
  p: number;
  /**
   * Two-sided permutation p-value over the models (every ordering of the y values: 720 for 6
   * models): no assumption of normality, and one extreme model is one ordering among many.
   */
  p_permutation: number;
}

/** Options of {@link modelCorrelations}. */
export interface ModelCorrelationOptions {
  /** Where parameter counts come from (default "nominal", as the names state them: the author's). */
  source?: ParamSource;
}

/** A model's count of `column` from `source`, NaN when not known. */
function countOf(info: ModelInfo | undefined, column: ParamColumn, source: ParamSource): number {
  if (!info) return NaN;
  const counts = paramCounts(info, source);
  return (column === "total_params" ? counts.total : counts.active) ?? NaN;
}

/**
 * Pearson r (and p) of the per-model means of Cohen's d and of delta ({@link modelMeans})
 * against total and against active parameters, as the author's `stats.pearsonr` over
 * `model_means` (cell 36): rows total/d, total/delta, active/d, active/delta. Models without
 * a parameter count (no `ModelInfo`, or none from `source`) are left out of that row; fewer
 * than three models give NaN r and p.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelTable } from "../models/qwen3.ts";
 * const row = { concept: "c", mean_positive: 1, mean_negative: 0 };
 * const effects = [
 *   { ...row, model: "4B", cohens_d: 3, delta: 4 },
 *   { ...row, model: "8B", cohens_d: 2, delta: 6 },
 *   { ...row, model: "32B", cohens_d: 1, delta: 8 },
 *   { ...row, model: "mine", cohens_d: 9, delta: 9 },
 * ];
 * const models = modelTable(["4B", "8B", "32B", "mine"], { "4B": 36, "8B": 36, "32B": 64, mine: 20 });
 * const [totalD] = modelCorrelations(effects, models);
 * assert.equal(totalD.n, 3); // "mine" states no parameter count
 * assert.ok(totalD.r < -0.8);
 * ```
 */
export function modelCorrelations(
  effects: readonly EffectSizeRow[],
  models: readonly ModelInfo[],
  options: ModelCorrelationOptions = {},
): ModelCorrelationRow[] {
  const source = options.source ?? "nominal";
  const means = modelMeans(effects);
  const info = (model: string) => models.find((m) => m.label === model);
  const columns: ParamColumn[] = ["total_params", "active_params"];
  return columns.flatMap((x) => {
    const counts = means.map((row) => countOf(info(row.model), x, source));
    return (["cohens_d", "delta"] as const).map((y) => {
      const ys = means.map((row) => row[y]);
      return { x, y, ...pearson(counts, ys), p_permutation: correlationPermutationP(counts, ys) };
    });
  });
}
