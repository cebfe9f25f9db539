/**
 * Paired model contrasts in words: which model's effect is smaller, by how much, with its
 * interval and the prompts it rests on.
 * @module
 */
import type { ModelContrast } from "../stats/model_contrast.ts";
import { pyFixed } from "../util/format.ts";

const interval = (lo: number, hi: number) => `[${pyFixed(lo, 2)}, ${pyFixed(hi, 2)}]`;

/**
 * Whether a contrast's interval lies entirely below 0 (A's effect smaller), above 0, or spans it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(contrastVerdict({ ci_low: -2, ci_high: -0.4 }), "smaller");
 * assert.equal(contrastVerdict({ ci_low: -0.5, ci_high: 1.1 }), "unclear");
 * assert.equal(contrastVerdict({ ci_low: NaN, ci_high: NaN }), "unclear"); // no interval
 * ```
 */
export function contrastVerdict(
  c: Pick<ModelContrast, "ci_low" | "ci_high">,
): "smaller" | "larger" | "unclear" {
  return c.ci_high < 0 ? "smaller" : c.ci_low > 0 ? "larger" : "unclear";
}

/**
 * One contrast as a sentence, from model A's side: "32B vs 8B (sycophancy): 32B's effect is
 * smaller by 1.20 [0.40, 2.00], paired over 20 prompts", the amount and interval being B minus A
 * when smaller, A minus B when larger; an interval spanning 0 is said to, and a missing one
 * (fewer than two prompts) too.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = {
 *   concept: "sycophancy", model_a: "32B", model_b: "8B", layer_a: 30, layer_b: 18,
 *   n_prompts: 20, mean_difference: -1.2, ci_low: -2, ci_high: -0.4, t: -3, p: 0.007,
 * };
 * assert.equal(
 *   contrastSentence(c),
 *   "32B vs 8B (sycophancy): 32B's effect is smaller by 1.20 [0.40, 2.00], paired over 20 prompts",
 * );
 * const unclear = { ...c, mean_difference: 0.3, ci_low: -0.5, ci_high: 1.1 };
 * assert.match(contrastSentence(unclear), /larger by 0\.30 \[-0\.50, 1\.10\], .*: the interval spans 0/);
 * ```
 */
export function contrastSentence(c: ModelContrast): string {
  const smaller = c.mean_difference < 0;
  const [amount, lo, hi] = smaller
    ? [-c.mean_difference, -c.ci_high, -c.ci_low]
    : [c.mean_difference, c.ci_low, c.ci_high];
  const caveat = Number.isNaN(c.ci_low)
    ? ": no interval from fewer than 2 prompts"
    : contrastVerdict(c) === "unclear"
    ? ": the interval spans 0"
    : "";
  return `${c.model_a} vs ${c.model_b} (${c.concept}): ${c.model_a}'s effect is ` +
    `${smaller ? "smaller" : "larger"} by ${pyFixed(amount, 2)} ${interval(lo, hi)}, ` +
    `paired over ${c.n_prompts} prompt${c.n_prompts === 1 ? "" : "s"}${caveat}`;
}
