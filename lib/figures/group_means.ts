/**
 * The numbers behind the group-effects figure: each group's mean Cohen's d over its pairs with
 * data (the author's group_effects table), each model's mean, and where each model sits.
 * @module
 */
import { type Attribute, groupMembers } from "../models/groups.ts";
import { mean } from "../stats/describe.ts";
import { attributeEffects, type PairEffect } from "../stats/group_effects.ts";

/** A group of one attribute with its mean Cohen's d over its pairs with data. */
export interface AttributeGroup {
  /** The group ("unknown" for the models with no group, which get no mean). */
  group: string;
  models: string[];
  /** Pairs with a finite Cohen's d. */
  n: number;
  /** Mean and sample SD (ddof 1) of Cohen's d over those pairs; NaN without them. */
  mean: number;
  sd: number;
}

/**
 * The groups of one attribute (sorted by name, as pandas' `groupby`) with their mean Cohen's d
 * over their pairs with data, as the author's group_effects table; then the models with no group,
 * as "unknown", with no mean.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [
 *   { model: "4B", concept: "a", delta: 1, cohens_d: 1 },
 *   { model: "8B", concept: "a", delta: 1, cohens_d: 2 },
 *   { model: "8B", concept: "b", delta: 1, cohens_d: 3 },
 *   { model: "32B", concept: "a", delta: 1, cohens_d: 0.5 },
 * ];
 * const training = { "4B": "distilled", "8B": "distilled", "32B": "full-rl" };
 * const [distilled, rl, unknown] = drawnGroups(rows, "training", training, ["4B", "8B", "32B", "mine"]);
 * assert.deepEqual([distilled.n, distilled.mean, distilled.sd], [3, 2, 1]); // pairs, not models
 * assert.deepEqual([rl.n, rl.mean, Number.isNaN(rl.sd)], [1, 0.5, true]);
 * assert.deepEqual([unknown.group, unknown.models, Number.isNaN(unknown.mean)], ["unknown", ["mine"], true]);
 * ```
 */
export function drawnGroups(
  rows: readonly PairEffect[],
  attribute: Attribute,
  groupOf: Readonly<Record<string, string>>,
  models: readonly string[],
): AttributeGroup[] {
  const effects = new Map(attributeEffects(rows, attribute, groupOf).map((r) => [r.group, r]));
  const known = groupMembers(groupOf, models).map(([group, members]): AttributeGroup => {
    const row = effects.get(group);
    return row
      ? { group, models: members, n: row.n_pairs, mean: row.cohens_d_mean, sd: row.cohens_d_std }
      : { group, models: members, n: 0, mean: NaN, sd: NaN };
  });
  const unknown = models.filter((m) => groupOf[m] === undefined);
  const unknownPairs = rows.filter((r) => unknown.includes(r.model) && Number.isFinite(r.cohens_d));
  return unknown.length
    ? [...known, { group: "unknown", models: unknown, n: unknownPairs.length, mean: NaN, sd: NaN }]
    : known;
}

/**
 * Where each model sits on the x axis: models side by side within a group, groups apart by
 * `groupGap`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = [{ models: ["4B", "8B"] }, { models: ["32B"] }];
 * assert.deepEqual([...modelSlots(groups, 0.5)], [["4B", 0], ["8B", 1], ["32B", 2.5]]);
 * ```
 */
export function modelSlots(
  groups: readonly { models: readonly string[] }[],
  groupGap: number,
): Map<string, number> {
  const slots = new Map<string, number>();
  let x = 0;
  for (const g of groups) {
    for (const m of g.models) slots.set(m, x++);
    x += groupGap;
  }
  return slots;
}

/** A model's mean Cohen's d over its concepts with data. */
export interface ModelTick {
  model: string;
  mean: number;
  concepts: string[];
}

/**
 * Each model's mean Cohen's d over its concepts with data (a NaN is no data), in model order; a
 * model with no pair is left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [
 *   { model: "8B", concept: "a", delta: 1, cohens_d: 1 },
 *   { model: "8B", concept: "b", delta: 1, cohens_d: 2 },
 * ];
 * assert.deepEqual(modelTicks(rows, ["4B", "8B"]), [{ model: "8B", mean: 1.5, concepts: ["a", "b"] }]);
 * ```
 */
export function modelTicks(
  rows: readonly PairEffect[],
  models: readonly string[],
): ModelTick[] {
  return models.map((model) => {
    const own = rows.filter((r) => r.model === model && Number.isFinite(r.cohens_d));
    return { model, mean: mean(own.map((r) => r.cohens_d)), concepts: own.map((r) => r.concept) };
  }).filter((m) => m.concepts.length > 0);
}
