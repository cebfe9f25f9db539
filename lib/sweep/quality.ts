/**
 * Data-quality checks made while loading: things that are kept (for parity) but worth a line.
 * @module
 */
import type { Dictionary } from "./columns.ts";
import type { SweepRun } from "./types.ts";

/** The answers an A/B question is scored on. */
export const AB_ANSWERS: readonly string[] = ["(A)", "(B)"];

/**
 * Counts each `matching_answer` that is neither `(A)` nor `(B)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toDictionary } from "./columns.ts";
 * const others = otherAnswers(toDictionary(["(A)", "(C)", "(C)", "(B)"]));
 * assert.deepEqual(others, new Map([["(C)", 2]]));
 * ```
 */
export function otherAnswers(answers: Dictionary): Map<string, number> {
  const perCode = new Int32Array(answers.values.length);
  for (let i = 0; i < answers.codes.length; i++) perCode[answers.codes[i]]++;
  const counts = new Map<string, number>();
  answers.values.forEach((a, code) => {
    if (!AB_ANSWERS.includes(a) && perCode[code] > 0) counts.set(a, perCode[code]);
  });
  return counts;
}

/**
 * A one-line note when a run has rows whose matching answer is not (A) or (B): the sweep scored
 * them as if the answer were (B). They are kept, as the original keeps them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const dir = "results/logit_diff_sweep/sycophancy/Qwen_Qwen3_4B";
 * const note = dataQualityNote(await loadRun(dir, "4B", "sycophancy"));
 * assert.ok(note?.startsWith("data quality: 4B/sycophancy: 450 of 7,500 rows have a matching_answer"));
 * ```
 */
export function dataQualityNote(run: SweepRun): string | undefined {
  const others = otherAnswers(run.samples.matching_answer);
  if (others.size === 0) return undefined;
  const total = [...others.values()].reduce((a, b) => a + b, 0);
  const listed = [...others].map(([answer, n]) => `${answer} x${n.toLocaleString("en-US")}`);
  return `data quality: ${run.model}/${run.concept}: ${total.toLocaleString("en-US")} of ` +
    `${
      run.samples.length.toLocaleString("en-US")
    } rows have a matching_answer other than (A)/(B) ` +
    `(${listed.join(", ")}); the sweep scored them as (B); kept, as the original keeps them`;
}
