/**
 * Reading a CSV file into typed columns as a stream (never the whole file in one string).
 * @module
 */
import { type CsvReport, TypedCsvReader } from "./csv_reader.ts";
import type { Columns, Schema } from "./schema.ts";
import { assertRegularFile } from "./files.ts";
import { assertTextBytes } from "./text.ts";
import { readFileFast } from "./fast_file.ts";

/** Bytes read from a file at a time. */
const CHUNK = 1 << 20;

/**
 * Reads a CSV file into typed columns, with a report of its lines (see {@link CsvReport}). The
 * path must be a regular file (a folder or FIFO is an error saying so); binary data (a NUL byte)
 * and invalid UTF-8 are errors at their line and column. A clean file is read by the fast path
 * (`fast_file.ts`); any other by the full reader ({@link readCsvFull}), which gives the same
 * columns and report and words every error. Only the `keep` columns are returned (all by
 * default); the others are checked all the same.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const path = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B/layer_summary.csv";
 * const { columns, report } = await readCsvFile(path, { layer: "int", delta: "float" }, {}, [
 *   "layer",
 * ]);
 * assert.equal(columns.layer[0], 11);
 * assert.ok(!("delta" in columns)); // checked, not kept
 * assert.equal(report.lineOfRow(0), 2); // the row after the header
 * ```
 */
export async function readCsvFile<S extends Schema, K extends keyof S & string = keyof S & string>(
  path: string,
  schema: S,
  expect: Readonly<Record<string, string>> = {},
  keep?: readonly K[],
): Promise<{ columns: Columns<Pick<S, K>>; report: CsvReport }> {
  await assertRegularFile(path);
  const fast = await readFileFast(path, schema, expect, keep);
  if (fast) return fast as { columns: Columns<Pick<S, K>>; report: CsvReport };
  return readFull(path, schema, expect, keep);
}

/**
 * {@link readCsvFile} with the full reader only (`csv_reader.ts`: every dialect, every error).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const path = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B/layer_summary.csv";
 * const { columns } = await readCsvFull(path, { layer: "int" });
 * assert.equal(columns.layer.length, 25);
 * ```
 */
export async function readCsvFull<S extends Schema, K extends keyof S & string = keyof S & string>(
  path: string,
  schema: S,
  expect: Readonly<Record<string, string>> = {},
  keep?: readonly K[],
): Promise<{ columns: Columns<Pick<S, K>>; report: CsvReport }> {
  await assertRegularFile(path);
  return readFull(path, schema, expect, keep);
}

/** The full reader's work, on a path already checked to be a regular file. */
async function readFull<S extends Schema, K extends keyof S & string>(
  path: string,
  schema: S,
  expect: Readonly<Record<string, string>>,
  keep?: readonly K[],
): Promise<{ columns: Columns<Pick<S, K>>; report: CsvReport }> {
  const reader = new TypedCsvReader(path, schema, expect, keep);
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const file = await Deno.open(path);
  let text = true;
  try {
    const buffer = new Uint8Array(CHUNK);
    for (let n = await file.read(buffer); n !== null; n = await file.read(buffer)) {
      const bytes = buffer.subarray(0, n);
      const chunk = bytes.indexOf(0) < 0 ? decode(decoder, bytes, true) : undefined;
      if (chunk === undefined) {
        text = false;
        break;
      }
      reader.push(chunk);
    }
    const last = text ? decode(decoder, new Uint8Array(0), false) : "";
    if (last === undefined) text = false;
    else reader.push(last);
  } finally {
    file.close();
  }
  if (!text) {
    // Not text: read the whole file again to name the line and column of the first bad byte.
    assertTextBytes(await Deno.readFile(path), path);
  }
  const columns = reader.end() as unknown as Columns<Pick<S, K>>;
  return { columns, report: reader.report() };
}

/**
 * Reads a CSV file into typed columns ({@link readCsvFile} without the report).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const path = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B/layer_summary.csv";
 * const t = await readTypedCsvFile(path, { layer: "int", delta: "float" });
 * assert.equal(t.length, 25);
 * assert.ok(t.delta instanceof Float64Array);
 * ```
 */
export async function readTypedCsvFile<S extends Schema>(
  path: string,
  schema: S,
  expect: Readonly<Record<string, string>> = {},
): Promise<Columns<S>> {
  return (await readCsvFile(path, schema, expect)).columns as unknown as Columns<S>;
}

/** Decodes a chunk; undefined when it is not valid UTF-8 (located later by `assertTextBytes`). */
function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string | undefined {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    return undefined;
  }
}
