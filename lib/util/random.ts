/**
 * A small seeded random source (mulberry32) with normal draws, so synthetic sweeps and the
 * bootstrap and split-half resamples are reproducible.
 * @module
 */

/** A seeded generator of uniform [0, 1) numbers. */
export type Random = () => number;

/**
 * mulberry32: a fast 32-bit seeded generator of uniform numbers in [0, 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "@lib/util/random.ts";
 *
 * const a = seededRandom(42), b = seededRandom(42);
 * const x = a();
 * assert.equal(x, b()); // the same seed, the same numbers
 * assert.ok(x >= 0 && x < 1);
 * ```
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw (Box-Muller) from a uniform generator.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normal, seededRandom } from "@lib/util/random.ts";
 *
 * const rand = seededRandom(1);
 * const draws = Array.from({ length: 10_000 }, () => normal(rand));
 * const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
 * assert.ok(Math.abs(mean) < 0.05); // drawn from N(0, 1)
 * ```
 */
export function normal(rand: Random): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
