import assert from "node:assert/strict";
import fc from "fast-check";
import { layerDeltas, promptMatrix, rowMean, rowVariance } from "../lib/stats/prompt_matrix.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";

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

/** promptMatrix the straightforward way: Maps of layers and prompts, NaN where absent. */
function referenceMatrix(samples: SampleTuple[]) {
  const layers = [...new Set(samples.map((s) => s[0]))].sort((a, b) => a - b);
  const prompts = [...new Set(samples.map((s) => s[2]))].sort((a, b) => a - b);
  const size = layers.length * prompts.length;
  const cells = { 1: [] as number[][], [-1]: [] as number[][], 0: [] as number[][] } as Record<
    number,
    number[][]
  >;
  for (const k of [1, -1, 0]) cells[k] = Array.from({ length: size }, () => []);
  for (const [layer, strength, prompt, value] of samples) {
    const cell = layers.indexOf(layer) * prompts.length + prompts.indexOf(prompt);
    if (cells[strength] && !Number.isNaN(value)) cells[strength][cell].push(value);
  }
  const means = (k: number) =>
    cells[k].map((xs) => xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return { layers, prompts, positive: means(1), negative: means(-1), baseline: means(0) };
}

Deno.test("promptMatrix agrees with a straightforward build (random rows, repeats, other strengths)", () => {
  const row = fc.tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom(1, -1, 0, 0.5),
    fc.integer({ min: -3, max: 30 }),
    fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(NaN)),
  ) as fc.Arbitrary<SampleTuple>;
  fc.assert(fc.property(fc.array(row, { maxLength: 60 }), (samples) => {
    const m = promptMatrix(fakeRun("4B", "a", [], samples));
    const want = referenceMatrix(samples);
    assert.deepEqual([Array.from(m.layers), Array.from(m.prompts)], [want.layers, want.prompts]);
    for (const k of ["positive", "negative", "baseline"] as const) {
      Array.from(m[k]).forEach((x, i) =>
        assert.ok(Number.isNaN(want[k][i]) ? Number.isNaN(x) : Math.abs(x - want[k][i]) < 1e-12, k)
      );
    }
  }));
});
