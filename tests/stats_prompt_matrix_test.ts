import assert from "node:assert/strict";
import { layerDeltas, promptMatrix, rowMean, rowVariance } from "../lib/stats/prompt_matrix.ts";
import { fakeRun } from "./helpers/fake_sweep.ts";

// [layer, strength, prompt, value]
const run = fakeRun("4B", "a", [], [
  [2, 1, 0, 4],
  [2, -1, 0, 1],
  [2, 1, 1, 6],
  [2, -1, 1, 3],
  [1, 1, 1, 5],
  [1, 0, 0, 9],
]);

Deno.test("promptMatrix lays values out layer by prompt, NaN where absent", () => {
  const m = promptMatrix(run);
  assert.deepEqual([...m.layers], [1, 2]);
  assert.deepEqual([...m.prompts], [0, 1]);
  assert.deepEqual([...m.positive], [NaN, 5, 4, 6]);
  assert.deepEqual([...m.negative], [NaN, NaN, 1, 3]);
  assert.deepEqual([...m.baseline], [9, NaN, NaN, NaN]);
});

Deno.test("weighted row means and variances count weights as repeats", () => {
  const m = promptMatrix(run);
  const ones = Float64Array.from([1, 1]);
  assert.equal(rowMean(m.positive, 1, 2, ones), 5);
  assert.equal(rowMean(m.positive, 1, 2, Float64Array.from([3, 1])), (12 + 6) / 4);
  assert.equal(rowVariance(m.positive, 1, 2, ones), 2); // 4, 6
  const variance = rowVariance(m.positive, 1, 2, Float64Array.from([2, 1])); // 4, 4, 6
  assert.ok(Math.abs(variance - 4 / 3) < 1e-12);
  assert.ok(Number.isNaN(rowMean(m.negative, 0, 2, ones)));
  assert.deepEqual([...layerDeltas(m, ones)], [NaN, 3]);
});
