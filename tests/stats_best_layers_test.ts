import assert from "node:assert/strict";
import { bestLayers, findBest } from "../lib/stats/best_layers.ts";
import { fakeRun } from "./helpers/fake_sweep.ts";

Deno.test("bestLayers takes the first maximum delta and sorts by concept then model", () => {
  const runs = [
    fakeRun("8B", "b", [[10, 1], [11, 3], [12, 3]]),
    fakeRun("14B", "b", [[10, 2], [11, NaN], [12, 1]]),
    fakeRun("8B", "a", [[10, -1], [11, -0.5]]),
  ];
  const best = bestLayers({ runs });
  assert.deepEqual(best.map((r) => [r.concept, r.model, r.layer, r.delta]), [
    ["a", "8B", 11, -0.5],
    ["b", "14B", 10, 2],
    ["b", "8B", 11, 3],
  ]);
  assert.equal(best[2].positive_mean, 1.5);
  assert.equal(findBest(best, "14B", "b")?.layer, 10);
  assert.equal(findBest(best, "4B", "b"), undefined);
});

Deno.test("a run whose deltas are all NaN has no best layer", () => {
  assert.deepEqual(bestLayers({ runs: [fakeRun("4B", "a", [[1, NaN]])] }), []);
});
