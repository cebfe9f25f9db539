import assert from "node:assert/strict";
import { contrastSentence, contrastVerdict } from "../lib/report/contrast.ts";
import type { ModelContrast } from "../lib/stats/model_contrast.ts";

const contrast = (mean: number, ci: [number, number], n = 100): ModelContrast => ({
  concept: "sycophancy",
  model_a: "32B",
  model_b: "8B",
  layer_a: 30,
  layer_b: 18,
  n_prompts: n,
  mean_difference: mean,
  ci_low: ci[0],
  ci_high: ci[1],
  t: NaN,
  p: NaN,
});

Deno.test("contrastVerdict: below 0, above 0, or spanning it (no interval: unclear)", () => {
  assert.equal(contrastVerdict(contrast(-1.2, [-2, -0.4])), "smaller");
  assert.equal(contrastVerdict(contrast(1.2, [0.4, 2])), "larger");
  assert.equal(contrastVerdict(contrast(0.1, [-0.2, 0.4])), "unclear");
  assert.equal(
    contrastVerdict(contrast(0.1, [0, 0.4])),
    "unclear",
    "an end at 0 does not exclude 0",
  );
  assert.equal(contrastVerdict(contrast(3, [NaN, NaN], 1)), "unclear");
});

Deno.test("contrastSentence: the brief's wording, the amount and interval from A's side", () => {
  assert.equal(
    contrastSentence(contrast(-1.2, [-2, -0.4])),
    "32B vs 8B (sycophancy): 32B's effect is smaller by 1.20 [0.40, 2.00], paired over 100 prompts",
  );
  assert.equal(
    contrastSentence(contrast(2.5, [1.25, 3.75], 50)),
    "32B vs 8B (sycophancy): 32B's effect is larger by 2.50 [1.25, 3.75], paired over 50 prompts",
  );
  assert.equal(
    contrastSentence(contrast(3, [NaN, NaN], 1)),
    "32B vs 8B (sycophancy): 32B's effect is larger by 3.00 [nan, nan], paired over 1 prompt: " +
      "no interval from fewer than 2 prompts",
  );
});
