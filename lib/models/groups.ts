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
