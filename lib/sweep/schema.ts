/**
 * Column types of a typed CSV and the columns they give. Kept apart from the reader so that the
 * reader, its sinks and the sweep's types can all name them without importing one another.
 * @module
 */
import type { Dictionary } from "./columns.ts";

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
