/**
 * Typed CSV: parsing a CSV held in a string into the columns of a schema (`schema.ts`; a file is
 * read as a stream by `readTypedCsvFile` in `csv_file.ts`, with the same reader).
 * @module
 */
import { TypedCsvReader } from "./csv_reader.ts";
import type { Columns, Schema } from "./schema.ts";

/** Decoding a file's bytes (kept here for `lib/mod.ts` users; it lives in `text.ts`). */
export { decodeText } from "./text.ts";

/**
 * Parses CSV text into typed columns. The first row is the header; every column of the schema
 * must be in it; blank lines are skipped (as pandas does). Lines are numbered from 1 (the header);
 * the dialect is described in `csv_reader.ts`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const t = parseTypedCsv("layer,delta\n3,0.5\n", "s.csv", { layer: "int", delta: "float" });
 * assert.deepEqual([t.length, t.layer[0], t.delta[0]], [1, 3, 0.5]);
 * assert.throws(
 *   () => parseTypedCsv("layer\nx\n", "s.csv", { layer: "int" }),
 *   /^SweepDataError: s\.csv:2:1 \(column "layer"\): not a whole number/,
 * );
 * ```
 */
export function parseTypedCsv<S extends Schema>(text: string, file: string, schema: S): Columns<S> {
  const reader = new TypedCsvReader(file, schema);
  reader.push(text);
  return reader.end();
}
