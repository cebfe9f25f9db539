/**
 * The texts of the group-effects figure: the hover text of its dots, model ticks and group rules,
 * the heading of each group and the axis label of each attribute's chart.
 * @module
 */
import { type Attribute, groupLabel } from "../models/groups.ts";
import type { AttributeGroup, ModelTick } from "./group_means.ts";
import type { PairEffect } from "../stats/group_effects.ts";
import { formatValue, hoverText } from "./hover.ts";
import { conceptTitle } from "./theme.ts";

const plural = (word: string) => (n: number) => `${n} ${word}${n === 1 ? "" : "s"}`;
const pairs = plural("pair"), conceptCount = plural("concept");

/**
 * Hover text of a dot: model, concept, Cohen's d and delta at the best layer, the model's group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { model: "4B", concept: "corrigible", delta: 14.01, cohens_d: 1.484 };
 * assert.equal(
 *   dotTitle(row, "training: distilled"),
 *   "4B · Corrigible\nCohen's d 1.48 (delta 14.01) at the best layer\ntraining: distilled",
 * );
 * ```
 */
export function dotTitle(r: PairEffect, group: string): string {
  return hoverText(r, [
    `Cohen's d ${formatValue(r.cohens_d)} (delta ${formatValue(r.delta)}) at the best layer`,
    group,
  ]);
}

/**
 * The axis label of an attribute's chart: its groups, or that there is no comparison.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = (group: string) => ({ group, models: [], n: 0, mean: NaN, sd: NaN });
 * assert.equal(attributeLabel("training", [g("distilled"), g("full-rl")]), "By training: distilled vs full RL");
 * assert.equal(
 *   attributeLabel("architecture", [g("dense"), g("unknown")]),
 *   "By architecture: only dense models in this sweep, no comparison (unknown: no group)",
 * );
 * ```
 */
export function attributeLabel(attribute: Attribute, groups: readonly AttributeGroup[]): string {
  const known = groups.filter((g) => g.group !== "unknown").map((g) => groupLabel(g.group));
  const unknown = groups.length > known.length ? " (unknown: no group)" : "";
  const compared = known.length > 1
    ? known.join(" vs ")
    : known.length === 1
    ? `only ${known[0]} models in this sweep, no comparison`
    : "no model has a group, no comparison";
  return `By ${attribute}: ${compared}${unknown}`;
}

/**
 * Hover text of a group's rule: the group, its models, its mean Cohen's d over its pairs, the SD
 * (when there are two pairs or more).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = { group: "full-rl", models: ["32B", "235B-A22B"], n: 5, mean: 1.0073, sd: 0.2808 };
 * assert.equal(
 *   groupTitle(g, "training"),
 *   "full RL · training (32B, 235B-A22B)\nmean Cohen's d 1.01 over 5 pairs, each at its best layer\nSD 0.28",
 * );
 * ```
 */
export function groupTitle(g: AttributeGroup, attribute: Attribute): string {
  return [
    `${groupLabel(g.group)} · ${attribute} (${g.models.join(", ")})`,
    `mean Cohen's d ${formatValue(g.mean)} over ${pairs(g.n)}, each at its best layer`,
    ...(Number.isFinite(g.sd) ? [`SD ${formatValue(g.sd)}`] : []), // one pair has no SD
  ].join("\n");
}

/**
 * Hover text of a model's tick: its mean over its concepts, the concepts without data, its group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const m = { model: "235B-A22B", mean: 1.2, concepts: ["corrigible", "self_awareness"] };
 * const concepts = ["corrigible", "self_awareness", "sycophancy"];
 * assert.equal(
 *   modelTitle(m, concepts, "training: full RL"),
 *   "235B-A22B · all concepts\nmean Cohen's d 1.20 over 2 concepts, each at its best layer\n" +
 *     "no data: Sycophancy\ntraining: full RL",
 * );
 * ```
 */
export function modelTitle(m: ModelTick, concepts: readonly string[], group: string): string {
  const missing = concepts.filter((c) => !m.concepts.includes(c)).map(conceptTitle);
  return [
    `${m.model} · all concepts`,
    `mean Cohen's d ${formatValue(m.mean)} over ${
      conceptCount(m.concepts.length)
    }, each at its best layer`,
    ...(missing.length ? [`no data: ${missing.join(", ")}`] : []),
    group,
  ].join("\n");
}

/**
 * The heading drawn above a group: its name, then its mean and pairs ("no group" for the models
 * with none, "no data" for a group without pairs).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = { group: "full-rl", models: ["32B"], n: 1, mean: 1.666, sd: NaN };
 * assert.equal(groupHeading(g), "full RL\nmean 1.67, 1 pair");
 * assert.equal(groupHeading({ ...g, group: "unknown" }), "unknown\nno group");
 * ```
 */
export function groupHeading(g: AttributeGroup): string {
  const detail = g.group === "unknown"
    ? "no group"
    : g.n > 0
    ? `mean ${formatValue(g.mean)}, ${pairs(g.n)}`
    : "no data";
  return `${groupLabel(g.group)}\n${detail}`;
}
