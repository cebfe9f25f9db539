/**
 * Choosing k of n units: how many ways there are, every way in turn, and one way at random. The
 * permutation tests over models relabel with these.
 * @module
 */
import type { Random } from "../util/random.ts";

/**
 * The binomial coefficient C(n, k): the number of ways to choose k of n units (0 when k is out
 * of range). Exact while the result is below 2^53; a close float beyond.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(binomial(6, 2), 15);
 * assert.equal(binomial(20, 10), 184756);
 * assert.equal(binomial(4, 5), 0);
 * ```
 */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (n - m + i)) / i;
  return Math.round(c);
}

/**
 * Every choice of k of the indices 0..n-1, each as an ascending list, in lexicographic order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual([...combinations(4, 2)], [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
 * assert.deepEqual([...combinations(3, 0)], [[]]);
 * ```
 */
export function* combinations(n: number, k: number): Generator<number[]> {
  if (k < 0 || k > n) return;
  const chosen = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield [...chosen];
    let i = k - 1;
    while (i >= 0 && chosen[i] === n - k + i) i--;
    if (i < 0) return;
    chosen[i]++;
    for (let j = i + 1; j < k; j++) chosen[j] = chosen[j - 1] + 1;
  }
}

/**
 * k of the indices 0..n-1 drawn at random without replacement (a partial Fisher-Yates shuffle),
 * every choice equally likely; in ascending order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "../util/random.ts";
 * const picked = randomSubset(10, 4, seededRandom(7));
 * assert.equal(new Set(picked).size, 4);
 * assert.ok(picked.every((i, j) => i >= 0 && i < 10 && (j === 0 || picked[j - 1] < i)));
 * assert.deepEqual(randomSubset(10, 4, seededRandom(7)), picked); // the same seed, the same draw
 * ```
 */
export function randomSubset(n: number, k: number, rand: Random): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, k).sort((a, b) => a - b);
}
