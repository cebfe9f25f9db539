import assert from "node:assert/strict";
import fc from "fast-check";
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

/** The straightforward computation: a map per layer and strength, then sorted. */
function referenceCells(samples: [number, number, number, number][]) {
  const sums = new Map<string, { layer: number; strength: number; sum: number; n: number }>();
  for (const [layer, strength, , v] of samples) {
    if (Number.isNaN(v)) continue;
    const key = `${layer} ${strength}`, cell = sums.get(key);
    if (cell) {
      cell.sum += v;
      cell.n++;
    } else sums.set(key, { layer, strength, sum: v, n: 1 });
  }
  return [...sums.values()].sort((a, b) => a.layer - b.layer || a.strength - b.strength)
    .map((c) => [c.layer, c.strength, c.sum / c.n]);
}

Deno.test("meanByLayerStrength is the straightforward per-cell mean, bit for bit (random runs)", () => {
  const sample = fc.tuple(
    fc.integer({ min: 0, max: 12 }),
    fc.constantFrom(-2, -1, -0.5, 0, 0.5, 1, 2),
    fc.nat(30),
    fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(NaN), fc.constant(-0)),
  );
  fc.assert(
    fc.property(fc.array(sample, { maxLength: 80 }), (samples) => {
      const cells = meanByLayerStrength(fakeRun("4B", "a", [], samples))
        .map((c) => [c.layer, c.strength, c.mean_logit_diff]);
      assert.deepEqual(cells, referenceCells(samples));
    }),
    { seed: 7, numRuns: 300 },
  );
});
