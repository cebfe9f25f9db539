import assert from "node:assert/strict";
import fc from "fast-check";
import { pearson, pearsonP } from "../lib/stats/pearson.ts";

const close = (actual: number, expected: number, tolerance: number, where: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${where}: ${actual} is not ${expected}`,
  );

Deno.test("pearson equals scipy's pearsonr on hand-checked cases", () => {
  // Values printed by scipy 1.17 `stats.pearsonr(x, y)`.
  const cases: Array<[number[], number[], number, number]> = [
    [[1, 2, 3, 4, 5], [2, 4, 6, 8, 10], 1, 0],
    [[1, 2, 3, 4, 5], [5, 4, 3, 2, 1], -1, 0],
    [[1, 2, 3], [1, 0, 1], 0, 1],
    [[1, 2, 3, 4], [1, 3, 2, 4], 0.8, 0.19999999999999996],
    [[1, 2, 3, 4, 5, 6, 7], [2.5, 1, 4, 3.5, 6, 5, 8.5], 0.8836721643369243, 0.008318542933554452],
    [
      [4, 8, 14, 30, 32, 235],
      [1.2, 0.7, 1.4, 1.3, 0.85, 1.1],
      0.017372341099674372,
      0.9739441098214316,
    ],
  ];
  for (const [x, y, r, p] of cases) {
    const result = pearson(x, y);
    assert.equal(result.n, x.length);
    close(result.r, r, 1e-12, `r of ${y}`);
    close(result.p, p, 1e-9, `p of ${y}`);
  }
});

Deno.test("pearsonP has the closed forms of small samples", () => {
  // n = 3: p = 1 - (2 / pi) asin|r|; n = 4: p = 1 - |r| (the null distribution is uniform).
  // jStat's incomplete beta stops its continued fraction at a 3e-7 step: about 1e-8 off here.
  for (const r of [0, 0.1, 0.5, 0.9, -0.3, 0.99]) {
    close(pearsonP(r, 3), 1 - (2 / Math.PI) * Math.asin(Math.abs(r)), 1e-7, `n=3 r=${r}`);
    close(pearsonP(r, 4), 1 - Math.abs(r), 1e-7, `n=4 r=${r}`);
  }
  assert.equal(pearsonP(1, 10), 0);
  assert.ok(Number.isNaN(pearsonP(0.5, 2)));
  assert.ok(Number.isNaN(pearsonP(NaN, 10)));
});

Deno.test("pearson leaves out pairs with a non-finite value and needs three pairs", () => {
  const withGaps = pearson([1, NaN, 2, 3, 4, Infinity], [1, 5, 3, 2, 4, 0]);
  const without = pearson([1, 2, 3, 4], [1, 3, 2, 4]);
  assert.deepEqual(withGaps, without);
  assert.equal(withGaps.n, 4);
  const two = pearson([1, 2, NaN], [3, 5, 1]);
  assert.equal(two.n, 2);
  assert.ok(Number.isNaN(two.r) && Number.isNaN(two.p));
});

Deno.test("pearson gives NaN when a variable has no spread", () => {
  const flat = pearson([1, 2, 3, 4], [2, 2, 2, 2]);
  assert.equal(flat.n, 4);
  assert.ok(Number.isNaN(flat.r) && Number.isNaN(flat.p));
});

Deno.test("pearson is symmetric, invariant to positive affine maps, and flips sign", () => {
  const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 6, maxLength: 6 })
    .map((values) => values.map((v) => v / 8));
  fc.assert(fc.property(sample, sample, (x, y) => {
    const base = pearson(x, y);
    fc.pre(Number.isFinite(base.r) && Math.abs(base.r) < 0.999);
    close(pearson(y, x).r, base.r, 1e-9, "symmetric");
    close(pearson(x.map((v) => 3 * v + 7), y).r, base.r, 1e-9, "affine");
    close(pearson(x.map((v) => -v), y).r, -base.r, 1e-9, "sign");
    assert.ok(base.p >= 0 && base.p <= 1);
  }));
});
