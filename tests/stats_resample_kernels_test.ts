import assert from "node:assert/strict";
import { drawCounts, kernelLayout, resampleKernels } from "../lib/stats/resample_kernels.ts";
import { seededRandom } from "../lib/util/random.ts";

Deno.test("kernelLayout aligns regions to 16 bytes and grows the memory to hold them", () => {
  const layout = kernelLayout({ a: 1, b: 17, c: 3 * 65536 });
  assert.deepEqual(layout.offsets, { a: 0, b: 16, c: 48 });
  assert.ok(resampleKernels().memory.buffer.byteLength >= 48 + 3 * 65536);
  const c = layout.f64("c", 3);
  c.set([1, 2, 3]);
  assert.deepEqual(Array.from(layout.f64("c", 3)), [1, 2, 3]);
  kernelLayout({ big: 64 * 65536 }); // grows again: new views still see the same bytes
  assert.deepEqual(Array.from(layout.f64("c", 3)), [1, 2, 3]);
});

Deno.test("drawCounts in pieces is one stream: the same counts as all at once", () => {
  const n = 97, layout = kernelLayout({ counts: n * 4 });
  const counts = () => layout.i32("counts", n);
  counts().fill(0);
  let state = 5;
  for (const piece of [1, 4, 7, 0, 13, 3]) {
    state = drawCounts(layout.kernels, state, n, piece, layout.offsets.counts);
  }
  const rand = seededRandom(5), expected = new Int32Array(n);
  for (let i = 0; i < 28; i++) expected[Math.floor(rand() * n)]++;
  assert.deepEqual(counts(), expected);
});
