import assert from "node:assert/strict";
import { correlationPermutationP, orderings } from "../lib/stats/correlation_permutation.ts";
import { pearson } from "../lib/stats/pearson.ts";
import { seededRandom } from "../lib/util/random.ts";

Deno.test("orderings: all n! orderings, each once", () => {
  const seen = new Set([...orderings(5)].map((o) => o.join(",")));
  assert.equal(seen.size, 120);
  assert.equal([...orderings(1)].length, 1);
});

Deno.test("correlationPermutationP counts orderings with |r| at least the observed, by hand", () => {
  // x = 1..3, y = [1, 2, 4]: r of each of the 6 orderings of y, counted by brute force here.
  const x = [1, 2, 3], y = [1, 2, 4];
  const rs = [[1, 2, 4], [1, 4, 2], [2, 1, 4], [2, 4, 1], [4, 1, 2], [4, 2, 1]]
    .map((ys) => Math.abs(pearson(x, ys).r));
  const observed = Math.abs(pearson(x, y).r);
  const expected = rs.filter((r) => r >= observed - 1e-12).length / 6;
  assert.equal(correlationPermutationP(x, y), expected);
  assert.equal(expected, 2 / 6); // the observed ordering and its reverse
});

Deno.test("with no association, permutation p-values are about uniform (Monte Carlo path too)", () => {
  const rand = seededRandom(5);
  const ps: number[] = [];
  for (let i = 0; i < 300; i++) {
    const x = Array.from({ length: 6 }, () => rand()), y = Array.from({ length: 6 }, () => rand());
    ps.push(correlationPermutationP(x, y));
  }
  const low = ps.filter((p) => p <= 0.05).length / ps.length;
  assert.ok(low > 0.01 && low < 0.1, `share at p <= 0.05: ${low}`);
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], y = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
  const mc = correlationPermutationP(x, y, { seed: 3 }); // 10! > 20,000: random orderings
  assert.equal(mc, correlationPermutationP(x, y, { seed: 3 })); // seeded: reproducible
  assert.ok(mc > 0 && mc < 0.01, `${mc}`); // a strong association
});
