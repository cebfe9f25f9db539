/**
 * CSV text of records, written as pandas `to_csv(index=False)` would: NaN as an empty cell,
 * booleans as `True`/`False`, lists joined with `|`. One rule for non-finite numbers in every
 * output: NaN, Infinity and -Infinity are a missing value, an empty cell here and `null` in JSON
 * (see `jsonText`). It sits at the bottom (`util/`) because both the exported tables and the
 * synthetic sweeps write CSV.
 * @module
 */
import { csvFormatRows } from "d3-dsv";

/** A cell value the writer knows. */
export type Cell = string | number | boolean | readonly string[] | null | undefined;

/**
 * Formats one cell.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatCell } from "@lib/util/csv.ts";
 *
 * assert.equal(formatCell(NaN), "");
 * assert.equal(formatCell(Infinity), ""); // missing, as in the JSON outputs
 * assert.equal(formatCell(true), "True");
 * assert.equal(formatCell(["4B", "8B"]), "4B|8B");
 * ```
 */
export function formatCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (Array.isArray(value)) return value.join("|");
  return String(value);
}

/**
 * CSV text of records with the given columns, in order, ending with a newline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toCsv } from "@lib/util/csv.ts";
 *
 * assert.equal(toCsv([{ a: 1, b: NaN }], ["a", "b"]), "a,b\n1,\n");
 * ```
 */
export function toCsv(
  records: readonly Record<string, Cell>[],
  columns: readonly string[],
): string {
  const rows = records.map((record) => columns.map((column) => formatCell(record[column])));
  return csvFormatRows([[...columns], ...rows]) + "\n";
}
