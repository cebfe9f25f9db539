import assert from "node:assert/strict";
import { deviation, mean } from "d3-array";
import fc from "fast-check";
import { derivedSeed, derivedSeeds, normal, seededRandom } from "../lib/util/random.ts";

Deno.test("seededRandom is reproducible and normal has mean 0, sd 1", () => {
  const a = seededRandom(3), b = seededRandom(3);
  assert.equal(a(), b());
  const rand = seededRandom(11);
  const draws = Array.from({ length: 20000 }, () => normal(rand));
  assert.ok(Math.abs(mean(draws)!) < 0.03);
  assert.ok(Math.abs(deviation(draws)! - 1) < 0.03);
});

Deno.test("seededRandom draws are uniform on [0, 1): each tenth gets about a tenth", () => {
  const rand = seededRandom(123), n = 50_000;
  const counts = new Array(10).fill(0);
  for (let i = 0; i < n; i++) {
    const x = rand();
    assert.ok(x >= 0 && x < 1);
    counts[Math.floor(x * 10)]++;
  }
  // chi-square with 9 degrees of freedom: 27.88 is its 0.999 quantile
  const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
  assert.ok(chi2 < 27.88, `chi-square ${chi2}`);
  assert.notEqual(seededRandom(1)(), seededRandom(2)());
});

Deno.test("derivedSeed depends on every key, and spreads near keys over the 32 bits", () => {
  const seeds = Array.from({ length: 4_000 }, (_, i) => derivedSeed(1, "c", "held-out", i));
  assert.equal(new Set(seeds).size, seeds.length, "no collision among 4,000 prompts");
  const counts = new Array(16).fill(0);
  for (const s of seeds) counts[s >>> 28]++; // the top four bits
  const expected = seeds.length / 16;
  // chi-square with 15 degrees of freedom: 37.70 is its 0.999 quantile
  const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  assert.ok(chi2 < 37.7, `chi-square ${chi2}`);
  assert.notEqual(derivedSeed(1, "8B", "corrigible"), derivedSeed(1, "corrigible", "8B"));
  assert.notEqual(derivedSeed(1, 2), derivedSeed(12));
});

Deno.test("derivedSeeds: derivedSeed of the keys and each last key, whatever the keys", () => {
  const key = fc.oneof(fc.string(), fc.integer());
  fc.assert(
    fc.property(
      fc.nat(),
      fc.array(key, { maxLength: 3 }),
      fc.array(fc.integer()),
      (seed, keys, last) => {
        assert.deepEqual(
          Array.from(derivedSeeds(seed, keys, Int32Array.from(last))),
          Array.from(last, (p) => derivedSeed(seed, ...keys, p)),
        );
      },
    ),
  );
});
