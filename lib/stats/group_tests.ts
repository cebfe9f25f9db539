/**
 * `group_tests`: the author's group comparisons (training, architecture, depth) with inference
 * where the model is the unit. The author's group means pool the model/concept pairs; pairs of
 * one model are not independent, so the p-values here permute group labels over models, each
 * model keeping all its pairs.
 * @module
 */
import {
  type Attribute,
  ATTRIBUTES,
  groupMembers,
  type ModelAttributes,
} from "../models/groups.ts";
import type { EffectSizeRow } from "./effect_sizes.ts";
import { type ModelPairs, modelPairs, pooledMean } from "./model_pairs.ts";
import { type PermutationOptions, permutationTest } from "./permutation.ts";

/** One comparison of two groups of one attribute. */
export interface GroupTestRow {
  attribute: Attribute;
  group_a: string;
  group_b: string;
  n_models_a: number;
  n_models_b: number;
  n_pairs_a: number;
  n_pairs_b: number;
  /** Mean Cohen's d over group a's pairs minus the same over group b's. */
  cohens_d_diff: number;
  /** Mean delta over group a's pairs minus the same over group b's. */
  delta_diff: number;
  /** Two-sided permutation p-value of `cohens_d_diff`, models relabelled. */
  p_cohens_d: number;
  /** Two-sided permutation p-value of `delta_diff`, models relabelled. */
  p_delta: number;
  /** The smallest p these numbers of models allow. */
  min_attainable_p: number;
  method: "exact" | "monte-carlo";
}

/** The columns of `group_tests`, in order. */
export const GROUP_TEST_COLUMNS: readonly (keyof GroupTestRow)[] = [
  "attribute",
  "group_a",
  "group_b",
  "n_models_a",
  "n_models_b",
  "n_pairs_a",
  "n_pairs_b",
  "cohens_d_diff",
  "delta_diff",
  "p_cohens_d",
  "p_delta",
  "min_attainable_p",
  "method",
];

/**
 * One attribute's groups of the models with data, sorted by group name (models without the
 * attribute are in no group).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const m = (model: string) => ({ model, concepts: ["a"], cohens_d: [1], delta: [1] });
 * const groups = attributeGroups([m("4B"), m("32B"), m("x")], { "32B": "full-rl", "4B": "distilled" });
 * assert.deepEqual(groups.map(([g, ms]) => [g, ms.map((x) => x.model)]), [
 *   ["distilled", ["4B"]],
 *   ["full-rl", ["32B"]],
 * ]);
 * ```
 */
export function attributeGroups(
  models: readonly ModelPairs[],
  groupOf: Readonly<Record<string, string>>,
): [string, ModelPairs[]][] {
  const byName = new Map(models.map((m) => [m.model, m]));
  return groupMembers(groupOf, models.map((m) => m.model))
    .map(([group, names]) => [group, names.map((name) => byName.get(name)!)]);
}

/**
 * Group a's models against group b's: pooled differences and their permutation p-values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const m = (model: string, d: number[]) => ({ model, concepts: [], cohens_d: d, delta: d });
 * const row = groupTest("training", ["distilled", [m("4B", [1, 3]), m("8B", [2])]], [
 *   "full-rl",
 *   [m("32B", [8, 10]), m("235B-A22B", [9])],
 * ]);
 * assert.deepEqual([row.cohens_d_diff, row.p_cohens_d, row.method], [-7, 2 / 6, "exact"]);
 * ```
 */
export function groupTest(
  attribute: Attribute,
  [groupA, a]: [string, readonly ModelPairs[]],
  [groupB, b]: [string, readonly ModelPairs[]],
  options: PermutationOptions = {},
): GroupTestRow {
  const test = (value: "cohens_d" | "delta") =>
    permutationTest(a.map((m) => m[value]), b.map((m) => m[value]), options);
  const d = test("cohens_d"), delta = test("delta");
  const pairs = (models: readonly ModelPairs[]) => models.reduce((s, m) => s + m.delta.length, 0);
  return {
    attribute,
    group_a: groupA,
    group_b: groupB,
    n_models_a: a.length,
    n_models_b: b.length,
    n_pairs_a: pairs(a),
    n_pairs_b: pairs(b),
    cohens_d_diff: pooledMean(a, "cohens_d") - pooledMean(b, "cohens_d"),
    delta_diff: pooledMean(a, "delta") - pooledMean(b, "delta"),
    p_cohens_d: d.p,
    p_delta: delta.p,
    min_attainable_p: d.minAttainableP,
    method: d.method,
  };
}

/**
 * `group_tests`: for each attribute and each pair of its groups (a before b by name), the
 * difference of pooled Cohen's d and delta (the pair-level means of the author's group table)
 * and two-sided permutation p-values with the model as the unit. Models with no pair with data
 * are not counted; a group with no model has no row; one model per group gives p = 1, which
 * `min_attainable_p` explains.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "./analysis.ts";
 * import { modelTable } from "../models/qwen3.ts";
 * import { modelAttributes } from "../models/groups.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const analysis = analyse(sweep);
 * const attributes = modelAttributes(modelTable(sweep.models, sweep.layerCounts), analysis.groups);
 * const rows = groupTests(analysis.effectSizes, attributes);
 * // every model is dense: no architecture row
 * assert.deepEqual(rows.map((r) => [r.attribute, r.group_a, r.group_b]), [
 *   ["training", "distilled", "full-rl"],
 *   ["depth", "deep", "shallow"],
 * ]);
 * assert.equal(rows[0].min_attainable_p, 0.25); // 1 full-RL model of 4
 * assert.equal(rows[0].p_delta, 0.25); // 32B has the lowest delta of the 4 models
 * ```
 */
export function groupTests(
  effectSizes: readonly EffectSizeRow[],
  attributes: ModelAttributes,
  options: PermutationOptions = {},
): GroupTestRow[] {
  const models = modelPairs(effectSizes);
  return ATTRIBUTES.flatMap((attribute) => {
    const groups = attributeGroups(models, attributes[attribute]);
    return groups.flatMap((a, i) =>
      groups.slice(i + 1).map((b) => groupTest(attribute, a, b, options))
    );
  });
}
