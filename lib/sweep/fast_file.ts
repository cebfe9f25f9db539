/**
 * Feeding the fast CSV parser from a file: chunks read into two buffers in turn, the next read
 * under way while the current chunk is parsed (reading overlaps parsing), the part-line at a
 * chunk's end carried in front of the next chunk without copying the chunk itself.
 * @module
 */
import type { CsvReport } from "./csv_reader.ts";
import { DEFER, FastCsvParser } from "./fast_csv.ts";
import type { Columns, Schema } from "./schema.ts";

/** Bytes asked of one read. */
const CHUNK = 1 << 20;

/** Longest part-line carried between chunks; a longer line is left to the full reader. */
const CARRY = 1 << 16;

/** Where bytes come from: a file (`Deno.FsFile`), or any reader (tests cut chunks at will). */
export interface ByteSource {
  /** Reads into `buffer`; the bytes read, or null at the end. */
  read(buffer: Uint8Array): Promise<number | null>;
}

/** What the fast path read: the columns and the read report, as the full reader gives them. */
export interface FastRead<S extends Schema = Schema> {
  columns: Columns<S>;
  report: CsvReport;
}

/**
 * Reads a clean CSV from `source` with the fast parser, or returns undefined as soon as the file
 * is not one it reads (the caller then reads it with the full reader). `size`, the bytes to
 * come when known, sizes the columns.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const source = (text: string) => {
 *   const bytes = new TextEncoder().encode(text);
 *   let done = false;
 *   return {
 *     read: (b: Uint8Array) => Promise.resolve(done ? null : (done = true, b.set(bytes), bytes.length)),
 *   };
 * };
 * const read = await readFast(source("a,b\n1,0.25\n2,3"), { a: "int", b: "float" });
 * assert.deepEqual([...read!.columns.a], [1, 2]);
 * assert.equal(read!.report.unterminated, true); // the last line has no line end
 * assert.equal(await readFast(source('a,b\n1,"x"\n'), { a: "int" }), undefined); // a quote
 * ```
 */
export async function readFast<S extends Schema>(
  source: ByteSource,
  schema: S,
  expect: Readonly<Record<string, string>> = {},
  keep: readonly string[] = Object.keys(schema),
  size = 0,
): Promise<FastRead<S> | undefined> {
  const parser = new FastCsvParser(schema, expect, keep);
  const buffers = [new Uint8Array(CARRY + CHUNK + 2), new Uint8Array(CARRY + CHUNK + 2)];
  let current = 0, start = CARRY, consumed = 0, estimated = false;
  let pending = source.read(buffers[0].subarray(CARRY, CARRY + CHUNK));
  for (;;) {
    const n = await pending;
    const bytes = buffers[current];
    if (n === null) return finishLast(parser, bytes, start);
    const end = CARRY + n, next = buffers[1 - current];
    pending = source.read(next.subarray(CARRY, CARRY + CHUNK));
    const limit = bytes.lastIndexOf(10, end - 1) + 1;
    let p = start;
    if (limit > start) {
      if (!parser.started) p = parser.header(bytes, p);
      if (p !== DEFER) p = parser.parse(bytes, p, limit);
      if (p === DEFER) return abandon(pending);
      consumed += limit - start;
      if (!estimated && parser.rows > 0 && size > consumed) {
        parser.reserve(Math.ceil(parser.rows * 1.05 * size / consumed) + 64);
        estimated = true;
      }
    }
    const carried = end - p;
    if (carried > CARRY) return abandon(pending); // a line too long for the fast path
    next.set(bytes.subarray(p, end), CARRY - carried);
    start = CARRY - carried;
    current = 1 - current;
  }
}

/** Reads the last line when it has no line end (with a line end put after it), then finishes. */
function finishLast<S extends Schema>(
  parser: FastCsvParser<S>,
  bytes: Uint8Array,
  start: number,
): FastRead<S> | undefined {
  if (start < CARRY) {
    if (bytes[CARRY - 1] === 13) return undefined; // a CR alone ends the last line
    bytes[CARRY] = 10;
    let p = start;
    if (!parser.started) p = parser.header(bytes, p);
    if (p === DEFER || parser.parse(bytes, p, CARRY + 1) === DEFER) return undefined;
    parser.unterminated = true;
  }
  if (!parser.started || parser.rows === 0) return undefined; // empty or header only: worded
  return parser.finish();
}

/** Lets the read under way end before giving up (its buffer is not reused meanwhile). */
async function abandon(pending: Promise<number | null>): Promise<undefined> {
  await pending;
  return undefined;
}

/**
 * {@link readFast} on a file; undefined when the full reader must read it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const path = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B/per_sample_all_layers.csv";
 * const read = await readFileFast(path, { layer: "int", logit_diff_matching: "float" });
 * assert.equal(read?.columns.length, 3000);
 * assert.equal(read?.report.lineOfRow(0), 2);
 * ```
 */
export async function readFileFast<S extends Schema>(
  path: string,
  schema: S,
  expect: Readonly<Record<string, string>> = {},
  keep: readonly string[] = Object.keys(schema),
): Promise<FastRead<S> | undefined> {
  const file = await Deno.open(path);
  try {
    const { size } = await file.stat();
    return await readFast(file, schema, expect, keep, size);
  } finally {
    file.close();
  }
}
