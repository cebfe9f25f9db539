/**
 * A streaming CSV reader into typed columns: text goes in chunk by chunk, rows are parsed in
 * place (no array per row) into growable typed arrays, and a bad cell is an error naming the
 * file, line and column.
 * @module
 */
import { csvParseRows } from "d3-dsv";
import { floatInRange, intInRange } from "./cells.ts";
import { DictionaryBuilder, Growable } from "./columns.ts";
import type { Columns, ColumnType, Schema } from "./csv.ts";
import { assertNoNulByte, SweepDataError } from "./errors.ts";

/** Where one schema column's cells go. */
interface Sink {
  name: string;
  type: ColumnType;
  take(text: string, start: number, end: number, line: number, column: number): void;
  finish(): Int32Array | Float64Array | ReturnType<DictionaryBuilder["finish"]>;
}

/** Reads a CSV that arrives in pieces; see {@link readTypedCsvFile} for files. */
export class TypedCsvReader<S extends Schema> {
  private carry = "";
  private line = 0;
  private rows = 0;
  private width = 0;
  private sinks: (Sink | undefined)[] | undefined;

  /**
   * @param expect text columns whose every cell must be the given value (a run's model and
   * concept); a cell that differs is an error at its line and column.
   */
  constructor(
    readonly file: string,
    readonly schema: S,
    readonly expect: Readonly<Record<string, string>> = {},
  ) {}

  /** Lines read so far (complete lines only). */
  get linesRead(): number {
    return this.line;
  }

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    this.consume(this.carry + chunk, false);
  }

  /** Ends the input and returns the columns. */
  end(): Columns<S> {
    this.consume(this.carry, true);
    if (!this.sinks) {
      throw new SweepDataError("empty file (no header row)", { file: this.file, line: 1 });
    }
    const out: Record<string, unknown> = { length: this.rows };
    for (const sink of this.sinks) if (sink) out[sink.name] = sink.finish();
    return out as Columns<S>;
  }

  private consume(text: string, final: boolean): void {
    const quoted = text.indexOf('"') >= 0;
    let pos = 0;
    while (pos < text.length) {
      let nl = text.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) break;
        nl = text.length;
      }
      if (quoted) {
        const quote = text.indexOf('"', pos);
        if (quote >= 0 && quote < nl) {
          const end = recordEnd(text, pos, final);
          if (end < 0) break;
          const record = text.slice(pos, end).replace(/\r$/, "");
          this.line++;
          this.fields(csvParseRows(record)[0] ?? []);
          for (let i = pos; i < end; i++) if (text.charCodeAt(i) === 10) this.line++;
          pos = end + 1;
          continue;
        }
      }
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line++;
      if (end > pos) this.row(text, pos, end);
      pos = nl + 1;
    }
    this.carry = pos < text.length ? text.slice(pos) : "";
  }

  /** A record split by d3-dsv (quoted fields): header or row. */
  private fields(cells: string[]): void {
    if (!this.sinks) return this.header(cells);
    cells.forEach((cell, i) => this.sinks![i]?.take(cell, 0, cell.length, this.line, i + 1));
    this.checkWidth(cells.length);
  }

  private row(text: string, start: number, end: number): void {
    if (!this.sinks) return this.header(text.slice(start, end).split(","));
    let field = 0, s = start;
    for (;;) {
      let comma = text.indexOf(",", s);
      if (comma < 0 || comma > end) comma = end;
      this.sinks[field]?.take(text, s, comma, this.line, field + 1);
      field++;
      if (comma === end) break;
      s = comma + 1;
    }
    this.checkWidth(field);
  }

  private checkWidth(fields: number): void {
    if (fields !== this.width) {
      throw new SweepDataError(`ragged row: ${fields} fields where the header has ${this.width}`, {
        file: this.file,
        line: this.line,
        // The first field past the shorter of the two: the first missing or the first extra one.
        column: Math.min(fields, this.width) + 1,
      });
    }
    this.rows++;
  }

  private header(cells: string[]): void {
    const names = cells.map((h) => h.trim());
    this.width = names.length;
    this.sinks = names.map(() => undefined);
    for (const [name, type] of Object.entries(this.schema)) {
      const index = names.indexOf(name);
      if (index < 0) {
        throw new SweepDataError(`missing column "${name}" (header has: ${names.join(", ")})`, {
          file: this.file,
          line: this.line,
        });
      }
      this.sinks[index] = makeSink(this.file, name, type, this.expect[name]);
    }
  }
}

/** The index of the newline ending a record that starts at `pos` (quotes balanced), or -1. */
function recordEnd(text: string, pos: number, final: boolean): number {
  let inQuotes = false;
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) return i;
  }
  return final ? text.length : -1;
}

function makeSink(file: string, name: string, type: ColumnType, expected?: string): Sink {
  const fail = (text: string, start: number, end: number, line: number, column: number) => {
    throw new SweepDataError(
      `not ${type === "int" ? "a whole number" : "a number"}: ${
        JSON.stringify(text.slice(start, end))
      }`,
      { file, line, column, columnName: name },
    );
  };
  if (type === "string" && expected !== undefined) {
    // Every cell must be the expected value: check it in place and keep only the count.
    let rows = 0;
    return {
      name,
      type,
      take(text, start, end, line, column) {
        if (end - start !== expected.length || !text.startsWith(expected, start)) {
          throw new SweepDataError(
            `${name} is ${JSON.stringify(text.slice(start, end))} but the folder is for ${
              JSON.stringify(expected)
            }`,
            { file, line, column, columnName: name },
          );
        }
        rows++;
      },
      finish: () => ({ codes: new Int32Array(rows), values: [expected] }),
    };
  }
  if (type === "string") {
    const builder = new DictionaryBuilder();
    return {
      name,
      type,
      take: (t, s, e) => builder.pushRange(t, s, e),
      finish: () => builder.finish(),
    };
  }
  const values = type === "int"
    ? new Growable((n) => new Int32Array(n))
    : new Growable((n) => new Float64Array(n));
  const parse = type === "int" ? intInRange : floatInRange;
  return {
    name,
    type,
    take(text, start, end, line, column) {
      const value = parse(text, start, end);
      if (value === undefined) fail(text, start, end, line, column);
      else values.push(value);
    },
    finish: () => values.finish(),
  };
}

/** Bytes read from a file at a time. */
const CHUNK = 1 << 20;

/**
 * Reads a CSV file into typed columns as a stream (never the whole file in one string). Binary
 * data (a NUL byte) and invalid UTF-8 are errors naming the file (and the line of the NUL).
 *
 * @example
 * ```ts
 * const t = await readTypedCsvFile("layer_summary.csv", { layer: "int", delta: "float" });
 * t.delta[0];
 * ```
 */
export async function readTypedCsvFile<S extends Schema>(
  path: string,
  schema: S,
  expect: Readonly<Record<string, string>> = {},
): Promise<Columns<S>> {
  const reader = new TypedCsvReader(path, schema, expect);
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const file = await Deno.open(path);
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      const n = await file.read(buffer);
      if (n === null) break;
      const bytes = buffer.subarray(0, n);
      assertNoNulByte(bytes, path, reader.linesRead + 1);
      reader.push(decode(decoder, bytes, path, true));
    }
    reader.push(decode(decoder, new Uint8Array(0), path, false));
  } finally {
    file.close();
  }
  return reader.end();
}

function decode(decoder: TextDecoder, bytes: Uint8Array, file: string, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new SweepDataError("not valid UTF-8 text", { file });
  }
}
