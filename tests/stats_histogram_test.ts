import assert from "node:assert/strict";
import { densityHistogram } from "../lib/stats/histogram.ts";

Deno.test("densityHistogram bins like numpy: equal widths, last bin closed", () => {
  assert.deepEqual(densityHistogram([0, 1, 1, 2], 2), [
    { x1: 0, x2: 1, count: 1, density: 0.25 },
    { x1: 1, x2: 2, count: 3, density: 0.75 },
  ]);
});

Deno.test("the bars' area is 1 and NaN is skipped", () => {
  const bins = densityHistogram([0.3, 1.7, 2.2, 5, 9.9, NaN, 4.4], 30);
  assert.equal(bins.length, 30);
  assert.equal(bins.reduce((n, b) => n + b.count, 0), 6);
  const area = bins.reduce((a, b) => a + b.density * (b.x2 - b.x1), 0);
  assert.ok(Math.abs(area - 1) < 1e-12);
});

Deno.test("a constant input spans value ± 0.5; no values give no bins", () => {
  const bins = densityHistogram([3, 3], 2);
  assert.deepEqual([bins[0].x1, bins[1].x2], [2.5, 3.5]);
  assert.deepEqual(densityHistogram([]), []);
});
