import assert from "node:assert/strict";
import {
  minAttainableP,
  permutationTest,
  pooledDifference,
  type Units,
} from "../lib/stats/permutation.ts";
import { normal, seededRandom } from "../lib/util/random.ts";

Deno.test("2 models vs 2: the 6 relabellings listed by hand", () => {
  // model 0: pairs 1, 3; model 1: 2; model 2: 8, 10; model 3: 9 (6 pairs, sum 33)
  const a: Units = [[1, 3], [2]], b: Units = [[8, 10], [9]];
  const units = [...a, ...b];
  const byHand: [number[], number][] = [
    [[0, 1], 6 / 3 - 27 / 3], // observed: 2 vs 9
    [[0, 2], 22 / 4 - 11 / 2], // 5.5 vs 5.5
    [[0, 3], 13 / 3 - 20 / 3],
    [[1, 2], 20 / 3 - 13 / 3],
    [[1, 3], 11 / 2 - 22 / 4],
    [[2, 3], 27 / 3 - 6 / 3], // the mirror of the observed labelling
  ];
  for (const [chosen, t] of byHand) assert.equal(pooledDifference(units, chosen), t);
  const result = permutationTest(a, b);
  assert.deepEqual(result, {
    statistic: -7,
    p: 2 / 6, // |T| = 7 twice: the observed labelling and its mirror
    minAttainableP: 2 / 6,
    method: "exact",
    relabellings: 6,
  });
  // the other way round: the same p, the opposite statistic
  assert.deepEqual([permutationTest(b, a).statistic, permutationTest(b, a).p], [7, 2 / 6]);
});

Deno.test("1 model vs 3: the 4 relabellings by hand", () => {
  // T for {0}: 10 - 2 = 8; {1}: 1 - 5 = -4; {2}: 2 - 14/3; {3}: 3 - 13/3: only the observed has |T| >= 8
  assert.equal(permutationTest([[10]], [[1], [2], [3]]).p, 1 / 4);
  // 2: T = 2 - 14/3 = -2.67; {1} gives -4, {0}: 8: three of four at least as extreme
  assert.equal(permutationTest([[2]], [[10], [1], [3]]).p, 3 / 4);
});

Deno.test("min attainable p: 1 / C(n, k), doubled for equal groups", () => {
  assert.equal(minAttainableP(6, 2), 1 / 15); // 2 full-RL models of 6
  assert.equal(minAttainableP(6, 4), 1 / 15);
  assert.equal(minAttainableP(6, 3), 2 / 20);
  assert.equal(minAttainableP(4, 1), 1 / 4);
  assert.equal(minAttainableP(4, 2), 2 / 6);
  assert.equal(minAttainableP(10, 5), 2 / 252);
  assert.equal(minAttainableP(2, 1), 1); // one model per group
  // and the test reaches it when the groups are as far apart as they can be
  const far = permutationTest([[10], [11]], [[1], [2], [3], [4]]);
  assert.equal(far.p, 1 / 15);
  assert.equal(far.minAttainableP, 1 / 15);
  const one = permutationTest([[10]], [[1]]);
  assert.deepEqual([one.p, one.minAttainableP], [1, 1]);
});

Deno.test("ties: a difference that is 0 up to rounding gives p = 1; no group gives NaN", () => {
  // 0.1 three times sums to 0.30000000000000004: the pooled means differ in the last bit
  const flat = permutationTest([[0.1, 0.1, 0.1], [0.1]], [[0.1], [0.1, 0.1]]);
  assert.equal(flat.p, 1);
  assert.ok(Number.isNaN(permutationTest([], [[1], [2]]).p));
});

Deno.test("Monte Carlo: reproducible for a seed, counts the observed labelling, near exact", () => {
  const rand = seededRandom(9);
  const draw = (shift: number) => Array.from({ length: 3 }, () => normal(rand) + shift);
  const a = Array.from({ length: 6 }, () => draw(0.6));
  const b = Array.from({ length: 6 }, () => draw(0));
  const exact = permutationTest(a, b); // C(12, 6) = 924 relabellings
  assert.equal(exact.method, "exact");
  const options = { exactLimit: 100, resamples: 20_000, seed: 4 };
  const mc = permutationTest(a, b, options);
  assert.equal(mc.method, "monte-carlo");
  assert.equal(mc.relabellings, 20_000);
  assert.deepEqual(permutationTest(a, b, options), mc); // the same seed, the same p
  assert.notEqual(permutationTest(a, b, { ...options, seed: 5 }).p, mc.p);
  assert.ok(Number.isInteger(Math.round(mc.p * 20_001 * 1e6) / 1e6)); // (1 + count) / (1 + B)
  const se = Math.sqrt((exact.p * (1 - exact.p)) / 20_000);
  assert.ok(Math.abs(mc.p - exact.p) < 4 * se, `exact ${exact.p}, Monte Carlo ${mc.p}`);
  assert.equal(mc.minAttainableP, exact.minAttainableP); // a property of the group sizes
  // far apart: only the observed labelling and its mirror are as extreme (2 of 924)
  const apart = permutationTest(a.map((u) => u.map((x) => x + 100)), b, options);
  const seApart = Math.sqrt(((2 / 924) * (1 - 2 / 924)) / 20_000);
  assert.ok(Math.abs(apart.p - 2 / 924) < 4 * seApart, `Monte Carlo ${apart.p}`);
  // 15 vs 15, far apart: no draw is as extreme, so p is the Monte Carlo floor 1 / (1 + B)
  const many = (shift: number) => Array.from({ length: 15 }, (_, i) => [i + shift]);
  assert.equal(permutationTest(many(100), many(0), { resamples: 999 }).p, 1 / 1000);
});

/** p-values of `datasets` simulated null datasets: model effects i.i.d., no group difference. */
function nullPValues(seed: number, datasets: number, perGroup: number, pairsAsUnits = false) {
  const rand = seededRandom(seed);
  const model = () => {
    const effect = normal(rand); // the model's own effect, shared by its pairs
    return Array.from({ length: 3 }, () => effect + 0.5 * normal(rand));
  };
  return Array.from({ length: datasets }, (_, i) => {
    const units = Array.from({ length: 2 * perGroup }, model);
    const options = { resamples: 199, seed: i + 1 };
    const [a, b] = [units.slice(0, perGroup), units.slice(perGroup)]
      .map((group) => pairsAsUnits ? group.flat().map((x) => [x]) : group);
    return permutationTest(a, b, options).p;
  });
}

/** Largest gap between the share of p-values at or below each attained p and that p. */
function ksDistance(ps: readonly number[]): number {
  const sorted = [...ps].sort((x, y) => x - y);
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
    d = Math.max(d, Math.abs((j + 1) / sorted.length - sorted[i]));
    i = j;
  }
  return d;
}

Deno.test("simulation, exact: 10 models (5 vs 5), no group difference: p is uniform", () => {
  const ps = nullPValues(2024, 1000, 5);
  // p is 2j / 252, j uniform on 1..126: P(p <= 0.05) = 12 / 252 = 0.048
  const share = ps.filter((p) => p <= 0.05).length / ps.length;
  const se = Math.sqrt((0.048 * 0.952) / ps.length);
  assert.ok(Math.abs(share - 12 / 252) < 3 * se, `share with p <= 0.05: ${share}`);
  // Kolmogorov-Smirnov at the attained p-values: 1.63 / sqrt(n) is the 1% critical distance
  assert.ok(ksDistance(ps) < 1.63 / Math.sqrt(ps.length), `KS distance ${ksDistance(ps)}`);
  // ten bins of 0.1: chi-square with 9 degrees of freedom under 21.67 (its 0.99 quantile), with
  // each bin's exact mass on the grid of attainable p-values
  const grid = Array.from({ length: 126 }, (_, j) => (2 * (j + 1)) / 252);
  let chi2 = 0;
  for (let bin = 0; bin < 10; bin++) {
    const inBin = (p: number) => p > bin / 10 && p <= (bin + 1) / 10;
    const expected = (grid.filter(inBin).length / 126) * ps.length;
    chi2 += (ps.filter(inBin).length - expected) ** 2 / expected;
  }
  assert.ok(chi2 < 21.67, `chi-square ${chi2}`);
});

Deno.test("simulation, Monte Carlo: 30 models (15 vs 15), no group difference: p is uniform", () => {
  const ps = nullPValues(77, 400, 15); // C(30, 15) > 20,000: 199 seeded relabellings each
  assert.ok(ps.every((p) => Number.isInteger(Math.round(p * 200 * 1e6) / 1e6)));
  const share = ps.filter((p) => p <= 0.05).length / ps.length; // P(p <= 10 / 200) = 0.05
  assert.ok(Math.abs(share - 0.05) < 3 * Math.sqrt((0.05 * 0.95) / ps.length), `share ${share}`);
  assert.ok(ksDistance(ps) < 1.63 / Math.sqrt(ps.length), `KS distance ${ksDistance(ps)}`);
});

Deno.test("simulation: permuting pairs instead of models finds differences that are not there", () => {
  // the same null datasets (5 vs 5 models, 3 pairs each), each pair relabelled on its own: pairs
  // of one model share its effect, so the pair-level test rejects far more often than 5% (22%
  // here; 12% is 5 standard errors above 5%)
  const ps = nullPValues(2024, 300, 5, true);
  assert.ok(ps.filter((p) => p <= 0.05).length / ps.length > 0.12);
});

Deno.test("simulation: a planted group difference is found (the test has power)", () => {
  const rand = seededRandom(31);
  const model = (shift: number) => [0, 1, 2].map(() => shift + normal(rand) + 0.5 * normal(rand));
  const ps = Array.from({ length: 50 }, () => {
    const a = Array.from({ length: 5 }, () => model(3)),
      b = Array.from({ length: 5 }, () => model(0));
    return permutationTest(a, b).p;
  });
  assert.ok(ps.filter((p) => p <= 0.05).length >= 45, ps.join());
});
