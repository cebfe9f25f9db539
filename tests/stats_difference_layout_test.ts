import assert from "node:assert/strict";
import fc from "fast-check";
import { maxIndex } from "d3-array";
import {
  differenceLayout,
  firstMaxIndex,
  kernelReady,
  layerSums,
} from "../lib/stats/difference_layout.ts";
import { layerDeltas, promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { completeMatrix } from "./helpers/reference_resampling.ts";
import { fakeRun, type SampleTuple } from "./helpers/fake_sweep.ts";

/** A random complete matrix: L layers x P prompts of small integers (ties) or doubles. */
const matrixInput = fc.record({
  L: fc.integer({ min: 1, max: 40 }),
  P: fc.integer({ min: 1, max: 30 }),
})
  .chain(({ L, P }) =>
    fc.record({
      L: fc.constant(L),
      P: fc.constant(P),
      positive: fc.array(
        fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -50, max: 50, noNaN: true })),
        { minLength: L * P, maxLength: L * P },
      ),
      negative: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: L * P, maxLength: L * P }),
      weights: fc.array(fc.array(fc.nat(3), { minLength: P, maxLength: P }), {
        minLength: 1,
        maxLength: 20,
      }),
    })
  );

Deno.test("layerSums over weighted lists give layerDeltas' sums bit for bit, every block size", () => {
  fc.assert(
    fc.property(matrixInput, ({ L, P, positive, negative, weights }) => {
      const layers = Array.from({ length: L }, (_, l) => l + 3);
      const m = completeMatrix(layers, P, positive, negative);
      assert.ok(kernelReady(m));
      const target = differenceLayout(m, false, weights.length);
      const idx = target.layout.i32("idx", weights.length * P);
      const ws = target.layout.f64("ws", weights.length * P);
      const sizes = weights.map((w, r) => {
        const drawn = w.flatMap((x, p) => x > 0 ? [p] : []);
        drawn.forEach((p, i) => {
          idx[r * P + i] = p;
          ws[r * P + i] = w[p];
        });
        return drawn.length;
      });
      layerSums(target, sizes);
      const sums = target.layout.f64("sums", weights.length * target.stride);
      weights.forEach((w, r) => {
        const total = w.reduce((a, b) => a + b, 0), expected = layerDeltas(m, Float64Array.from(w));
        for (let l = 0; l < L; l++) {
          const got = total > 0 ? sums[r * target.stride + l] / total : NaN;
          assert.ok(Object.is(got, expected[l]), `list ${r} layer ${l}: ${got} vs ${expected[l]}`);
        }
      });
    }),
    { numRuns: 150 },
  );
});

Deno.test("firstMaxIndex is d3's maxIndex: first of ties, NaN skipped, -1 when none", () => {
  const values = fc.array(
    fc.oneof(fc.constant(NaN), fc.integer({ min: -3, max: 3 }), fc.double()),
    { maxLength: 30 },
  );
  fc.assert(fc.property(values, (xs) => {
    assert.equal(firstMaxIndex(Float64Array.from(xs), xs.length), maxIndex(xs));
  }));
});

Deno.test("kernelReady: only complete, finite, single-cell matrices with prompts and layers", () => {
  const ok = completeMatrix([1, 2], 2, [1, 2, 3, 4], [0, 0, 0, 0]);
  assert.ok(kernelReady(ok));
  const withInfinity = completeMatrix([1, 2], 2, [1, 2, Infinity, 4], [0, 0, 0, 0]);
  assert.ok(!kernelReady(withInfinity)); // 0 x Infinity is NaN: weight-0 prompts count there
  assert.ok(!kernelReady({ ...ok, difference: undefined }));
  assert.ok(!kernelReady(completeMatrix([], 0, [], [])));
  const samples: SampleTuple[] = [[1, 1, 0, 2], [1, -1, 0, 1], [1, 1, 0, 3]]; // a repeated cell
  assert.ok(!kernelReady(promptMatrix(fakeRun("4B", "a", [], samples))));
  const missing: SampleTuple[] = [[1, 1, 0, 2], [1, -1, 0, 1], [1, 1, 1, 3]]; // no -1 at prompt 1
  assert.ok(!kernelReady(promptMatrix(fakeRun("4B", "a", [], missing))));
});

Deno.test("differenceLayout lays every layer in its block, prompt by prompt, padding with 0", () => {
  const L = 27, P = 3; // blocks of 16 and 16 (27 padded to 32)
  const pos = Array.from({ length: L * P }, (_, i) => i + 1);
  const m = completeMatrix(
    Array.from({ length: L }, (_, l) => l),
    P,
    pos,
    new Array(L * P).fill(0),
  );
  if (!kernelReady(m)) throw new Error("complete");
  const { layout, stride } = differenceLayout(m, true, 1);
  assert.equal(stride, 32);
  const rows = layout.f64("rows", P * stride);
  assert.equal(rows[16 * P + 2 * 16 + (20 - 16)], m.difference![20 * P + 2]); // layer 20, prompt 2
  assert.equal(rows[16 * P + 2 * 16 + (30 - 16)], 0); // padding
  const pairs = layout.f64("pairs", 2 * L * P);
  assert.deepEqual([pairs[2 * (4 * P + 1)], pairs[2 * (4 * P + 1) + 1]], [
    m.positive[4 * P + 1],
    0,
  ]);
});

Deno.test("kernelReady: a matrix too large for the kernels' memory keeps the straightforward code", () => {
  const P = 2 ** 20, L = 400; // 400 layers x 1M prompts: over 2 GiB laid out
  const m = {
    ...completeMatrix([1], 1, [1], [0]),
    layers: new Int32Array(L),
    prompts: new Int32Array(P),
  };
  assert.ok(!kernelReady({ ...m, difference: new Float64Array(0) }));
});
