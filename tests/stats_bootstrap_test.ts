import assert from "node:assert/strict";
import { bootstrapBestLayer, percentileInterval, resampleWeights } from "../lib/stats/bootstrap.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { seededRandom } from "../lib/util/random.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";
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
});

Deno.test("a huge effect at one layer: every resample picks it (stability 1)", async () => {
  const sweep = await loadTempSweep({
    models: [{ label: "4B", layers: 36 }],
    concepts: ["a"],
    prompts: 30,
    effect: 200,
    width: 0.5,
    noise: 1,
    seed: 4,
  });
  const b = bootstrapBestLayer(promptMatrix(sweep.runs[0]), { resamples: 500, seed: 1 });
  assert.equal(b.layer, 18);
  assert.equal(b.stability, 1);
});

Deno.test("stability is the share of resamples that keep the layer: a constructed case", () => {
  // Layer 1: every prompt moves by 1, so its delta is 1 in every resample. Layer 2: only prompt 0
  // moves, by 1.025 P, so its delta is 1.025 w0 (w0 = the times prompt 0 is drawn): layer 2 wins
  // on all prompts (w0 = 1) and in exactly the resamples that draw prompt 0 at least once, with
  // probability 1 - (1 - 1/P)^P (0.6415 for P = 20).
  const P = 20;
  const samples: SampleTuple[] = [];
  for (let p = 0; p < P; p++) {
    samples.push([1, 1, p, 1], [1, -1, p, 0], [2, 1, p, p === 0 ? 1.025 * P : 0], [2, -1, p, 0]);
  }
  const matrix = promptMatrix(fakeRun("4B", "a", [], samples));
  const resamples = 4000;
  const b = bootstrapBestLayer(matrix, { resamples, seed: 5 });
  const share = 1 - (1 - 1 / P) ** P;
  const se = Math.sqrt(share * (1 - share) / resamples);
  assert.equal(b.layer, 2);
  assert.ok(Math.abs(b.stability - share) < 4 * se, `stability ${b.stability}, expected ${share}`);
  // the resampled best-layer delta is 1 (layer 1 kept) or 1.025 w0 (layer 2), never anything else
  for (const d of b.deltas) {
    const w0 = d / 1.025;
    assert.ok(d === 1 || Math.abs(w0 - Math.round(w0)) < 1e-9, `delta ${d}`);
  }
});
