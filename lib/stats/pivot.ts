/**
 * Pivot tables: one value per (row key, column key), rows and columns in a given order.
 * @module
 */

/** A pivoted table: `cells[i][j]` is the value for `rows[i]`, `columns[j]` (NaN where absent). */
export interface Pivot {
  /** The name of the row key (`"model"`). */
  index: string;
  rows: string[];
  columns: string[];
  cells: number[][];
}

/**
 * Pivots records (pandas `pivot` then `reindex`): each record gives the cell at its row and column
 * key. Cells no record fills are NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const records = [{ model: "4B", concept: "c", delta: 2 }];
 * const p = pivot(records, "model", "concept", "delta", ["4B", "8B"], ["c"]);
 * assert.deepEqual(p.cells, [[2], [NaN]]); // a cell no record fills is missing
 * ```
 */
export function pivot<
  T extends Record<K | C | V, unknown>,
  K extends string,
  C extends string,
  V extends string,
>(
  records: readonly T[],
  index: K,
  column: C,
  value: V,
  rows: readonly string[],
  columns: readonly string[],
): Pivot {
  const cells = rows.map(() => columns.map(() => NaN));
  for (const record of records) {
    const i = rows.indexOf(String(record[index]));
    const j = columns.indexOf(String(record[column]));
    if (i >= 0 && j >= 0) cells[i][j] = Number(record[value]);
  }
  return { index, rows: [...rows], columns: [...columns], cells };
}

/**
 * A pivot as flat records, one per row: `{ [index]: row, [column]: value, ... }`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const records = [{ model: "4B", concept: "c", delta: 2 }];
 * const p = pivot(records, "model", "concept", "delta", ["4B", "8B"], ["c"]);
 * assert.deepEqual(pivotRecords(p), [{ model: "4B", c: 2 }, { model: "8B", c: NaN }]);
 * ```
 */
export function pivotRecords(table: Pivot): Record<string, string | number>[] {
  return table.rows.map((row, i) => {
    const record: Record<string, string | number> = { [table.index]: row };
    table.columns.forEach((column, j) => record[column] = table.cells[i][j]);
    return record;
  });
}
