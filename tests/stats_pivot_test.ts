import assert from "node:assert/strict";
import { pivot, pivotRecords } from "../lib/stats/pivot.ts";

Deno.test("pivot places each value and leaves absent cells NaN", () => {
  const records = [
    { model: "4B", concept: "b", delta: 2 },
    { model: "8B", concept: "a", delta: 3 },
    { model: "99B", concept: "a", delta: 9 },
  ];
  const p = pivot(records, "model", "concept", "delta", ["4B", "8B"], ["a", "b"]);
  assert.deepEqual(p.cells, [[NaN, 2], [3, NaN]]);
  assert.deepEqual(pivotRecords(p), [
    { model: "4B", a: NaN, b: 2 },
    { model: "8B", a: 3, b: NaN },
  ]);
});
