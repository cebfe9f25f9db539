/**
 * Cohen's d of +1 against -1 steering at the best layer, and its averages per concept and model.
 * @module
 */
import type { Pair } from "../sweep/types.ts";
import { type BestSample, valuesAt } from "./best_samples.ts";
import { effectGap } from "../sweep/effect_gap.ts";
import { mean, std } from "./describe.ts";

/** One effect-size record, as in the original's `effect_sizes`. */
export interface EffectSizeRow {
  model: string;
  concept: string;
  mean_positive: number;
  mean_negative: number;
  delta: number;
  cohens_d: number;
}

/**
 * Cohen's d as the original computes it: (mean(pos) - mean(neg)) / sqrt((sd(pos)² + sd(neg)²) / 2),
 * sample standard deviations. NaN when it cannot be computed (see `effectGap`): the original's 0 for
 * a zero or NaN pooled std would be an invented number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cohensD([2, 4], [0, 2]), 1.414213562373095);
 * assert.ok(Number.isNaN(cohensD([1, 1], [0, 0]))); // pooled std is 0: cannot be computed
 * ```
 */
export function cohensD(positive: readonly number[], negative: readonly number[]): number {
  if (effectGap(positive, negative) !== undefined) return NaN;
  const pooled = Math.sqrt((std(positive) ** 2 + std(negative) ** 2) / 2);
  return (mean(positive) - mean(negative)) / pooled;
}

/**
 * Effect sizes for each model (outer) and concept (inner). Pairs whose Cohen's d cannot be computed
 * at the best layer (no best layer, fewer than two finite +1 or -1 values, no spread: `effectGap`)
 * are left out (the original writes NaN and a d of 0 for them); they are returned in `missing`,
 * and the loader names their file in a note.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const at = (strength: number, logit_diff_matching: number) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer: 18,
 *   strength,
 *   prompt_idx: 0,
 *   matching_answer: "(A)",
 *   logit_diff_matching,
 * });
 * const samples = [at(1, 2), at(1, 4), at(-1, 0), at(-1, 2)];
 * const { rows } = effectSizes(samples, ["4B"], ["corrigible"]);
 * assert.deepEqual([rows[0].delta, rows[0].cohens_d], [2, 1.414213562373095]);
 * ```
 */
export function effectSizes(
  samples: readonly BestSample[],
  models: readonly string[],
  concepts: readonly string[],
): { rows: EffectSizeRow[]; missing: Pair[] } {
  const rows: EffectSizeRow[] = [];
  const missing: Pair[] = [];
  for (const model of models) {
    for (const concept of concepts) {
      const pos = valuesAt(samples, model, concept, 1);
      const neg = valuesAt(samples, model, concept, -1);
      if (effectGap(pos, neg) !== undefined) {
        missing.push({ model, concept });
        continue;
      }
      const mean_positive = mean(pos), mean_negative = mean(neg);
      rows.push({
        model,
        concept,
        mean_positive,
        mean_negative,
        delta: mean_positive - mean_negative,
        cohens_d: cohensD(pos, neg),
      });
    }
  }
  return { rows, missing };
}

/**
 * Mean of `cohens_d` per key, as `[key, mean]` entries in first-seen order of `order`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { mean_positive: 1, mean_negative: -1, delta: 2 };
 * const rows = [
 *   { ...row, model: "4B", concept: "corrigible", cohens_d: 1 },
 *   { ...row, model: "8B", concept: "corrigible", cohens_d: 2 },
 *   { ...row, model: "4B", concept: "honesty", cohens_d: 0.5 },
 * ];
 * assert.deepEqual(averageBy(rows, "concept", ["honesty", "corrigible", "power"]), [
 *   ["honesty", 0.5],
 *   ["corrigible", 1.5],
 * ]); // a key without rows is left out
 * ```
 */
export function averageBy(
  rows: readonly EffectSizeRow[],
  key: "model" | "concept",
  order: readonly string[],
): [string, number][] {
  return order
    .map((k): [string, number] => [
      k,
      mean(rows.filter((row) => row[key] === k).map((row) => row.cohens_d)),
    ])
    .filter(([, value]) => !Number.isNaN(value));
}

/**
 * Average Cohen's d per concept, largest first (ties keep alphabetical order), as the original's
 * `groupby("concept").mean().sort_values(ascending=False)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { mean_positive: 1, mean_negative: -1, delta: 2 };
 * const rows = [
 *   { ...row, model: "4B", concept: "corrigible", cohens_d: 1 },
 *   { ...row, model: "8B", concept: "corrigible", cohens_d: 2 },
 *   { ...row, model: "4B", concept: "honesty", cohens_d: 0.5 },
 * ];
 * assert.deepEqual(conceptAverages(rows), [["corrigible", 1.5], ["honesty", 0.5]]);
 * ```
 */
export function conceptAverages(rows: readonly EffectSizeRow[]): [string, number][] {
  const concepts = [...new Set(rows.map((row) => row.concept))].sort();
  return averageBy(rows, "concept", concepts).sort((a, b) => b[1] - a[1]);
}

/**
 * Average Cohen's d per model, in the given model order (`reindex(MODELS)`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { mean_positive: 1, mean_negative: -1, delta: 2 };
 * const rows = [
 *   { ...row, model: "4B", concept: "corrigible", cohens_d: 1 },
 *   { ...row, model: "8B", concept: "corrigible", cohens_d: 2 },
 *   { ...row, model: "4B", concept: "honesty", cohens_d: 0.5 },
 * ];
 * assert.deepEqual(modelAverages(rows, ["8B", "4B"]), [["8B", 2], ["4B", 0.75]]);
 * ```
 */
export function modelAverages(
  rows: readonly EffectSizeRow[],
  models: readonly string[],
): [string, number][] {
  return averageBy(rows, "model", models);
}
