/**
 * Typed CSV: column types, the columns they give, and parsing a CSV held in a string (a file is
 * read as a stream by `readTypedCsvFile` in `csv_file.ts`, with the same reader).
 * @module
 */
import type { Dictionary } from "./columns.ts";
import { TypedCsvReader } from "./csv_reader.ts";

/** Decoding a file's bytes (kept here for `lib/mod.ts` users; it lives in `text.ts`). */
export { decodeText } from "./text.ts";

/** How a column's cells are read: whole numbers, floating-point numbers, or text. */
export type ColumnType = "int" | "float" | "string";

/** Column name to type; the file must hold every named column (others are ignored). */
export type Schema = Readonly<Record<string, ColumnType>>;

/** The array that holds one column of a given type (text is dictionary-encoded). */
export type ColumnOf<T extends ColumnType> = T extends "int" ? Int32Array
  : T extends "float" ? Float64Array
  : Dictionary;

/** Parsed columns of a schema, with the row count. */
export type Columns<S extends Schema> = { [K in keyof S]: ColumnOf<S[K]> } & { length: number };

/**
 * Parses CSV text into typed columns. The first row is the header; every column of the schema
 * must be in it; blank lines are skipped (as pandas does). Lines are numbered from 1 (the header);
 * the dialect is described in `csv_reader.ts`.
 *
 * @example
 * ```ts
 * const t = parseTypedCsv("layer,delta\n3,0.5\n", "s.csv", { layer: "int", delta: "float" });
 * t.length;   // 1
 * t.layer[0]; // 3
 * ```
 */
export function parseTypedCsv<S extends Schema>(text: string, file: string, schema: S): Columns<S> {
  const reader = new TypedCsvReader(file, schema);
  reader.push(text);
  return reader.end();
}
