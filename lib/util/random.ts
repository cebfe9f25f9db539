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

/**
 * A 32-bit hash of some keys (FNV-1a over their text, then murmur3's finalizer so near keys land
 * far apart): a seed that depends only on what it is for, never on the order things are met in.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { derivedSeed } from "@lib/util/random.ts";
 *
 * const a = derivedSeed(1, "8B", "corrigible");
 * assert.equal(a, derivedSeed(1, "8B", "corrigible")); // the same keys, the same seed
 * assert.notEqual(a, derivedSeed(2, "8B", "corrigible")); // another base seed
 * assert.notEqual(a, derivedSeed(1, "8B", "sycophancy")); // another pair
 * assert.notEqual(derivedSeed(1, "ab", "c"), derivedSeed(1, "a", "bc")); // keys stay apart
 * assert.ok(Number.isInteger(a) && a >= 0 && a < 2 ** 32);
 * ```
 */
export function derivedSeed(seed: number, ...keys: readonly (string | number)[]): number {
  return finish(fnv(0x811c9dc5, [seed, ...keys].map(String).join("\u001f")));
}

/** FNV-1a over `text`, from the hash `h` of what came before it. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** murmur3's finalizer, as an unsigned 32-bit integer. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * {@link derivedSeed} of the keys followed by each of `last` in turn (the same numbers), the
 * keys hashed once: the seeds of many items of one thing (the prompts of a concept).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { derivedSeed, derivedSeeds } from "@lib/util/random.ts";
 *
 * const seeds = derivedSeeds(1, ["corrigible", "held-out"], Int32Array.from([0, 7, 12]));
 * assert.deepEqual(Array.from(seeds), [0, 7, 12].map((p) => derivedSeed(1, "corrigible", "held-out", p)));
 * ```
 */
export function derivedSeeds(
  seed: number,
  keys: readonly (string | number)[],
  last: ArrayLike<number>,
): Uint32Array {
  const head = fnv(0x811c9dc5, [seed, ...keys].map(String).join("\u001f") + "\u001f");
  return Uint32Array.from({ length: last.length }, (_, i) => finish(fnv(head, String(last[i]))));
}
