import assert from "node:assert/strict";
import fc from "fast-check";
import { bootstrapBestLayer, percentileInterval, resampleWeights } from "../lib/stats/bootstrap.ts";
import { kernelReady } from "../lib/stats/difference_layout.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { splitHalfDelta } from "../lib/stats/split_half.ts";
import { seededRandom } from "../lib/util/random.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";
import { loadTempSweep } from "./helpers/temp_sweep.ts";
import {
  completeMatrix,
  referenceBootstrap,
  referencePercentiles,
} from "./helpers/reference_resampling.ts";

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

/** Random complete matrices with ties (small integers) and spread (doubles). */
const completeInput = fc.record({
  L: fc.integer({ min: 1, max: 35 }),
  P: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
}).chain(({ L, P, seed }) => {
  const cells = (values: fc.Arbitrary<number>) =>
    fc.array(values, { minLength: L * P, maxLength: L * P });
  return fc.record({
    L: fc.constant(L),
    P: fc.constant(P),
    seed: fc.constant(seed),
    positive: cells(
      fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -9, max: 9, noNaN: true })),
    ),
    negative: cells(fc.integer({ min: -2, max: 2 })),
  });
});

Deno.test("the kernels' bootstrap is the straightforward one, bit for bit (random matrices)", () => {
  fc.assert(
    fc.property(completeInput, ({ L, P, seed, positive, negative }) => {
      const m = completeMatrix(Array.from({ length: L }, (_, l) => 10 + l), P, positive, negative);
      assert.ok(kernelReady(m));
      const resamples = 37; // not a multiple of the batch: a last, partial batch
      assert.deepEqual(
        bootstrapBestLayer(m, { resamples, seed }),
        referenceBootstrap(m, resamples, seed),
      );
    }),
    { numRuns: 60 },
  );
});

Deno.test("matrices off the kernels (missing or repeated cells) give the straightforward bootstrap", () => {
  const samples: SampleTuple[] = [];
  for (let p = 0; p < 12; p++) {
    samples.push([1, 1, p, p % 3], [1, -1, p, 1], [2, 1, p, 2 + (p % 5)], [2, -1, p, 0]);
  }
  const missing = promptMatrix(fakeRun("4B", "a", [], samples.filter((_, i) => i !== 5)));
  const repeated = promptMatrix(fakeRun("4B", "a", [], [...samples, [2, 1, 3, 9]]));
  for (const m of [missing, repeated]) {
    assert.ok(!kernelReady(m));
    assert.deepEqual(
      bootstrapBestLayer(m, { resamples: 50, seed: 4 }),
      referenceBootstrap(m, 50, 4),
    );
  }
});

Deno.test("percentileInterval: a -0 keeps the a - b order (the typed sort would move it)", () => {
  const values = Float64Array.from([0, -0, 5]); // level 1: the smallest, 0 (a typed sort: -0)
  assert.ok(Object.is(percentileInterval(values, 1)[0], 0));
  const random = fc.array(fc.oneof(fc.constant(NaN), fc.constant(-0), fc.double()), {
    maxLength: 40,
  });
  fc.assert(fc.property(random, fc.double({ min: 0, max: 1, noNaN: true }), (xs, level) => {
    const v = Float64Array.from(xs);
    assert.deepEqual(percentileInterval(v, level), referencePercentiles(v, level));
  }));
});

Deno.test("computations in turn on the one kernel memory do not disturb each other", async () => {
  const sweep = await loadTempSweep({
    models: [{ label: "4B", layers: 36 }, { label: "32B", layers: 64 }],
    concepts: ["a"],
    prompts: 50,
    effect: 3,
    seed: 6,
  });
  const [a, b] = sweep.runs.map(promptMatrix);
  const first = bootstrapBestLayer(a, { resamples: 100, seed: 2 });
  bootstrapBestLayer(b, { resamples: 100, seed: 2 }); // a larger matrix in between
  splitHalfDelta(b, { splits: 10, seed: 1 }); // another kernel in between
  assert.deepEqual(bootstrapBestLayer(a, { resamples: 100, seed: 2 }), first);
  assert.deepEqual(first, referenceBootstrap(a, 100, 2));
});
