/**
 * The model comparisons report: the group means of the author's later analyses (training,
 * architecture, depth), with p-values where the model is the unit, what so few models can show
 * at best, and what the groups cannot separate. Every sentence is computed from the data.
 * @module
 */
import {
  type Attribute,
  ATTRIBUTES,
  groupLabel,
  type ModelAttributes,
  unknownModels,
} from "../models/groups.ts";
import { type Confounds, confounds, type Nesting, type SameSplit } from "../stats/confounds.ts";
import type { EffectSizeRow } from "../stats/effect_sizes.ts";
import { attributeGroups, groupTest, type GroupTestRow } from "../stats/group_tests.ts";
import { type ModelPairs, modelPairs, type PairValue, pooledMean } from "../stats/model_pairs.ts";
import {
  EXACT_LIMIT,
  MONTE_CARLO_RESAMPLES,
  type PermutationOptions,
} from "../stats/permutation.ts";
import { pyFixed } from "../util/format.ts";
import { rule, signed } from "./format.ts";
import { wrap } from "./wrap.ts";

type Group = [string, ModelPairs[]];

const TITLES: Record<Attribute, string> = {
  training: "Training",
  architecture: "Architecture",
  depth: "Depth",
};
const NBSP = "\u00a0";
/** A group in a sentence: its label, kept on one line ("full RL"). */
const label = (group: string) => groupLabel(group).replaceAll(" ", NBSP);
/** A group as an adjective: "full-RL models". */
const adjective = (group: string) => groupLabel(group).replaceAll(" ", "-");
const models = (n: number, group = "") =>
  `${n} ${group ? `${group} ` : ""}model${n === 1 ? "" : "s"}`;
const pText = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${pyFixed(p, 3)}`);
const list = (names: readonly string[]) => names.join(", ");

function headerLines(nModels: number, rows: readonly GroupTestRow[], options: PermutationOptions) {
  const limit = (options.exactLimit ?? EXACT_LIMIT).toLocaleString("en-US");
  const draws = (options.resamples ?? MONTE_CARLO_RESAMPLES).toLocaleString("en-US");
  const how = rows.some((r) => r.method === "monte-carlo")
    ? `exact up to ${limit} relabellings, else ${draws} seeded random ones`
    : "exact: every relabelling";
  return [
    rule(70),
    "MODEL COMPARISONS",
    rule(70),
    ...wrap(
      `The model is the unit: each p permutes the group labels over the models of the two ` +
        `groups compared (of the ${nModels} models with data), each keeping all its pairs ` +
        `(two-sided, ${how}). Means are over pairs, as in the author's group tables. Cohen's d ` +
        "and delta are taken at each pair's best layer, the largest of the layers searched: a " +
        "model with more layers searched gets more upward bias from that choice (Robustness, " +
        "section 2, measures it per pair).",
    ),
  ];
}

function minPLines(row: GroupTestRow): string[] {
  if (!(row.min_attainable_p > 0.05)) return [];
  if (row.min_attainable_p >= 1) {
    return wrap(
      "With 1 model per group, no test over models can tell anything: p is 1 whatever the data.",
      undefined,
      "  ",
    );
  }
  const n = row.n_models_a + row.n_models_b;
  const few = row.n_models_a <= row.n_models_b ? row.group_a : row.group_b;
  const k = Math.min(row.n_models_a, row.n_models_b);
  const who = row.n_models_a === row.n_models_b
    ? `${models(k)} per group (${n} in all)`
    : `${models(k, adjective(few))} among ${n}`;
  const atFloor = ([["Cohen's d", row.p_cohens_d], ["delta", row.p_delta]] as const)
    .filter(([, p]) => p <= row.min_attainable_p * (1 + 1e-9)).map(([name]) => name);
  const floor = atFloor.length
    ? ` The ${atFloor.join(" and ")} difference${atFloor.length === 1 ? " reaches" : "s reach"} ` +
      "it: no relabelling of the models sets the groups further apart."
    : "";
  return wrap(
    `With ${who}, no test over models can reach p < 0.05: the smallest possible p is ` +
      `${pyFixed(row.min_attainable_p, 3)}.${floor}`,
    undefined,
    "  ",
  );
}

function valueLine(name: string, value: PairValue, a: Group, b: Group, p: number): string {
  const ma = pooledMean(a[1], value), mb = pooledMean(b[1], value);
  return `  ${name.padEnd(11)}${pyFixed(ma, 2)} vs ${pyFixed(mb, 2)}: difference ${
    signed(ma - mb, 2)
  }, ${pText(p)}`;
}

function memberLines([group, ms]: Group, width: number): string[] {
  const pairs = ms.reduce((s, m) => s + m.delta.length, 0);
  return wrap(
    `${models(ms.length)}, ${pairs} pair${pairs === 1 ? "" : "s"}: ${list(ms.map((m) => m.model))}`,
    undefined,
    `  ${groupLabel(group).padEnd(width)}`,
    " ".repeat(width + 2),
  );
}

function comparisonLines(row: GroupTestRow, a: Group, b: Group): string[] {
  const width = Math.max(11, groupLabel(a[0]).length + 1, groupLabel(b[0]).length + 1);
  return [
    `${TITLES[row.attribute]}: ${groupLabel(a[0])} vs ${groupLabel(b[0])}`,
    ...memberLines(a, width),
    ...memberLines(b, width),
    valueLine("Cohen's d", "cohens_d", a, b, row.p_cohens_d),
    valueLine("delta", "delta", a, b, row.p_delta),
    ...minPLines(row),
  ];
}

function oneGroupLines(attribute: Attribute, found: Confounds, nModels: number): string[] {
  const one = found.oneGroup.find((g) => g.attribute === attribute)!;
  const nothing = `no ${attribute} comparison`;
  if (one.group === undefined) {
    return wrap(`${TITLES[attribute]}: no model's ${attribute} is known: ${nothing}.`);
  }
  const every = one.unknown.length
    ? `every model of known ${attribute} (${one.models.length} of ${nModels}) is`
    : "every model is";
  return wrap(`${TITLES[attribute]}: ${every} ${label(one.group)}: ${nothing}.`);
}

const correspondence = (split: SameSplit) =>
  split.blocks.map((b) => `${label(b.groups[0])} = ${label(b.groups[1])}: ${list(b.models)}`)
    .join("; ");

function sameSplitLines(split: SameSplit, nModels: number): string[] {
  const [x, y] = split.attributes;
  const which = split.models.length === nModels
    ? "these models"
    : `the ${split.models.length} models known to both`;
  return wrap(
    `${TITLES[x]} and ${y} split ${which} the same way: their effects cannot be told apart ` +
      `(${correspondence(split)}).`,
    undefined,
    "  ",
    "    ",
  );
}

function nestingLines(nestings: readonly Nesting[]): string[] {
  const byGroup = new Map<string, Nesting[]>();
  for (const n of nestings) {
    const key = `${n.attribute}/${n.group}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), n]);
  }
  const lines = [...byGroup.values()].flatMap((ns) =>
    wrap(
      `Every ${adjective(ns[0].group)} model (${list(ns[0].models)}) is ${
        ns.map((n) => label(n.within.group)).join(" and ")
      }.`,
      undefined,
      "  ",
      "    ",
    )
  );
  return lines.length
    ? [...lines, "  A difference between such groups may come from either attribute."]
    : [];
}

/**
 * The sentences saying which attributes split the models the same way and which groups nest in
 * another attribute's group (indented two spaces), or none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { confounds } from "../stats/confounds.ts";
 * const attributes = {
 *   training: { "4B": "distilled", "32B": "full-rl" },
 *   architecture: { "4B": "dense", "32B": "dense" },
 *   depth: { "4B": "shallow", "32B": "deep" },
 * };
 * const [line] = confoundSentences(confounds(["4B", "32B"], attributes), 2);
 * assert.match(line, /^  Training and depth split these models the same way/);
 * ```
 */
export function confoundSentences(found: Confounds, nModels: number): string[] {
  return [
    ...found.sameSplits.flatMap((s) => sameSplitLines(s, nModels)),
    ...nestingLines(found.nestings),
  ];
}

function confoundLines(found: Confounds, nModels: number): string[] {
  const lines = confoundSentences(found, nModels);
  return lines.length ? ["", "What the groups cannot separate:", ...lines] : [];
}

/** The attribute listed earlier that splits every model with data the same way, if any. */
function earlierSplit(attribute: Attribute, found: Confounds, nModels: number) {
  return found.sameSplits.find((s) => s.attributes[1] === attribute && s.models.length === nModels)
    ?.attributes[0];
}

interface Section {
  lines: string[];
  rows: GroupTestRow[];
}

/**
 * The sentence naming the models with data whose `attribute` is not known (left out of its
 * comparison), or none when every model's is known, or none's (said by {@link oneGroupLines}).
 */
function unknownLines(
  attribute: Attribute,
  units: readonly ModelPairs[],
  groupOf: ModelAttributes[Attribute],
) {
  const models = units.map((m) => m.model), unknown = unknownModels(groupOf, models);
  if (unknown.length === 0 || unknown.length === models.length) return [];
  return wrap(
    `${list(unknown)}: ${attribute} unknown, left out of the ${attribute} comparison.`,
    undefined,
    "  ",
    "    ",
  );
}

function attributeSection(
  attribute: Attribute,
  units: readonly ModelPairs[],
  attributes: ModelAttributes,
  found: Confounds,
  options: PermutationOptions,
): Section {
  const n = units.length;
  const groups = attributeGroups(units, attributes[attribute]);
  const unknown = unknownLines(attribute, units, attributes[attribute]);
  if (groups.length < 2) {
    return { lines: ["", ...oneGroupLines(attribute, found, n), ...unknown], rows: [] };
  }
  const earlier = earlierSplit(attribute, found, n);
  if (earlier) {
    const text = `${
      TITLES[attribute]
    }: the same split as ${earlier} (see below), so the same tests and p.`;
    return { lines: ["", ...wrap(text), ...unknown], rows: [] };
  }
  const pairs = groups.flatMap((a, i) => groups.slice(i + 1).map((b): [Group, Group] => [a, b]));
  const rows = pairs.map(([a, b]) => groupTest(attribute, a, b, options));
  const lines = pairs.flatMap(([a, b], i) => ["", ...comparisonLines(rows[i], a, b)]);
  return { lines: [...lines, ...unknown], rows };
}

/**
 * The model comparisons report: for each attribute, its groups (models and pairs), the mean
 * Cohen's d and delta of each group with their difference and its permutation p-value (the model
 * as the unit), what the numbers of models allow at best, attributes with one group, the models
 * whose attribute is not known and so left out of its comparison ("Llama-3.1-8B: training
 * unknown, left out of the training comparison."), and attributes that split the models alike.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyse } from "../stats/analysis.ts";
 * import { modelTable } from "../models/qwen3.ts";
 * import { modelAttributes } from "../models/groups.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const analysis = analyse(sweep);
 * const attributes = modelAttributes(modelTable(sweep.models, sweep.layerCounts), analysis.groups);
 * const report = comparisonsReport(analysis.effectSizes, attributes);
 * assert.ok(report.includes("Architecture: every model is dense: no architecture comparison."));
 * assert.ok(report.includes("  delta      7.57 vs 2.96: difference +4.61, p = 0.250"));
 * ```
 */
export function comparisonsReport(
  effectSizes: readonly EffectSizeRow[],
  attributes: ModelAttributes,
  options: PermutationOptions = {},
): string {
  const units = modelPairs(effectSizes);
  const found = confounds(units.map((m) => m.model), attributes);
  const sections = ATTRIBUTES.map((a) => attributeSection(a, units, attributes, found, options));
  const rows = sections.flatMap((s) => s.rows), tests = 2 * rows.length;
  return [
    ...headerLines(units.length, rows, options),
    ...sections.flatMap((s) => s.lines),
    ...confoundLines(found, units.length),
    ...(tests > 1
      ? ["", ...wrap(`The ${tests} p-values above are not corrected for multiple testing.`)]
      : []),
  ].join("\n");
}
