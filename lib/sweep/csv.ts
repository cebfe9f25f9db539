/**
 * Typed CSV: column types, the columns they give, and parsing a CSV held in a string (a file is
 * read as a stream by `readTypedCsvFile` in `csv_reader.ts`, with the same reader).
 * @module
 */
import type { Dictionary } from "./columns.ts";
import { TypedCsvReader } from "./csv_reader.ts";
import { assertNoNulByte, SweepDataError } from "./errors.ts";

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
 * Decodes a file's bytes as UTF-8 text, refusing binary data (NUL bytes, invalid UTF-8).
 *
 * @example
 * ```ts
 * decodeText(new TextEncoder().encode("a,b\n"), "x.csv"); // "a,b\n"
 * ```
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  assertNoNulByte(bytes, file);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new SweepDataError("not valid UTF-8 text", { file });
  }
}

/**
 * Parses CSV text into typed columns. The first row is the header; every column of the schema
 * must be in it; blank lines are skipped (as pandas does). Lines are numbered from 1 (the header).
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
