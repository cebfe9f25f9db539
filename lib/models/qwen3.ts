/**
 * What is known about each model of a sweep: depth, width, attention, dense or MoE, size and how
 * it was post-trained, so tables and figures can group by any of these. The Qwen3 family is
 * known here ({@link QWEN3_MODELS}); any other model (`Llama-3.1-8B`, a fine-tune labelled
 * `4B-dpo`) is described by the sweep's `models.json` ({@link parseModelOverrides}), or else has
 * only its layer count (from its `summary.json`) and every other attribute unknown, which leaves
 * it out of the comparisons by that attribute (`groups.ts`).
 * @module
 */
import { join } from "node:path";
import { SweepDataError } from "../sweep/errors.ts";
import { parseJsonText } from "../sweep/json.ts";

/**
 * How a model was post-trained: the Qwen3 report's two pipelines, "unknown", or (from
 * `models.json`) another method's name, which makes a group of its own.
 */
export type Training = "distilled" | "full-rl" | "unknown" | (string & Record<never, never>);

/** Dense or mixture-of-experts, "unknown", or (from `models.json`) another kind's name. */
export type Architecture = "dense" | "moe" | "unknown" | (string & Record<never, never>);

/** A model's architecture and training, as far as known. */
export interface ModelInfo {
  label: string;
  layers: number;
  hidden_size?: number;
  attention_heads?: number;
  kv_heads?: number;
  architecture: Architecture;
  /** Total parameters, in billions. */
  total_params_b?: number;
  /** Parameters active per token, in billions (the total for a dense model). */
  active_params_b?: number;
  experts?: number;
  active_experts?: number;
  training: Training;
}

const dense = (
  label: string,
  layers: number,
  hidden_size: number,
  attention_heads: number,
  kv_heads: number,
  params: number,
  training: Training,
): ModelInfo => ({
  label,
  layers,
  hidden_size,
  attention_heads,
  kv_heads,
  architecture: "dense",
  total_params_b: params,
  active_params_b: params,
  training,
});

/**
 * The Qwen3 family, from the models' `config.json` files and the Qwen3 technical report: the two
 * flagship models (235B-A22B, 32B) went through the full four-stage post-training with RL; the
 * lightweight ones were made by strong-to-weak distillation from them.
 */
export const QWEN3_MODELS: Readonly<Record<string, ModelInfo>> = {
  "0.6B": dense("0.6B", 28, 1024, 16, 8, 0.6, "distilled"),
  "1.7B": dense("1.7B", 28, 2048, 16, 8, 1.7, "distilled"),
  "4B": dense("4B", 36, 2560, 32, 8, 4.0, "distilled"),
  "8B": dense("8B", 36, 4096, 32, 8, 8.2, "distilled"),
  "14B": dense("14B", 40, 5120, 40, 8, 14.8, "distilled"),
  "32B": dense("32B", 64, 5120, 64, 8, 32.8, "full-rl"),
  "30B-A3B": {
    label: "30B-A3B",
    layers: 48,
    hidden_size: 2048,
    attention_heads: 32,
    kv_heads: 4,
    architecture: "moe",
    total_params_b: 30.5,
    active_params_b: 3.3,
    experts: 128,
    active_experts: 8,
    training: "distilled",
  },
  "235B-A22B": {
    label: "235B-A22B",
    layers: 94,
    hidden_size: 4096,
    attention_heads: 64,
    kv_heads: 4,
    architecture: "moe",
    total_params_b: 235,
    active_params_b: 22,
    experts: 128,
    active_experts: 8,
    training: "full-rl",
  },
};

/** The file in a sweep folder that adds or overrides model metadata. */
export const MODELS_FILE = "models.json";

/** The fields of a `models.json` entry and what each must be. */
const FIELDS: Record<string, "whole" | "number" | "name"> = {
  layers: "whole",
  hidden_size: "whole",
  attention_heads: "whole",
  kv_heads: "whole",
  architecture: "name",
  total_params_b: "number",
  active_params_b: "number",
  experts: "whole",
  active_experts: "whole",
  training: "name",
};

const WANT = {
  whole: "a positive whole number",
  number: "a positive number",
  name: 'a non-empty string (or "unknown")',
};

/** True when `value` is what a field of kind `kind` must be. */
function fits(kind: "whole" | "number" | "name", value: unknown): boolean {
  if (kind === "name") return typeof value === "string" && value.trim() !== "";
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) return false;
  return kind === "number" || Number.isInteger(value);
}

/**
 * Parses a `models.json`: an object of model label (as the sweep's CSV `model` column writes it)
 * to fields of {@link ModelInfo}: `layers`, `hidden_size`, `attention_heads`, `kv_heads`,
 * `experts`, `active_experts` (positive whole numbers), `total_params_b`, `active_params_b`
 * (billions, positive), `architecture` (`"dense"`, `"moe"`) and `training` (`"distilled"`,
 * `"full-rl"`, or another method's name); `"unknown"` (or leaving a field out) says it is not
 * known. An unknown field, or a value of the wrong kind, is a {@link SweepDataError} naming the
 * file, the model and the field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const overrides = parseModelOverrides('{"30B-A3B": {"training": "full-rl"}}', "models.json");
 * assert.deepEqual(overrides, { "30B-A3B": { training: "full-rl" } });
 * assert.throws(
 *   () => parseModelOverrides('{"4B": {"layers": "36"}}', "models.json"),
 *   { message: 'models.json: model "4B": field "layers" should be a positive whole number' },
 * );
 * ```
 */
export function parseModelOverrides(
  text: string,
  file: string,
): Record<string, Partial<ModelInfo>> {
  const value = parseJsonText(text, file);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SweepDataError("expected an object of model label to fields", { file });
  }
  const out: Record<string, Partial<ModelInfo>> = {};
  for (const [label, fields] of Object.entries(value as Record<string, unknown>)) {
    if (fields === null || typeof fields !== "object" || Array.isArray(fields)) {
      throw new SweepDataError(`model "${label}": expected an object of fields`, { file });
    }
    for (const [name, v] of Object.entries(fields as Record<string, unknown>)) {
      if (!Object.hasOwn(FIELDS, name)) {
        throw new SweepDataError(`model "${label}": unknown field "${name}"`, { file });
      }
      if (!fits(FIELDS[name], v)) {
        throw new SweepDataError(
          `model "${label}": field "${name}" should be ${WANT[FIELDS[name]]}`,
          { file },
        );
      }
    }
    out[label.normalize("NFC")] = fields as Partial<ModelInfo>;
  }
  return out;
}

/**
 * The metadata of each model: the Qwen3 table ({@link QWEN3_MODELS}), then `overrides` (the
 * sweep's `models.json`), with the sweep's layer count (its `summary.json`, or `--layer-counts`)
 * winning over both; `models.json`'s `layers` counts only for a model the sweep gives none. A
 * model in neither table gets its label and layer count, its architecture and training
 * `"unknown"` and no sizes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const [, mine] = modelTable(["4B", "my-model"], { "4B": 36, "my-model": 20 });
 * assert.deepEqual(mine, { label: "my-model", layers: 20, architecture: "unknown", training: "unknown" });
 * const llama = { total_params_b: 8.03, active_params_b: 8.03, architecture: "dense" };
 * const [info] = modelTable(["Llama-3.1-8B"], { "Llama-3.1-8B": 32 }, { "Llama-3.1-8B": llama });
 * assert.equal(info.architecture, "dense");
 * assert.equal(info.training, "unknown"); // not in models.json: unknown
 * ```
 */
export function modelTable(
  models: readonly string[],
  layerCounts: Readonly<Record<string, number>>,
  overrides: Readonly<Record<string, Partial<ModelInfo>>> = {},
): ModelInfo[] {
  // own entries only: a model named like an Object method ("toString") is an unknown model
  const own = <T>(table: Readonly<Record<string, T>>, label: string) =>
    Object.hasOwn(table, label) ? table[label] : undefined;
  return models.map((label) => ({
    ...(own(QWEN3_MODELS, label) ?? { architecture: "unknown", training: "unknown" }),
    ...own(overrides, label),
    label,
    layers: own(layerCounts, label) ?? own(overrides, label)?.layers ??
      own(QWEN3_MODELS, label)?.layers ?? NaN,
  }));
}

/**
 * Reads a sweep folder's `models.json` when it has one (an empty object otherwise).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(await readModelOverrides("results/logit_diff_sweep"), {}); // no models.json
 * const dir = await Deno.makeTempDir();
 * try {
 *   await Deno.writeTextFile(`${dir}/models.json`, '{"8B": {"training": "full-rl"}}');
 *   assert.deepEqual(await readModelOverrides(dir), { "8B": { training: "full-rl" } });
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function readModelOverrides(
  dir: string,
): Promise<Record<string, Partial<ModelInfo>>> {
  const file = join(dir, MODELS_FILE);
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return {};
    throw error;
  }
  return parseModelOverrides(text, file);
}
