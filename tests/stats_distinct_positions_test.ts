import assert from "node:assert/strict";
import fc from "fast-check";
import { distinctPositions } from "../lib/stats/distinct_positions.ts";

/** The straightforward answer: a Set, a numeric sort, a Map. */
function reference(values: number[]) {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  return { sorted, positions: values.map((v) => sorted.indexOf(v)) };
}

Deno.test("distinctPositions: sorted distinct values and each row's index, table or map", () => {
  const compact = fc.array(fc.integer({ min: -50, max: 200 }), { maxLength: 300 });
  const spread = fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 50 });
  fc.assert(fc.property(fc.oneof(compact, spread), (values) => {
    const got = distinctPositions(Int32Array.from(values));
    const want = reference(values);
    assert.deepEqual(Array.from(got.sorted), want.sorted);
    assert.deepEqual(Array.from(got.positions), want.positions);
  }));
});

Deno.test("an empty column has no values", () => {
  const d = distinctPositions(new Int32Array(0));
  assert.deepEqual([d.sorted.length, d.positions.length], [0, 0]);
});
