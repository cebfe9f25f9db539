import assert from "node:assert/strict";
import { bootstrapBestLayer, percentileInterval, resampleWeights } from "../lib/stats/bootstrap.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { seededRandom } from "../lib/util/random.ts";
import { loadTempSweep } from "./helpers/temp_sweep.ts";

Deno.test("resampleWeights draws n prompts with replacement", () => {
  const w = resampleWeights(50, seededRandom(3));
  assert.equal(w.reduce((a, b) => a + b, 0), 50);
  assert.ok(w.some((x) => x === 0) && w.some((x) => x > 1));
});

Deno.test("percentileInterval interpolates like numpy and skips NaN", () => {
  assert.deepEqual(percentileInterval(Float64Array.from([5, 1, NaN, 3, 2, 4]), 0.5), [2, 4]);
  const [lo, hi] = percentileInterval(Float64Array.from([0, 10]), 0.9);
  assert.ok(Math.abs(lo - 0.5) < 1e-12 && Math.abs(hi - 9.5) < 1e-12);
});

Deno.test("the bootstrap is reproducible for a seed and brackets the estimate", async () => {
  const sweep = await loadTempSweep({
    models: [{ label: "4B", layers: 36 }],
    concepts: ["a"],
    prompts: 60,
    effect: 5,
    seed: 2,
  });
  const matrix = promptMatrix(sweep.runs[0]);
  const a = bootstrapBestLayer(matrix, { resamples: 300, seed: 9 });
  const b = bootstrapBestLayer(matrix, { resamples: 300, seed: 9 });
  assert.deepEqual(a, b);
  assert.equal(a.deltas.length, 300);
  assert.ok(Math.abs(a.layer - 18) <= 1);
  assert.ok(a.ci[0] < a.ci[1] && a.cohensDCi[0] < a.cohensDCi[1]);
  assert.ok(a.stability > 0 && a.stability <= 1);
});
