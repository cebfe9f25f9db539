/**
 * What the group comparisons cannot separate: attributes that split the models the same way
 * (their effects cannot be told apart), groups that sit wholly inside a group of another
 * attribute (partly confounded), and attributes with fewer than two groups (nothing to compare).
 * @module
 */
import {
  type Attribute,
  ATTRIBUTES,
  groupMembers,
  type ModelAttributes,
} from "../models/groups.ts";

/** Two attributes that split the same models into the same groups, group names aside. */
export interface SameSplit {
  attributes: [Attribute, Attribute];
  /** Each group of the shared split: its name under either attribute, and its models. */
  blocks: { groups: [string, string]; models: string[] }[];
  /** The models known to both attributes (the split compared). */
  models: string[];
}

/** A group of one attribute whose models all share a group of another attribute. */
export interface Nesting {
  attribute: Attribute;
  group: string;
  models: string[];
  within: { attribute: Attribute; group: string };
}

/** An attribute with nothing to compare: one group, or none (no model's attribute known). */
export interface OneGroup {
  attribute: Attribute;
  /** The only group, or undefined when no model has the attribute. */
  group: string | undefined;
  models: string[];
  /** Models whose attribute is not known. */
  unknown: string[];
}

/** Everything {@link confounds} finds. */
export interface Confounds {
  sameSplits: SameSplit[];
  nestings: Nesting[];
  oneGroup: OneGroup[];
}

/** Pairs of distinct attributes, in {@link ATTRIBUTES} order. */
function attributePairs(): [Attribute, Attribute][] {
  return ATTRIBUTES.flatMap((x, i) =>
    ATTRIBUTES.slice(i + 1).map((y): [Attribute, Attribute] => [x, y])
  );
}

/** Both attributes' groups over the models known to both, when each has two groups or more. */
function commonSplits(
  models: readonly string[],
  attributes: ModelAttributes,
  x: Attribute,
  y: Attribute,
) {
  const common = models.filter((m) =>
    attributes[x][m] !== undefined && attributes[y][m] !== undefined
  );
  const gx = groupMembers(attributes[x], common), gy = groupMembers(attributes[y], common);
  return gx.length >= 2 && gy.length >= 2 ? { common, gx } : undefined;
}

/** The one group of `other` all the models share, or undefined. */
function sharedGroup(models: readonly string[], other: Readonly<Record<string, string>>) {
  const groups = new Set(models.map((m) => other[m]));
  return groups.size === 1 ? [...groups][0] : undefined;
}

/**
 * Pairs of attributes that split the models the same way: over the models known to both, each
 * group of one is exactly a group of the other (and each has at least two groups). A difference
 * between the groups is then as much one attribute's as the other's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const attributes = {
 *   training: { "4B": "distilled", "8B": "distilled", "32B": "full-rl" },
 *   architecture: { "4B": "dense", "8B": "dense", "32B": "dense" },
 *   depth: { "4B": "shallow", "8B": "shallow", "32B": "deep" },
 * };
 * const [split] = sameSplits(["4B", "8B", "32B"], attributes);
 * assert.deepEqual(split.attributes, ["training", "depth"]);
 * assert.deepEqual(split.blocks, [
 *   { groups: ["distilled", "shallow"], models: ["4B", "8B"] },
 *   { groups: ["full-rl", "deep"], models: ["32B"] },
 * ]);
 * ```
 */
export function sameSplits(models: readonly string[], attributes: ModelAttributes): SameSplit[] {
  return attributePairs().flatMap(([x, y]) => {
    const splits = commonSplits(models, attributes, x, y);
    if (!splits) return [];
    const blocks = splits.gx.map(([group, members]) => ({
      groups: [group, sharedGroup(members, attributes[y])] as [string, string | undefined],
      models: members,
    }));
    const mapped = blocks.map((b) => b.groups[1]);
    const same = mapped.every((g) => g !== undefined) && new Set(mapped).size === mapped.length;
    return same
      ? [{ attributes: [x, y], blocks: blocks as SameSplit["blocks"], models: splits.common }]
      : [];
  });
}

/**
 * Groups that sit wholly inside one group of another attribute (over the models known to both,
 * each attribute with two groups or more), when the two attributes do not split the models the
 * same way: such a group's comparison is partly one of the other attribute too.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const attributes = {
 *   training: { "4B": "distilled", "30B-A3B": "distilled", "32B": "full-rl" },
 *   architecture: { "4B": "dense", "30B-A3B": "moe", "32B": "dense" },
 *   depth: { "4B": "shallow", "30B-A3B": "deep", "32B": "deep" },
 * };
 * const nested = nestings(["4B", "30B-A3B", "32B"], attributes)
 *   .map((n) => `${n.group} in ${n.within.group}`);
 * assert.deepEqual(nested, ["full-rl in dense", "full-rl in deep", "moe in distilled", "moe in deep", "shallow in distilled", "shallow in dense"]);
 * ```
 */
export function nestings(models: readonly string[], attributes: ModelAttributes): Nesting[] {
  const same = new Set(sameSplits(models, attributes).map((s) => s.attributes.join()));
  const ordered = ATTRIBUTES.flatMap((x) => ATTRIBUTES.filter((y) => y !== x).map((y) => [x, y]));
  return ordered.flatMap(([x, y]) => {
    const splits = commonSplits(models, attributes, x, y);
    if (!splits || same.has([x, y].join()) || same.has([y, x].join())) return [];
    return splits.gx.flatMap(([group, members]) => {
      const within = sharedGroup(members, attributes[y]);
      return within === undefined
        ? []
        : [{ attribute: x, group, models: members, within: { attribute: y, group: within } }];
    });
  });
}

/**
 * Attributes with fewer than two groups among the models: nothing to compare.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const attributes = {
 *   training: { "4B": "distilled", "32B": "full-rl" },
 *   architecture: { "4B": "dense", "32B": "dense" },
 *   depth: {},
 * };
 * assert.deepEqual(oneGroup(["4B", "32B"], attributes), [
 *   { attribute: "architecture", group: "dense", models: ["4B", "32B"], unknown: [] },
 *   { attribute: "depth", group: undefined, models: [], unknown: ["4B", "32B"] },
 * ]);
 * ```
 */
export function oneGroup(models: readonly string[], attributes: ModelAttributes): OneGroup[] {
  return ATTRIBUTES.flatMap((attribute) => {
    const groups = groupMembers(attributes[attribute], models);
    if (groups.length >= 2) return [];
    const unknown = models.filter((m) => attributes[attribute][m] === undefined);
    return [{ attribute, group: groups[0]?.[0], models: groups[0]?.[1] ?? [], unknown }];
  });
}

/**
 * Everything the comparisons of these models cannot separate: attributes that split them the
 * same way, nested groups, and attributes with one group or none. Pass the models with data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const attributes = {
 *   training: { "4B": "distilled", "8B": "distilled", "32B": "full-rl" },
 *   architecture: { "4B": "dense", "8B": "dense", "32B": "dense" },
 *   depth: { "4B": "shallow", "8B": "shallow", "32B": "deep" },
 * };
 * const found = confounds(["4B", "8B", "32B"], attributes);
 * assert.deepEqual(found.sameSplits.map((s) => s.attributes), [["training", "depth"]]);
 * assert.deepEqual(found.nestings, []); // training and depth: the same split, not a nesting
 * assert.deepEqual(found.oneGroup.map((g) => [g.attribute, g.group]), [["architecture", "dense"]]);
 * ```
 */
export function confounds(models: readonly string[], attributes: ModelAttributes): Confounds {
  return {
    sameSplits: sameSplits(models, attributes),
    nestings: nestings(models, attributes),
    oneGroup: oneGroup(models, attributes),
  };
}
