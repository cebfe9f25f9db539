import assert from "node:assert/strict";
import { densityCurve, gaussianKde, scottBandwidth } from "../lib/stats/kde.ts";
import { std } from "../lib/stats/describe.ts";

Deno.test("scottBandwidth is std (ddof = 1) times n^(-1/5)", () => {
  const xs = [1, 2, 3, 4, 10];
  assert.equal(scottBandwidth(xs), std(xs) * 5 ** -0.2);
  assert.ok(Number.isNaN(scottBandwidth([1])));
});

Deno.test("gaussianKde of one point is the normal density", () => {
  const kde = gaussianKde([0], 2);
  assert.ok(Math.abs(kde(0) - 1 / (2 * Math.sqrt(2 * Math.PI))) < 1e-15);
  assert.ok(Math.abs(kde(2) - Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI))) < 1e-15);
});

Deno.test("the density integrates to about 1 when the grid covers the tails", () => {
  const xs = [-3, -1, 0, 0.5, 2, 4, 4.5, 7];
  const curve = densityCurve(xs, { cut: 6, gridsize: 2000 });
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    area += (curve[i].value - curve[i - 1].value) * (curve[i].density + curve[i - 1].density) / 2;
  }
  assert.ok(Math.abs(area - 1) < 1e-3, `area ${area}`);
});

Deno.test("cut = 0 stops the curve at the data range, as seaborn's cut=0", () => {
  const curve = densityCurve([5, 1, 3, 2], { gridsize: 5 });
  assert.deepEqual(curve.map((p) => p.value), [1, 2, 3, 4, 5]);
  assert.ok(curve.every((p) => p.density > 0));
});

Deno.test("densityCurve is empty when the density is undefined", () => {
  assert.deepEqual(densityCurve([1]), []);
  assert.deepEqual(densityCurve([2, 2, 2]), []);
  assert.deepEqual(densityCurve([NaN, 1]), []);
});
