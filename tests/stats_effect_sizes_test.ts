import assert from "node:assert/strict";
import {
  averageBy,
  cohensD,
  conceptAverages,
  effectSizes,
  modelAverages,
} from "../lib/stats/effect_sizes.ts";
import type { BestSample } from "../lib/stats/best_samples.ts";

Deno.test("cohensD divides the mean difference by the pooled sample std", () => {
  // pos: mean 3, sd sqrt(2); neg: mean 1, sd sqrt(2); pooled sqrt(2); d = 2 / sqrt(2)
  assert.equal(cohensD([2, 4], [0, 2]), 2 / Math.SQRT2);
  assert.ok(Number.isNaN(cohensD([1, 1], [0, 0]))); // zero pooled std: no d (the original's 0)
  assert.ok(Number.isNaN(cohensD([1], [0]))); // NaN pooled std: no d (the original's 0)
});

const s = (model: string, concept: string, strength: number, v: number): BestSample => ({
  model,
  concept,
  layer: 1,
  strength,
  prompt_idx: 0,
  matching_answer: "(A)",
  logit_diff_matching: v,
});

Deno.test("effectSizes visits models then concepts and leaves out pairs with no data", () => {
  const samples = [
    s("4B", "b", 1, 2),
    s("4B", "b", 1, 4),
    s("4B", "b", -1, 0),
    s("4B", "b", -1, 2),
    s("8B", "a", 1, 5),
  ];
  const { rows, missing } = effectSizes(samples, ["4B", "8B"], ["a", "b"]);
  assert.deepEqual(rows, [{
    model: "4B",
    concept: "b",
    mean_positive: 3,
    mean_negative: 1,
    delta: 2,
    cohens_d: 2 / Math.SQRT2,
  }]);
  assert.deepEqual(missing, [
    { model: "4B", concept: "a" },
    { model: "8B", concept: "a" },
    { model: "8B", concept: "b" },
  ]);
});

Deno.test("concept averages sort largest first; model averages keep model order", () => {
  const row = (model: string, concept: string, cohens_d: number) => ({
    model,
    concept,
    mean_positive: 0,
    mean_negative: 0,
    delta: 0,
    cohens_d,
  });
  const rows = [row("4B", "a", 1), row("4B", "b", 3), row("8B", "a", 2), row("8B", "c", 1.5)];
  assert.deepEqual(conceptAverages(rows), [["b", 3], ["a", 1.5], ["c", 1.5]]);
  assert.deepEqual(modelAverages(rows, ["8B", "14B", "4B"]), [["8B", 1.75], ["4B", 2]]);
  assert.deepEqual(averageBy(rows, "concept", ["c"]), [["c", 1.5]]);
});
