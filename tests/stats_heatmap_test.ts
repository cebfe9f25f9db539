import assert from "node:assert/strict";
import { heatmapMeans, meanByLayerStrength } from "../lib/stats/heatmap.ts";
import { fakeRun } from "./helpers/fake_sweep.ts";

Deno.test("meanByLayerStrength averages per layer and strength, sorted, skipping NaN", () => {
  const run = fakeRun("4B", "a", [], [
    [2, 1, 0, 4],
    [1, -1, 0, 1],
    [2, 1, 1, 6],
    [1, -1, 1, NaN],
    [1, 1, 0, 3],
  ]);
  assert.deepEqual(meanByLayerStrength(run).map((c) => [c.layer, c.strength, c.mean_logit_diff]), [
    [1, -1, 1],
    [1, 1, 3],
    [2, 1, 5],
  ]);
});

Deno.test("heatmapMeans goes model by model, then concept by concept", () => {
  const runs = [fakeRun("8B", "a", [], [[1, 0, 0, 1]]), fakeRun("4B", "b", [], [[1, 0, 0, 2]])];
  const cells = heatmapMeans({ runs, models: ["4B", "8B"], concepts: ["a", "b"] });
  assert.deepEqual(cells.map((c) => c.model), ["4B", "8B"]);
});
