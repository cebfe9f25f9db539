/** Test helper: feeding a CSV reader its text in pieces cut at given offsets. */
import type { Schema } from "../../lib/sweep/schema.ts";
import { TypedCsvReader } from "../../lib/sweep/csv_reader.ts";

/** Reads `text` pushed in pieces cut at `cuts` (any order, taken modulo the length + 1). */
export function readInChunks<S extends Schema>(text: string, schema: S, cuts: number[] = []) {
  const reader = new TypedCsvReader("s.csv", schema);
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
  let from = 0;
  for (const p of [...points, text.length]) {
    reader.push(text.slice(from, p));
    from = p;
  }
  return { columns: reader.end(), report: reader.report() };
}
