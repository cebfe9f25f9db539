/**
 * The folder layout of a sweep: `<data>/<concept>/Qwen_Qwen3_<model>/`, with `-` in the model
 * label written as `_` in the folder name, and the order models and concepts are shown in.
 * @module
 */

/** The folder-name prefix of every model folder. */
export const MODEL_PREFIX = "Qwen_Qwen3_";

/** The three files of a run folder. */
export const RUN_FILES = {
  samples: "per_sample_all_layers.csv",
  layers: "layer_summary.csv",
  info: "summary.json",
} as const;

/**
 * The folder name that holds a model's results.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(modelFolderName("30B-A3B"), "Qwen_Qwen3_30B_A3B");
 * ```
 */
export function modelFolderName(label: string): string {
  return MODEL_PREFIX + label.replaceAll("-", "_");
}

/**
 * The model label a folder name stands for, or undefined when it is not a model folder.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(modelLabelOfFolder("Qwen_Qwen3_30B_A3B"), "30B-A3B");
 * assert.equal(modelLabelOfFolder("notes"), undefined);
 * ```
 */
export function modelLabelOfFolder(name: string): string | undefined {
  if (!name.startsWith(MODEL_PREFIX) || name.length === MODEL_PREFIX.length) return undefined;
  return name.slice(MODEL_PREFIX.length).replaceAll("_", "-");
}

/**
 * A model's total size in billions of parameters, read from its label; NaN when the label has none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(modelSize("30B-A3B"), 30);
 * assert.equal(modelSize("0.6B"), 0.6);
 * ```
 */
export function modelSize(label: string): number {
  const match = /^(\d+(?:\.\d+)?)B/i.exec(label);
  return match ? Number(match[1]) : NaN;
}

/**
 * Orders model labels by size, smallest first; labels without a size go last, by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(orderModels(["32B", "4B", "30B-A3B", "14B"]), ["4B", "14B", "30B-A3B", "32B"]);
 * ```
 */
export function orderModels(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort((a, b) => {
    const sa = modelSize(a), sb = modelSize(b);
    if (sa !== sb) {
      if (Number.isNaN(sa)) return 1;
      if (Number.isNaN(sb)) return -1;
      return sa - sb;
    }
    return compareStrings(a, b);
  });
}

/**
 * Compares strings by code unit, as pandas and Python sort them (not by locale).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(["4B", "14B", "32B"].sort(compareStrings), ["14B", "32B", "4B"]);
 * ```
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
