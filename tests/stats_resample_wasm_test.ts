// Each kernel of resample_wasm.ts against the straightforward TypeScript it stands for, bit for
// bit, on random inputs (fast-check).
import assert from "node:assert/strict";
import fc from "fast-check";
import { drawCounts, kernelLayout } from "../lib/stats/resample_kernels.ts";
import { rowMean, rowVariance } from "../lib/stats/prompt_matrix.ts";
import { seededRandom } from "../lib/util/random.ts";

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
/** Finite values with ties, zeros of both signs, and wide magnitudes. */
const value = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(-0, 0.1, 1e-300, -1e300),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

Deno.test("draws: the counts of mulberry32's floor(u * n), and the state goes on", () => {
  fc.assert(
    fc.property(seed, fc.integer({ min: 1, max: 5000 }), fc.nat(300), (s, n, count) => {
      const layout = kernelLayout({ counts: n * 4 });
      layout.i32("counts", n).fill(0);
      const state = drawCounts(layout.kernels, s >>> 0, n, count, layout.offsets.counts);
      const rand = seededRandom(s), expected = new Int32Array(n);
      for (let i = 0; i < count; i++) expected[Math.floor(rand() * n)]++;
      assert.deepEqual(layout.i32("counts", n), expected);
      layout.i32("counts", n).fill(0);
      drawCounts(layout.kernels, state, n, 1, layout.offsets.counts);
      assert.equal(layout.i32("counts", n)[Math.floor(rand() * n)], 1); // the next draw
    }),
    { numRuns: 200 },
  );
});

Deno.test("draws: the largest prompt counts (n = 2^21 - 1) still match the doubles", () => {
  const n = 2 ** 21 - 1, layout = kernelLayout({ counts: n * 4 });
  layout.i32("counts", n).fill(0);
  drawCounts(layout.kernels, 3, n, 1000, layout.offsets.counts);
  const rand = seededRandom(3), counts = layout.i32("counts", n);
  for (let i = 0; i < 1000; i++) assert.ok(counts[Math.floor(rand() * n)] > 0);
});

Deno.test("shuffle and halves: split_half.ts' Fisher-Yates, then each half's prompts ascending", () => {
  fc.assert(
    fc.property(
      seed,
      fc.integer({ min: 2, max: 300 }),
      fc.integer({ min: 1, max: 3 }),
      (s, n, k) => {
        const layout = kernelLayout({ order: n * 4, mark: n * 4, idx: 2 * n * 4 });
        const { kernels, offsets: o } = layout;
        layout.i32("order", n).set(Int32Array.from({ length: n }, (_, i) => i));
        const rand = seededRandom(s), order = Int32Array.from({ length: n }, (_, i) => i);
        let state = s >>> 0;
        for (let round = 0; round < k; round++) { // shuffles follow on from each other
          state = kernels.shuffle(state, o.order, n);
          for (let i = n - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [order[i], order[j]] = [order[j], order[i]];
          }
        }
        assert.deepEqual(layout.i32("order", n), order);
        const half = Math.floor(n / 2);
        kernels.halves(o.order, n, half, o.mark, o.idx);
        const idx = layout.i32("idx", 2 * n);
        const a = Array.from(order.subarray(0, half)).sort((x, y) => x - y);
        const b = Array.from(order.subarray(half)).sort((x, y) => x - y);
        assert.deepEqual(Array.from(idx.subarray(0, half)), a);
        assert.deepEqual(Array.from(idx.subarray(n, 2 * n - half)), b);
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("compact: the prompts of nonzero count, ascending, with their counts; counts zeroed", () => {
  fc.assert(
    fc.property(fc.array(fc.nat(4), { minLength: 1, maxLength: 200 }), (counts) => {
      const n = counts.length, layout = kernelLayout({ counts: n * 4, idx: n * 4, ws: n * 8 });
      layout.i32("counts", n).set(counts);
      const o = layout.offsets, m = layout.kernels.compact(o.counts, n, o.idx, o.ws);
      const drawn = counts.flatMap((c, p) => c > 0 ? [p] : []);
      assert.equal(m, drawn.length);
      assert.deepEqual(Array.from(layout.i32("idx", m)), drawn);
      assert.deepEqual(Array.from(layout.f64("ws", m)), drawn.map((p) => counts[p]));
      assert.ok(layout.i32("counts", n).every((c) => c === 0));
    }),
  );
});

/** Entries (prompt, weight) of nonzero weight, ascending, into idx and ws. */
function writeEntries(layout: ReturnType<typeof entryLayout>, weights: number[]): number {
  const drawn = weights.flatMap((w, p) => w > 0 ? [p] : []);
  layout.i32("idx", drawn.length).set(drawn);
  layout.f64("ws", drawn.length).set(drawn.map((p) => weights[p]));
  return drawn.length;
}
const entryLayout = (P: number, cells: number) =>
  kernelLayout({ rows: cells * 8, idx: P * 4, ws: P * 8, out: 16 * 8 * 4 });

Deno.test("accumulate16 and accumulate8: each layer's sum of weight x value in prompt order", () => {
  const input = fc.integer({ min: 1, max: 30 }).chain((P) =>
    fc.record({
      wide: fc.boolean(),
      weights: fc.array(fc.nat(3), { minLength: P, maxLength: P }),
      rows: fc.array(value, { minLength: P * 16, maxLength: P * 16 }),
    })
  );
  fc.assert(fc.property(input, ({ wide, weights, rows }) => {
    const P = weights.length, width = wide ? 16 : 8, layout = entryLayout(P, P * width);
    layout.f64("rows", P * width).set(rows.slice(0, P * width));
    const m = writeEntries(layout, weights), o = layout.offsets;
    const accumulate = wide ? layout.kernels.accumulate16 : layout.kernels.accumulate8;
    accumulate(o.rows, width * 8, o.idx, o.ws, m, 1, o.out);
    const out = layout.f64("out", width);
    for (let l = 0; l < width; l++) {
      let sum = 0;
      for (let p = 0; p < P; p++) sum += weights[p] * rows[p * width + l]; // weight 0 included
      assert.ok(Object.is(out[l], sum), `layer ${l}: ${out[l]} vs ${sum}`);
    }
  }));
});

Deno.test("pairMoments: rowMean and rowVariance of the +1 and -1 rows, two lists at once", () => {
  const list = (P: number) => fc.array(fc.nat(3), { minLength: P, maxLength: P });
  const input = fc.integer({ min: 1, max: 40 }).chain((P) =>
    fc.record({
      a: list(P),
      b: list(P),
      pairs: fc.array(value, { minLength: 2 * P, maxLength: 2 * P }),
    })
  );
  fc.assert(fc.property(input, ({ a, b, pairs }) => {
    const P = a.length;
    const layout = kernelLayout({ pairs: 2 * P * 8, idx: 2 * P * 4, ws: 2 * P * 8, out: 96 });
    const o = layout.offsets;
    layout.f64("pairs", 2 * P).set(pairs);
    const sizes = [a, b].map((weights, r) => {
      const drawn = weights.flatMap((w, p) => w > 0 ? [p] : []);
      new Int32Array(layout.kernels.memory.buffer, o.idx + r * P * 4, P).set(drawn);
      new Float64Array(layout.kernels.memory.buffer, o.ws + r * P * 8, P)
        .set(drawn.map((p) => weights[p]));
      return drawn.length;
    });
    layout.kernels.pairMoments(
      ...[o.pairs, o.idx, o.ws, sizes[0]] as const,
      ...[o.pairs, o.idx + P * 4, o.ws + P * 8, sizes[1]] as const,
      o.out,
    );
    const out = layout.f64("out", 12);
    const positive = Float64Array.from({ length: P }, (_, p) => pairs[2 * p]);
    const negative = Float64Array.from({ length: P }, (_, p) => pairs[2 * p + 1]);
    [a, b].forEach((weights, r) => {
      const w = Float64Array.from(weights), at = 6 * r, n = out[at + 4];
      const variance = (ss: number) => n > 1 ? ss / (n - 1) : NaN;
      assert.ok(Object.is(out[at], rowMean(positive, 0, P, w)));
      assert.ok(Object.is(out[at + 1], rowMean(negative, 0, P, w)));
      assert.ok(Object.is(variance(out[at + 2]), rowVariance(positive, 0, P, w)));
      assert.ok(Object.is(variance(out[at + 3]), rowVariance(negative, 0, P, w)));
    });
  }));
});
