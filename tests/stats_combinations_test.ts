import assert from "node:assert/strict";
import { binomial, combinations, randomSubset } from "../lib/stats/combinations.ts";
import { seededRandom } from "../lib/util/random.ts";

Deno.test("binomial: known values, Pascal's rule, symmetry, out of range", () => {
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => binomial(4, k)), [1, 4, 6, 4, 1]);
  assert.equal(binomial(6, 2), 15);
  assert.equal(binomial(6, 3), 20);
  assert.equal(binomial(10, 5), 252);
  assert.equal(binomial(30, 15), 155117520);
  for (let n = 1; n <= 30; n++) {
    for (let k = 1; k < n; k++) {
      assert.equal(binomial(n, k), binomial(n - 1, k - 1) + binomial(n - 1, k));
      assert.equal(binomial(n, k), binomial(n, n - k));
    }
  }
  assert.equal(binomial(3, -1), 0);
  assert.equal(binomial(3, 4), 0);
  assert.equal(binomial(0, 0), 1);
});

Deno.test("combinations: C(n, k) distinct ascending choices, in lexicographic order", () => {
  for (let n = 0; n <= 9; n++) {
    for (let k = 0; k <= n; k++) {
      const all = [...combinations(n, k)];
      assert.equal(all.length, binomial(n, k));
      assert.equal(new Set(all.map((c) => c.join())).size, all.length);
      for (const c of all) {
        assert.equal(c.length, k);
        assert.ok(c.every((i, j) => i >= 0 && i < n && (j === 0 || c[j - 1] < i)));
      }
      const keys = all.map((c) => c.map((i) => String.fromCharCode(65 + i)).join(""));
      assert.deepEqual(keys, [...keys].sort());
    }
  }
  assert.deepEqual([...combinations(2, 3)], []);
});

Deno.test("randomSubset: every one of the C(5, 2) = 10 choices about equally often", () => {
  const rand = seededRandom(5), draws = 20_000;
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const key = randomSubset(5, 2, rand).join();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 10);
  // chi-square with 9 degrees of freedom: 27.88 is its 0.999 quantile
  const chi2 = [...counts.values()].reduce((s, c) => s + (c - draws / 10) ** 2 / (draws / 10), 0);
  assert.ok(chi2 < 27.88, `chi-square ${chi2}`);
  assert.deepEqual(randomSubset(4, 4, rand), [0, 1, 2, 3]);
  assert.deepEqual(randomSubset(4, 0, rand), []);
});
