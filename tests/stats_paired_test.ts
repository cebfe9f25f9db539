import assert from "node:assert/strict";
import { holm, pairedTInterval, pairedTTest, tTestP } from "../lib/stats/paired.ts";
import { glassDeltaOf } from "../lib/stats/glass_delta.ts";

const close = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("tTestP gives two-sided p-values of Student's t", () => {
  close(tTestP(2.228138851986, 10), 0.05, 1e-9); // t(0.975, 10) from tables
  close(tTestP(0, 5), 1);
  close(tTestP(-12.706204736, 1), 0.05, 1e-8); // t(0.975, 1)
  assert.ok(tTestP(40, 99) < 1e-60, "small p-values keep their precision");
});

Deno.test("pairedTTest matches the hand computation", () => {
  // diffs 1, 2, 3, 4: mean 2.5, sd sqrt(5/3), t = 2.5 / (sd / 2)
  const test = pairedTTest([1, 2, 3, 4, NaN]);
  const sd = Math.sqrt(5 / 3);
  assert.equal(test.n, 4);
  close(test.mean, 2.5);
  close(test.sd, sd);
  close(test.t, 2.5 / (sd / 2));
  close(test.d_z, 2.5 / sd);
  assert.equal(test.df, 3);
  // scipy.stats.ttest_rel([1,2,3,4],[0,0,0,0]).pvalue = 0.030466291662170977
  close(test.p, 0.030466291662170977, 1e-12);
});

Deno.test("holm matches a worked example", () => {
  // p = .01, .04, .03, .005 (m = 4): sorted .005 x4 = .02, .01 x3 = .03, .03 x2 = .06, .04 x1 = .04 -> .06
  const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
  [0.03, 0.06, 0.06, 0.02].forEach((p, i) => close(adjusted[i], p, 1e-15));
  assert.deepEqual(holm([0.5, NaN, 0.9]).map((p) => Number.isNaN(p) ? "NaN" : p), [1, "NaN", 1]);
});

Deno.test("glassDeltaOf divides by the control group's sample std", () => {
  close(glassDeltaOf([3, 5], [0, 2], [1, 3]), 3 / Math.SQRT2);
});

Deno.test("pairedTTest gives scipy's ttest_1samp (nan_policy='omit') on fixed differences", async () => {
  // tests/fixtures/scipy/make_fixtures.py; null in the fixture is a NaN difference
  const { cases } = JSON.parse(
    await Deno.readTextFile(new URL("./fixtures/scipy/ttest_expected.json", import.meta.url)),
  );
  for (const c of cases) {
    const test = pairedTTest(c.differences.map((x: number | null) => x ?? NaN));
    close(test.t, c.t, 1e-12 * Math.abs(c.t));
    close(test.p, c.p, 1e-9 * c.p);
  }
});

Deno.test("pairedTInterval is scipy's stats.t.interval of the mean (NaN skipped)", () => {
  // scipy: stats.t.interval(level, n - 1, loc=x.mean(), scale=stats.sem(x)); jStat's quantile
  // of Student's t agrees with scipy's to about 1e-8
  const [a, b] = pairedTInterval([0.3, -1.2, 2.5, NaN, 0.8, 1.1, -0.4, 0.9]);
  close(a, -0.5172662358892189, 1e-7);
  close(b, 1.6601233787463618, 1e-7);
  const [c, d] = pairedTInterval([5, 7, 6, 9], 0.9);
  close(c, 4.740433395764677, 1e-7);
  close(d, 8.75956660423532, 1e-7);
  assert.ok(pairedTInterval([2, 2, 2]).every((x) => x === 2), "no spread: the mean itself");
  assert.ok(pairedTInterval([]).every(Number.isNaN));
});
