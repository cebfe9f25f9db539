import assert from "node:assert/strict";
import { densityCurve, gaussianKde, scottBandwidth } from "../lib/stats/kde.ts";

// scipy.stats.gaussian_kde(data) (Scott's rule) on fixed data: tests/fixtures/scipy/make_fixtures.py
const scipyKde = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/scipy/kde_expected.json", import.meta.url)),
).cases;

Deno.test("scottBandwidth is scipy gaussian_kde's bandwidth", () => {
  const bw = scottBandwidth(scipyKde.data);
  assert.ok(Math.abs(bw - scipyKde.bandwidth) < 1e-12 * scipyKde.bandwidth, `${bw}`);
  assert.ok(Number.isNaN(scottBandwidth([1])));
});

Deno.test("gaussianKde gives scipy gaussian_kde's densities", () => {
  const kde = gaussianKde(scipyKde.data);
  scipyKde.points.forEach((x: number, i: number) => {
    const want = scipyKde.density[i];
    assert.ok(Math.abs(kde(x) - want) <= 1e-12 * want, `at ${x}: ${kde(x)} vs scipy ${want}`);
  });
  const curve = densityCurve(scipyKde.data, { gridsize: 3 });
  assert.deepEqual([curve[0].value, curve[2].value], [-2.1, 7.5]); // the data range (cut = 0)
  assert.ok(Math.abs(curve[0].density - scipyKde.density[1]) <= 1e-12 * scipyKde.density[1]);
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
