import assert from "node:assert/strict";
import { modelPairs, pooledMean } from "../lib/stats/model_pairs.ts";
import type { EffectSizeRow } from "../lib/stats/effect_sizes.ts";
import { groupedDefault } from "./helpers/model_attributes.ts";

const row = (model: string, concept: string, delta: number, cohens_d: number): EffectSizeRow => ({
  model,
  concept,
  mean_positive: NaN,
  mean_negative: NaN,
  delta,
  cohens_d,
});

Deno.test("modelPairs: one entry per model with data, its pairs in order", () => {
  const pairs = modelPairs([
    row("8B", "a", 1, 0.5),
    row("4B", "a", 2, 1),
    row("8B", "b", 3, 1.5),
    row("32B", "a", NaN, 1), // no delta: not a pair with data
    row("14B", "a", 4, Infinity), // nor an infinite Cohen's d
  ]);
  assert.deepEqual(pairs, [
    { model: "8B", concepts: ["a", "b"], cohens_d: [0.5, 1.5], delta: [1, 3] },
    { model: "4B", concepts: ["a"], cohens_d: [1], delta: [2] },
  ]);
  assert.deepEqual(modelPairs([]), []);
});

Deno.test("pooledMean weighs pairs, not models", () => {
  const pairs = modelPairs([row("8B", "a", 1, 0), row("8B", "b", 3, 0), row("4B", "a", 8, 0)]);
  assert.equal(pooledMean(pairs, "delta"), 4); // (1 + 3 + 8) / 3, where the model means give 5
  assert.equal(pooledMean(pairs, "cohens_d"), 0);
});

Deno.test("on the default data: 4 models of 3 pairs, the author's model means", async () => {
  const pairs = modelPairs((await groupedDefault()).effectSizes);
  assert.deepEqual(pairs.map((p) => [p.model, p.delta.length]), [
    ["4B", 3],
    ["8B", 3],
    ["14B", 3],
    ["32B", 3],
  ]);
  // with 3 pairs each, a model's pooled mean is pandas' model_avg_effect
  const reference = (await Deno.readTextFile("tests/fixtures/reference/model_avg_effect.csv"))
    .trim().split("\n").slice(1).map((line) => Number(line.split(",")[1]));
  pairs.forEach((p, i) => assert.ok(Math.abs(pooledMean([p], "cohens_d") - reference[i]) < 1e-12));
});
