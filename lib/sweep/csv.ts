/**
 * Typed CSV parsing with d3-dsv: each column is converted by its declared type, and any cell that
 * does not convert is an error naming the file, line and column.
 * @module
 */
import { csvParseRows } from "d3-dsv";
import { SweepDataError } from "./errors.ts";

/** How a column's cells are read: whole numbers, floating-point numbers, or text. */
export type ColumnType = "int" | "float" | "string";

/** Column name to type; the file must hold every named column (others are ignored). */
export type Schema = Readonly<Record<string, ColumnType>>;

/** The array that holds one column of a given type. */
export type ColumnOf<T extends ColumnType> = T extends "int" ? Int32Array
  : T extends "float" ? Float64Array
  : string[];

/** Parsed columns of a schema, with the row count. */
export type Columns<S extends Schema> = { [K in keyof S]: ColumnOf<S[K]> } & { length: number };

const MISSING = new Set(["", "NaN", "nan", "NA", "N/A", "NULL", "null", "-nan", "-NaN"]);
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT = /^[+-]?\d+$/;

/**
 * Reads one float cell as pandas does: empty and NaN spellings are NaN, `inf` spellings are
 * infinite, anything else must be a decimal number. Returns undefined when the cell is not a number.
 *
 * @example
 * ```ts
 * parseFloatCell("-1.0"); // -1
 * parseFloatCell("");     // NaN
 * parseFloatCell("abc");  // undefined
 * ```
 */
export function parseFloatCell(cell: string): number | undefined {
  const text = cell.trim();
  if (MISSING.has(text)) return NaN;
  if (FLOAT.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === "inf" || lower === "+inf" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  return undefined;
}

/**
 * Reads one integer cell; returns undefined when the cell is not a 32-bit whole number.
 *
 * @example
 * ```ts
 * parseIntCell("13");  // 13
 * parseIntCell("1.5"); // undefined
 * ```
 */
export function parseIntCell(cell: string): number | undefined {
  const text = cell.trim();
  if (!INT.test(text)) return undefined;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}

/**
 * Decodes a file's bytes as UTF-8 text, refusing binary data (NUL bytes, invalid UTF-8).
 *
 * @example
 * ```ts
 * decodeText(new TextEncoder().encode("a,b\n"), "x.csv"); // "a,b\n"
 * ```
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) {
    throw new SweepDataError("binary data (NUL byte), not a text file", {
      file,
      line: lineOfOffset(bytes, bytes.indexOf(0)),
    });
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new SweepDataError("not valid UTF-8 text", { file });
  }
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * Parses CSV text into typed columns. The first row is the header; every column of the schema
 * must be in it. Rows are numbered as file lines (header = line 1).
 *
 * @example
 * ```ts
 * const t = parseTypedCsv("layer,delta\n3,0.5\n", "s.csv", { layer: "int", delta: "float" });
 * t.length;   // 1
 * t.layer[0]; // 3
 * ```
 */
export function parseTypedCsv<S extends Schema>(text: string, file: string, schema: S): Columns<S> {
  const rows = csvParseRows(text);
  if (rows.length === 0 || (rows.length === 1 && rows[0].every((c) => c === ""))) {
    throw new SweepDataError("empty file (no header row)", { file, line: 1 });
  }
  const header = rows[0].map((h) => h.trim());
  const n = rows.length - 1;
  const out: Record<string, Int32Array | Float64Array | string[]> = {};
  const readers: Array<{ name: string; index: number; type: ColumnType }> = [];
  for (const [name, type] of Object.entries(schema)) {
    const index = header.indexOf(name);
    if (index < 0) {
      throw new SweepDataError(
        `missing column "${name}" (header has: ${header.join(", ")})`,
        { file, line: 1 },
      );
    }
    readers.push({ name, index, type });
    out[name] = type === "int"
      ? new Int32Array(n)
      : type === "float"
      ? new Float64Array(n)
      : new Array<string>(n);
  }
  for (let r = 1; r <= n; r++) {
    const row = rows[r];
    if (row.length !== header.length) {
      // The first field past the shorter of the two: the first missing or the first extra one.
      const column = Math.min(row.length, header.length) + 1;
      throw new SweepDataError(
        `ragged row: ${row.length} fields where the header has ${header.length}`,
        { file, line: r + 1, column },
      );
    }
    for (const { name, index, type } of readers) {
      const cell = row[index];
      if (type === "string") {
        (out[name] as string[])[r - 1] = cell;
        continue;
      }
      const value = type === "int" ? parseIntCell(cell) : parseFloatCell(cell);
      if (value === undefined) {
        throw new SweepDataError(
          `not ${type === "int" ? "a whole number" : "a number"}: ${JSON.stringify(cell)}`,
          { file, line: r + 1, column: index + 1, columnName: name },
        );
      }
      (out[name] as Int32Array | Float64Array)[r - 1] = value;
    }
  }
  return Object.assign(out, { length: n }) as Columns<S>;
}
