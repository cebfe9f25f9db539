/**
 * The distinct values of an integer column, sorted, and each row's position among them: how a
 * run's rows find their layer and prompt in the prompt matrix, in two passes over typed arrays
 * (a lookup table when the values span a compact range, a Map otherwise).
 * @module
 */

/** Sorted distinct values and, for each row, the index of its value among them. */
export interface DistinctPositions {
  sorted: Int32Array;
  positions: Int32Array;
}

/** Ranges up to this many times the row count (or 2^16) get a lookup table. */
const TABLE_FACTOR = 4, TABLE_MIN = 1 << 16;

/**
 * The sorted distinct values of `values` and each value's position among them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const d = distinctPositions(Int32Array.from([30, 10, 30, 20]));
 * assert.deepEqual([...d.sorted], [10, 20, 30]);
 * assert.deepEqual([...d.positions], [2, 0, 2, 1]);
 * const far = distinctPositions(Int32Array.from([2 ** 30, -(2 ** 30), 5])); // no table: a Map
 * assert.deepEqual([...far.positions], [2, 0, 1]);
 * ```
 */
export function distinctPositions(values: Int32Array): DistinctPositions {
  const n = values.length;
  if (n === 0) return { sorted: new Int32Array(0), positions: new Int32Array(0) };
  let min = values[0], max = values[0];
  for (let i = 1; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min + 1;
  return range <= Math.max(TABLE_FACTOR * n, TABLE_MIN)
    ? byTable(values, min, range)
    : byMap(values);
}

function byTable(values: Int32Array, min: number, range: number): DistinctPositions {
  const table = new Int32Array(range).fill(-1);
  for (let i = 0; i < values.length; i++) table[values[i] - min] = 0;
  let count = 0;
  for (let v = 0; v < range; v++) if (table[v] === 0) table[v] = count++;
  const sorted = new Int32Array(count);
  for (let v = 0; v < range; v++) if (table[v] >= 0) sorted[table[v]] = v + min;
  const positions = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) positions[i] = table[values[i] - min];
  return { sorted, positions };
}

function byMap(values: Int32Array): DistinctPositions {
  const sorted = Int32Array.from(new Set(values)).sort();
  const index = new Map(Array.from(sorted, (v, i) => [v, i]));
  return { sorted, positions: Int32Array.from(values, (v) => index.get(v)!) };
}
