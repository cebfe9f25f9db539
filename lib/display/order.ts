/**
 * Rows of a table in the model order of the figures (pandas' `groupby` sorts models as strings,
 * "14B" before "4B"; the figures list them by size).
 * @module
 */

/**
 * The rows sorted by the position of their `model` in `models` (then of their `concept` in
 * `concepts`, when given); the sort is stable, so rows of one model keep their order. Models not
 * in the list go last, in their order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = [{ model: "14B" }, { model: "7B" }, { model: "4B" }];
 * assert.deepEqual(inModelOrder(rows, ["4B", "14B"]), [
 *   { model: "4B" },
 *   { model: "14B" },
 *   { model: "7B" }, // not in the list: last
 * ]);
 * ```
 */
export function inModelOrder<T extends { model: string; concept?: string }>(
  rows: readonly T[],
  models: readonly string[],
  concepts: readonly string[] = [],
): T[] {
  const rank = (list: readonly string[], key: string | undefined) => {
    const i = key === undefined ? -1 : list.indexOf(key);
    return i < 0 ? list.length : i;
  };
  return [...rows].sort((a, b) =>
    rank(models, a.model) - rank(models, b.model) ||
    (concepts.length ? rank(concepts, a.concept) - rank(concepts, b.concept) : 0)
  );
}
