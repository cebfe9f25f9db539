/**
 * Effect sizes by model group (the author's later notebook, cell 36): Cohen's d and delta over
 * the model/concept pairs of each training method, architecture and depth group.
 * @module
 */
import {
  type Attribute,
  ATTRIBUTES,
  groupMembers,
  type ModelAttributes,
} from "../models/groups.ts";
import type { EffectSizeRow } from "./effect_sizes.ts";
import { mean, std } from "./describe.ts";

/** One row of the group effects table. */
export interface GroupEffectRow {
  attribute: Attribute;
  group: string;
  /** Model/concept pairs with data in the group. */
  n_pairs: number;
  cohens_d_mean: number;
  /** Sample SD (ddof 1); NaN for a single pair. */
  cohens_d_std: number;
  delta_mean: number;
  delta_std: number;
}

/** What the group means are computed from: one pair's effect at its best layer. */
export type PairEffect = Pick<EffectSizeRow, "model" | "concept" | "cohens_d" | "delta">;

/**
 * One attribute's rows of the group effects table: per group of `groupOf` (sorted by name, as
 * pandas' `groupby`), the number of pairs with data (a finite Cohen's d and delta) and the mean
 * and SD of Cohen's d and delta over them. A model without a group is left out; a group without
 * pairs has no row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const effects = [
 *   { model: "4B", concept: "c", cohens_d: 1, delta: 4 },
 *   { model: "8B", concept: "c", cohens_d: NaN, delta: 6 }, // no Cohen's d: no data
 *   { model: "32B", concept: "c", cohens_d: 0.5, delta: 2 },
 * ];
 * const groupOf = { "4B": "distilled", "8B": "distilled", "32B": "full-rl" };
 * const rows = attributeEffects(effects, "training", groupOf);
 * assert.deepEqual(rows.map((r) => [r.group, r.n_pairs, r.cohens_d_mean]), [
 *   ["distilled", 1, 1],
 *   ["full-rl", 1, 0.5],
 * ]);
 * ```
 */
export function attributeEffects(
  effects: readonly PairEffect[],
  attribute: Attribute,
  groupOf: Readonly<Record<string, string>>,
): GroupEffectRow[] {
  const withData = effects.filter((r) => Number.isFinite(r.cohens_d) && Number.isFinite(r.delta));
  const models = [...new Set(withData.map((row) => row.model))];
  return groupMembers(groupOf, models).map(([group, members]) => {
    const rows = withData.filter((row) => members.includes(row.model));
    const d = rows.map((row) => row.cohens_d), delta = rows.map((row) => row.delta);
    return {
      attribute,
      group,
      n_pairs: rows.length,
      cohens_d_mean: mean(d),
      cohens_d_std: std(d),
      delta_mean: mean(delta),
      delta_std: std(delta),
    };
  });
}

/**
 * Per attribute (`ATTRIBUTES` order) and group (sorted by name, as pandas' `groupby`), the
 * number of pairs and the mean and SD of Cohen's d and delta over the group's pairs with data
 * (the effect-size rows; pass `analysis.effectSizes`). The author keeps the rows with
 * `cohens_d > 0` to drop the pair without data (whose d the original writes as 0 or NaN); we
 * take the pairs with data instead, which are the same rows on the author's sweep and do not
 * drop a real negative effect. A model without a group for an attribute is left out of that
 * attribute; a group without pairs has no row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { concept: "c", mean_positive: 1, mean_negative: 0 };
 * const effects = [
 *   { ...row, model: "4B", cohens_d: 1, delta: 4 },
 *   { ...row, model: "8B", cohens_d: 2, delta: 6 },
 *   { ...row, model: "32B", cohens_d: 0.5, delta: 2 },
 * ];
 * const attributes = {
 *   training: { "4B": "distilled", "8B": "distilled", "32B": "full-rl" },
 *   architecture: {},
 *   depth: {},
 * };
 * const [distilled, rl] = groupEffects(effects, attributes);
 * assert.deepEqual(distilled, {
 *   attribute: "training",
 *   group: "distilled",
 *   n_pairs: 2,
 *   cohens_d_mean: 1.5,
 *   cohens_d_std: Math.SQRT1_2,
 *   delta_mean: 5,
 *   delta_std: Math.SQRT2,
 * });
 * assert.equal(rl.n_pairs, 1);
 * assert.ok(Number.isNaN(rl.cohens_d_std)); // one pair: no SD
 * ```
 */
export function groupEffects(
  effects: readonly PairEffect[],
  attributes: ModelAttributes,
): GroupEffectRow[] {
  return ATTRIBUTES.flatMap((attribute) =>
    attributeEffects(effects, attribute, attributes[attribute])
  );
}
