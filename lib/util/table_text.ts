/**
 * Tables as aligned plain text, the way pandas prints a data frame: one format down each column,
 * `digits` decimals (the original's `.round(3)`). The notebook's HTML tables and the printed
 * reports format their cells with these.
 * @module
 */

/** Options of the table formatters. */
export interface TableOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: string[];
  /** Decimals shown for non-integer numbers (default 3, as the original's `.round(3)`). */
  digits?: number;
  /** A caption above the table. */
  caption?: string;
  /** A formatter per column, instead of the default number format. */
  formats?: Record<string, (value: unknown) => string>;
}

/** A table row: values by column name. */
export type TableRow = Record<string, unknown>;
type Row = TableRow;

/**
 * One cell as text: numbers with `digits` decimals (integers as they are unless `fixed`, numbers
 * too small for the decimals in exponent form), NaN as "NaN", lists joined with ", ".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatTableValue(10.25641, 3), "10.256");
 * assert.equal(formatTableValue(20, 3), "20");
 * assert.equal(formatTableValue(1, 3, true), "1.000");
 * assert.equal(formatTableValue(7.47e-10, 3), "7.47e-10");
 * ```
 */
export function formatTableValue(value: unknown, digits = 3, fixed = false): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (Number.isInteger(value) && !fixed) return String(value);
    const small = value !== 0 && Math.abs(value) < 10 ** -digits;
    return small ? value.toExponential(Math.max(0, digits - 1)) : value.toFixed(digits);
  }
  if (Array.isArray(value)) return value.join(", ");
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The columns a table shows: `options.columns`, else the keys of the first row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(tableColumns([{ a: 1, b: 2 }]), ["a", "b"]);
 * assert.deepEqual(tableColumns([{ a: 1, b: 2 }], { columns: ["b"] }), ["b"]);
 * ```
 */
export function tableColumns(rows: readonly Row[], options: TableOptions = {}): string[] {
  return options.columns ?? Object.keys(rows[0] ?? {});
}

/**
 * A column's cells as text, in one format down the column (as pandas shows a float column): a
 * column of integers as integers, any other number column with `digits` decimals throughout, so
 * a `1` never stands beside `0.975`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(columnText([{ s: 1 }, { s: 0.975 }], "s"), ["1.000", "0.975"]);
 * assert.deepEqual(columnText([{ n: 18 }, { n: 9 }], "n"), ["18", "9"]);
 * ```
 */
export function columnText(
  rows: readonly Row[],
  column: string,
  options: TableOptions = {},
): string[] {
  const format = options.formats?.[column];
  if (format) return rows.map((row) => format(row[column]));
  const numbers = rows.map((row) => row[column]).filter((v) => typeof v === "number");
  const fixed = numbers.some((v) => !Number.isInteger(v) && !Number.isNaN(v));
  return rows.map((row) => formatTableValue(row[column], options.digits, fixed));
}

/**
 * The rows as aligned plain text, one line per row under a header.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(tableText([{ model: "4B", delta: 14.0114 }]), "model   delta\n   4B  14.011");
 * ```
 */
export function tableText(rows: readonly Row[], options: TableOptions = {}): string {
  const columns = tableColumns(rows, options);
  const texts = columns.map((c) => columnText(rows, c, options));
  const cells = rows.map((_, i) => columns.map((_, j) => texts[j][i]));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const line = (values: string[]) => values.map((v, j) => v.padStart(widths[j])).join("  ");
  const text = [line(columns), ...cells.map(line)].join("\n");
  return options.caption ? `${options.caption}\n${text}` : text;
}
