import assert from "node:assert/strict";
import { maxIndex } from "d3-array";
import { mean, median, std } from "../lib/stats/describe.ts";

Deno.test("mean skips NaN and is NaN when empty", () => {
  assert.equal(mean([1, 2, NaN, 6]), 3);
  assert.ok(Number.isNaN(mean([])));
  assert.ok(Number.isNaN(mean([NaN])));
});

Deno.test("std is the sample standard deviation (ddof = 1)", () => {
  // sum of squares about 5 is 32; 32 / 7 = 4.571428...; sqrt = 2.138089935299395
  assert.equal(std([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7));
  assert.equal(std([3, 3, 3]), 0);
  assert.ok(Number.isNaN(std([5])));
  assert.equal(std([1, NaN, 3]), Math.SQRT2);
});

Deno.test("median interpolates between the middle values", () => {
  assert.equal(median([3, 1, 4, 2]), 2.5);
  assert.equal(median([5, NaN, 1, 3]), 3);
  assert.ok(Number.isNaN(median([])));
});

// pandas Series.idxmax (skipna=True): the label of the first maximum, NaN skipped; pandas gives NaN
// (or raises) when nothing is left, maxIndex gives -1 and the callers skip that run.
Deno.test("d3-array's maxIndex picks the layer as pandas idxmax does", () => {
  assert.equal(maxIndex([1, 5, NaN, 5]), 1); // first of tied maxima
  assert.equal(maxIndex([NaN, -2, -1]), 2); // a leading NaN is skipped
  assert.equal(maxIndex(Float64Array.from([-Infinity, NaN, -Infinity])), 0);
  assert.equal(maxIndex(Float64Array.from([0.5, 0.5000000000000001, 0.5])), 1);
  assert.equal(maxIndex([NaN]), -1);
  assert.equal(maxIndex([]), -1);
});
