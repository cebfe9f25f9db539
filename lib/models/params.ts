/**
 * Parameter counts of a model, in billions, from one of two sources: the counts its name states
 * (`30B-A3B`: 30 total, 3 active; the author's later notebook uses these), or the exact counts
 * of the Qwen3 technical report in the model metadata (30.5 and 3.3).
 * @module
 */
import type { ModelInfo } from "./qwen3.ts";

/** Where parameter counts come from: the model's name, or the metadata (the report's counts). */
export type ParamSource = "nominal" | "report";

/** A model's total and active parameters, in billions (undefined when not known). */
export interface ParamCounts {
  total?: number;
  active?: number;
}

const NAMED = /^(\d+(?:\.\d+)?)B(?:-A(\d+(?:\.\d+)?)B)?$/i;

/**
 * The parameter counts a model's name states: `4B` is 4 (all active), `30B-A3B` is 30 total
 * and 3 active. A name in another form states none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(nominalParams("30B-A3B"), { total: 30, active: 3 });
 * assert.deepEqual(nominalParams("0.6B"), { total: 0.6, active: 0.6 });
 * assert.deepEqual(nominalParams("my-model"), {});
 * ```
 */
export function nominalParams(label: string): ParamCounts {
  const match = NAMED.exec(label);
  if (!match) return {};
  const total = Number(match[1]);
  return { total, active: match[2] === undefined ? total : Number(match[2]) };
}

/**
 * A model's parameter counts from `source`; a name that states none falls back to the metadata.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { QWEN3_MODELS } from "./qwen3.ts";
 * const moe = QWEN3_MODELS["30B-A3B"];
 * assert.deepEqual(paramCounts(moe, "nominal"), { total: 30, active: 3 }); // as the name says
 * assert.deepEqual(paramCounts(moe, "report"), { total: 30.5, active: 3.3 }); // the report's
 * ```
 */
export function paramCounts(
  info: Pick<ModelInfo, "label" | "total_params_b" | "active_params_b">,
  source: ParamSource,
): ParamCounts {
  const named = source === "nominal" ? nominalParams(info.label) : {};
  if (named.total !== undefined) return named;
  return { total: info.total_params_b, active: info.active_params_b };
}
