import assert from "node:assert/strict";
import { paddedDomain, zeroBasedDomain } from "../lib/figures/domains.ts";

Deno.test("paddedDomain covers every finite value with 5% of the span on each side", () => {
  assert.deepEqual(paddedDomain([10, 0, 5]), [-0.5, 10.5]);
  assert.deepEqual(paddedDomain([-2, NaN, 2, Infinity], 0.25), [-3, 3]);
});

Deno.test("paddedDomain widens a single value and has a default for none", () => {
  assert.deepEqual(paddedDomain([2]), [1.5, 2.5]);
  assert.deepEqual(paddedDomain([100]), [95, 105]);
  assert.deepEqual(paddedDomain([]), [0, 1]);
});

Deno.test("zeroBasedDomain starts at 0 and leaves room above the largest value", () => {
  const [lo, hi] = zeroBasedDomain([0.1, 0.4, NaN]);
  assert.equal(lo, 0);
  assert.ok(Math.abs(hi - 0.42) < 1e-12);
  assert.deepEqual(zeroBasedDomain([]), [0, 1]);
});
