/**
 * How models are grouped: the one place that says which models are shallow and which deep (and,
 * as the analyses grow, by training method and architecture). Every table, figure and report
 * takes its groups from here.
 * @module
 */

/** Most layers a shallow model has: the original notebook's cut (36-40 layers vs 64). */
export const SHALLOW_MAX_LAYERS = 40;

/** A model's depth group. */
export type Depth = "shallow" | "deep";

/** The models of a sweep, grouped. */
export interface ModelGroups {
  /** The cut: models with more layers than this are deep. */
  shallowMaxLayers: number;
  /** The shallow models, in the sweep's model order. */
  shallow: readonly string[];
  /** The deep models, in the sweep's model order. */
  deep: readonly string[];
}

/** Options of {@link modelGroups}. */
export interface GroupOptions {
  /** Most layers a shallow model has (default {@link SHALLOW_MAX_LAYERS}). */
  shallowMaxLayers?: number;
}

/**
 * Groups the models by depth from their layer counts. A model without a layer count is in
 * neither group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = modelGroups(["4B", "32B"], { "4B": 36, "32B": 64 });
 * assert.deepEqual([groups.shallow, groups.deep], [["4B"], ["32B"]]);
 * assert.deepEqual(modelGroups(["4B"], { "4B": 36 }, { shallowMaxLayers: 30 }).deep, ["4B"]);
 * ```
 */
export function modelGroups(
  models: readonly string[],
  layerCounts: Readonly<Record<string, number>>,
  options: GroupOptions = {},
): ModelGroups {
  const shallowMaxLayers = options.shallowMaxLayers ?? SHALLOW_MAX_LAYERS;
  const counted = models.filter((m) => Number.isFinite(layerCounts[m]));
  return {
    shallowMaxLayers,
    shallow: counted.filter((m) => layerCounts[m] <= shallowMaxLayers),
    deep: counted.filter((m) => layerCounts[m] > shallowMaxLayers),
  };
}

/**
 * A model's depth group, or undefined when it has none (no layer count).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = { shallowMaxLayers: 40, shallow: ["4B"], deep: ["32B"] };
 * assert.equal(depthOf(groups, "32B"), "deep");
 * assert.equal(depthOf(groups, "7B"), undefined);
 * ```
 */
export function depthOf(groups: ModelGroups, model: string): Depth | undefined {
  return groups.deep.includes(model)
    ? "deep"
    : groups.shallow.includes(model)
    ? "shallow"
    : undefined;
}

/** What models are grouped by: how they were post-trained, dense or MoE, and depth. */
export type Attribute = "training" | "architecture" | "depth";

/** The attributes, in the order tables list them. */
export const ATTRIBUTES: readonly Attribute[] = ["training", "architecture", "depth"];

/**
 * Each attribute's group of each model: `training` is `distilled` or `full-rl`, `architecture`
 * `dense` or `moe`, `depth` `shallow` or `deep`. A model whose attribute is not known is in no
 * group of that attribute (it has no entry).
 */
export type ModelAttributes = Readonly<Record<Attribute, Readonly<Record<string, string>>>>;

/** What a model's metadata must say for {@link modelAttributes}. */
export interface AttributeSource {
  label: string;
  training: string;
  architecture: string;
}

/**
 * The groups of every model under every attribute: training and architecture from the model
 * metadata (`lib/models/qwen3.ts`, overridable by `models.json`), depth from {@link modelGroups}.
 * This is the one grouping every table, figure and report uses.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelTable } from "./qwen3.ts";
 * const layers = { "4B": 36, "235B-A22B": 94, "mine": 20 };
 * const models = modelTable(["4B", "235B-A22B", "mine"], layers);
 * const attributes = modelAttributes(models, modelGroups(["4B", "235B-A22B", "mine"], layers));
 * assert.deepEqual(attributes.training, { "4B": "distilled", "235B-A22B": "full-rl" }); // mine: unknown
 * assert.deepEqual(attributes.architecture, { "4B": "dense", "235B-A22B": "moe" });
 * assert.deepEqual(attributes.depth, { "4B": "shallow", "235B-A22B": "deep", mine: "shallow" });
 * ```
 */
export function modelAttributes(
  models: readonly AttributeSource[],
  groups: ModelGroups,
): ModelAttributes {
  const known = (field: "training" | "architecture") =>
    Object.fromEntries(
      models.filter((m) => m[field] !== "unknown" && m[field] !== undefined)
        .map((m) => [m.label, m[field]]),
    );
  const depth: Record<string, string> = {};
  for (const m of models) {
    const group = depthOf(groups, m.label);
    if (group) depth[m.label] = group;
  }
  return { training: known("training"), architecture: known("architecture"), depth };
}

/**
 * The groups of one attribute, each with its models in the given model order; groups sorted
 * by name, as pandas' `groupby` sorts its keys.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const training = { "4B": "distilled", "32B": "full-rl", "8B": "distilled" };
 * assert.deepEqual(groupMembers(training, ["4B", "8B", "32B", "x"]), [
 *   ["distilled", ["4B", "8B"]],
 *   ["full-rl", ["32B"]],
 * ]);
 * ```
 */
export function groupMembers(
  groupOf: Readonly<Record<string, string>>,
  models: readonly string[],
): [string, string[]][] {
  const members = new Map<string, string[]>();
  for (const model of models) {
    const group = groupOf[model];
    if (group === undefined) continue;
    members.set(group, [...(members.get(group) ?? []), model]);
  }
  return [...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The models whose group under one attribute is not known (in the given order): each is left
 * out of that attribute's comparisons, and the reports say so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const training = { "4B": "distilled", "32B": "full-rl" };
 * assert.deepEqual(unknownModels(training, ["4B", "Llama-3.1-8B", "32B"]), ["Llama-3.1-8B"]);
 * ```
 */
export function unknownModels(
  groupOf: Readonly<Record<string, string>>,
  models: readonly string[],
): string[] {
  return models.filter((model) => !Object.hasOwn(groupOf, model));
}

/** How a group is written in tables, legends and reports. */
export const GROUP_LABELS: Readonly<Record<string, string>> = {
  distilled: "distilled",
  "full-rl": "full RL",
  dense: "dense",
  moe: "MoE",
  shallow: "shallow",
  deep: "deep",
};

/**
 * A group's label for readers: {@link GROUP_LABELS}, or the group's own name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(groupLabel("full-rl"), "full RL");
 * assert.equal(groupLabel("my-method"), "my-method");
 * ```
 */
export function groupLabel(group: string): string {
  return Object.hasOwn(GROUP_LABELS, group) ? GROUP_LABELS[group] : group;
}
