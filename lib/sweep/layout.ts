/**
 * The folder layout of a sweep: `<data>/<concept>/<run folder>/`, a run folder being any folder
 * of a concept folder that holds the run files ({@link RUN_FILES}), whatever its name. The
 * upstream writer names it after the model's Hugging Face id with `/` and `-` written as `_`
 * (`Qwen_Qwen3_4B`, `meta_llama_Llama_3.1_8B_Instruct`); the model's label is what its files say
 * (`discover.ts`). Also the order models and concepts are shown in.
 * @module
 */

/** The folder-name prefix the upstream writer gives a Qwen3 model's run folder. */
export const MODEL_PREFIX = "Qwen_Qwen3_";

/** The three files of a run folder. */
export const RUN_FILES = {
  samples: "per_sample_all_layers.csv",
  layers: "layer_summary.csv",
  info: "summary.json",
} as const;

/**
 * The folder name the upstream writer gives a Qwen3 model's run (synthetic sweeps use it too).
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
 * The Qwen3 model label a run folder's name stands for, or undefined when the name is not
 * `Qwen_Qwen3_<label>`. Only a fallback: a run's label is what its files say
 * ({@link folderLabel}).
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
 * The label a run folder's name gives where neither its CSV nor its `summary.json` names the
 * model: `Qwen_Qwen3_4B` is `4B` ({@link modelLabelOfFolder}), any other name is itself.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(folderLabel("Qwen_Qwen3_30B_A3B"), "30B-A3B");
 * assert.equal(folderLabel("my-run-2"), "my-run-2");
 * ```
 */
export function folderLabel(name: string): string {
  return modelLabelOfFolder(name) ?? name.normalize("NFC");
}

/**
 * A model's total size in billions of parameters, read from its label: its last `<number>B`
 * token, tokens being split at `-`, `_`, `/` and spaces (`Llama-3.1-8B-Instruct` is 8; `30B-A3B`
 * is 30, `A3B` being no size token); NaN when the label has none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(modelSize("30B-A3B"), 30);
 * assert.equal(modelSize("0.6B"), 0.6);
 * assert.equal(modelSize("Llama-3.1-8B"), 8);
 * assert.ok(Number.isNaN(modelSize("my-model")));
 * ```
 */
export function modelSize(label: string): number {
  const sizes = label.split(/[-_/\s]+/).filter((token) => /^\d+(?:\.\d+)?B$/i.test(token));
  return sizes.length ? Number(sizes[sizes.length - 1].slice(0, -1)) : NaN;
}

/**
 * Orders model labels by size ({@link modelSize}), smallest first, then by label (code unit);
 * labels without a size go last, by label.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(orderModels(["32B", "4B", "30B-A3B", "14B"]), ["4B", "14B", "30B-A3B", "32B"]);
 * assert.deepEqual(orderModels(["mine", "Llama-3.1-8B", "8B", "4B-dpo", "4B"]), [
 *   "4B",
 *   "4B-dpo",
 *   "8B",
 *   "Llama-3.1-8B",
 *   "mine",
 * ]);
 * ```
 */
export function orderModels(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort((a, b) => {
    const sa = modelSize(a), sb = modelSize(b);
    const na = Number.isNaN(sa), nb = Number.isNaN(sb);
    if (na !== nb) return na ? 1 : -1; // a size before none
    return (na || sa === sb) ? compareStrings(a, b) : sa - sb;
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
