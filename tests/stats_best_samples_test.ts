import assert from "node:assert/strict";
import { bestLayers } from "../lib/stats/best_layers.ts";
import { bestLayerSamples, groupSamples, valuesAt } from "../lib/stats/best_samples.ts";
import { fakeRun } from "./helpers/fake_sweep.ts";

Deno.test("bestLayerSamples keeps the rows at each run's best layer, in loading order", () => {
  const runs = [
    fakeRun("4B", "a", [[1, 0.1], [2, 0.9]], [[1, 1, 0, 5], [2, 1, 0, 6], [2, -1, 0, -6]]),
    fakeRun("8B", "a", [[1, 0.4], [2, 0.2]], [[1, -1, 0, 7], [2, 1, 0, 8]]),
    fakeRun("14B", "a", [[1, NaN]], [[1, 1, 0, 1]]),
  ];
  const samples = bestLayerSamples({ runs }, bestLayers({ runs }));
  assert.deepEqual(samples.map((s) => [s.model, s.layer, s.strength, s.logit_diff_matching]), [
    ["4B", 2, 1, 6],
    ["4B", 2, -1, -6],
    ["8B", 1, -1, 7],
  ]);
  assert.deepEqual(valuesAt(samples, "4B", "a", -1), [-6]);
  assert.deepEqual(valuesAt(samples, "4B", "a", 0), []);
});

Deno.test("groupSamples collects values per model, concept and strength in first-seen order", () => {
  const row = (model: string, strength: number, v: number) => ({
    model,
    concept: "a",
    layer: 1,
    strength,
    prompt_idx: 0,
    matching_answer: "(A)",
    logit_diff_matching: v,
  });
  const groups = groupSamples([
    row("8B", 1, 2),
    row("4B", 1, 3),
    row("8B", 1, 4),
    row("8B", -1, 5),
  ]);
  assert.deepEqual(groups.map((g) => [g.model, g.strength, g.values]), [
    ["8B", 1, [2, 4]],
    ["4B", 1, [3]],
    ["8B", -1, [5]],
  ]);
});
