/** effectGap: when a Cohen's d can be computed from two groups, checked against its definition. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { bestLayerIndex, effectGap } from "../lib/sweep/effect_gap.ts";

/** Sample variance by its definition (two passes), NaN for fewer than two values. */
function variance(xs: number[]): number {
  if (xs.length < 2) return NaN;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}

Deno.test("effectGap names each reason a d cannot be computed", () => {
  assert.equal(effectGap([1, 2], [0, 1]), undefined);
  assert.match(effectGap([NaN, NaN], [0, 1])!, /^0 values at strength \+1/);
  assert.match(effectGap([1, 2], [5, NaN])!, /^1 value at strength -1/);
  assert.match(effectGap([1, -Infinity], [0, 1])!, /infinite value at strength \+1/);
  assert.match(effectGap([3, 3, 3], [1, 1])!, /no spread/);
});

Deno.test("effectGap is undefined exactly when the pooled SD of finite groups is above 0", () => {
  const group = fc.array(
    fc.oneof(fc.constantFrom(NaN, 0, 1), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    { maxLength: 6 },
  );
  fc.assert(
    fc.property(group, group, (pos, neg) => {
      const p = pos.filter((x) => !Number.isNaN(x)), n = neg.filter((x) => !Number.isNaN(x));
      const defined = p.length >= 2 && n.length >= 2 &&
        Math.sqrt((variance(p) + variance(n)) / 2) > 0;
      assert.equal(effectGap(pos, neg) === undefined, defined);
    }),
    { seed: 9, numRuns: 300 },
  );
});

Deno.test("bestLayerIndex keeps the first maximum and skips NaN, -1 when none", () => {
  assert.equal(bestLayerIndex([{ delta: NaN }, { delta: 2 }, { delta: 5 }, { delta: 5 }]), 2);
  assert.equal(bestLayerIndex([{ delta: NaN }]), -1);
  assert.equal(bestLayerIndex([]), -1);
});
