/**
 * The fast path of the CSV reader: a byte-level parser for the common clean file (ASCII, LF or
 * CRLF line ends, no quote, no NUL, no blank line, every row as wide as the header, every cell in
 * its plain form) that writes the kept columns straight into typed arrays and only checks the
 * others. On the first thing it does not read (see `byte_cells.ts`) it stops and says so, and the
 * caller reads the file with the full reader, which words every error and warning.
 * @module
 */
import { blankLine, ByteCells, isTextByte } from "./byte_cells.ts";
import type { CsvReport } from "./csv_reader.ts";
import { ByteDictionary, resized, shrink } from "./fast_columns.ts";
import { RowLines } from "./lines.ts";
import type { Columns, Schema } from "./schema.ts";

/** What the parser does with each field of a row. */
const SKIP = 0, INT = 1, FLOAT = 2, TEXT = 3, EXPECT = 4, CHECK_INT = 5, CHECK_FLOAT = 6;

/** Returned by the parser when the file is not one it reads. */
export const DEFER = -1;

/** Reads the rows of a clean CSV from its bytes; see the module doc. */
export class FastCsvParser<S extends Schema = Schema> {
  /** Rows read so far. */
  rows = 0;
  /** The header has been read. */
  started = false;
  /** The last line has no line end. */
  unterminated = false;
  private width = 0;
  private roles = new Uint8Array(0);
  private slots = new Int32Array(0);
  private names: string[] = [];
  private ints: Int32Array[] = [];
  private floats: Float64Array[] = [];
  private dictionaries: ByteDictionary[] = [];
  private expected: Uint8Array[] = [];
  private capacity = 1024;
  private readonly cells = new ByteCells();

  /**
   * @param keep the schema columns to return (the others are only checked); all by default.
   */
  constructor(
    readonly schema: S,
    readonly expect: Readonly<Record<string, string>> = {},
    readonly keep: readonly string[] = Object.keys(schema),
  ) {}

  /**
   * Reads the header line `bytes[start, ...)`; returns where the next line starts, or
   * {@link DEFER} for a header the fast path does not read (a quote, a byte past ASCII, a
   * missing column, a blank line first).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const parser = new FastCsvParser({ a: "int" });
   * assert.equal(parser.header(new TextEncoder().encode("a,b\r\n1,2\n"), 0), 5);
   * assert.equal(new FastCsvParser({ a: "int" }).header(new TextEncoder().encode('"a"\n'), 0), -1);
   * ```
   */
  header(bytes: Uint8Array, start: number): number {
    let end = start;
    while (isTextByte(bytes[end]) || bytes[end] === 44) end++;
    const next = lineEndAfter(bytes, end);
    if (next < 0 || end === start || blankLine(bytes, start)) return DEFER;
    const names = new TextDecoder().decode(bytes.subarray(start, end)).split(",").map((h) =>
      h.trim()
    );
    if (!this.setRoles(names)) return DEFER;
    this.started = true;
    return next;
  }

  /** Gives capacity for `rows` rows in all (an estimate: more rows still fit). */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    this.ints = this.ints.map((a) => resized(a, this.rows, rows));
    this.floats = this.floats.map((a) => resized(a, this.rows, rows));
    this.capacity = rows;
  }

  /**
   * Reads the rows of the complete lines in `bytes[p, limit)` (`limit` just past a line end);
   * returns `limit`, or {@link DEFER} at the first line the fast path does not read.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const parser = new FastCsvParser({ a: "int", b: "float" });
   * const bytes = new TextEncoder().encode("a,b\n1,0.5\n2,\n");
   * assert.equal(parser.parse(bytes, parser.header(bytes, 0), bytes.length), bytes.length);
   * const { columns } = parser.finish();
   * assert.deepEqual([...columns.a, ...columns.b], [1, 2, 0.5, NaN]); // an empty cell: missing
   * ```
   */
  parse(bytes: Uint8Array, p: number, limit: number): number {
    const { roles, slots, cells, ints, floats, dictionaries, expected } = this;
    const last = this.width - 1;
    while (p < limit) {
      if (this.rows === this.capacity) return this.grow() ? this.parse(bytes, p, limit) : DEFER;
      const first = bytes[p];
      if (first === 10 || first === 13 || ((first === 32 || first === 9) && blankLine(bytes, p))) {
        return DEFER; // a blank line: the full reader skips and counts it
      }
      const row = this.rows;
      let i = p;
      for (let f = 0; f <= last; f++) {
        const slot = slots[f];
        switch (roles[f]) {
          case INT:
            ints[slot][row] = cells.int(bytes, i);
            i = cells.end;
            break;
          case FLOAT:
            floats[slot][row] = cells.float(bytes, i);
            i = cells.end;
            break;
          case CHECK_INT:
            cells.int(bytes, i);
            i = cells.end;
            break;
          case CHECK_FLOAT:
            cells.checkFloat(bytes, i);
            i = cells.end;
            break;
          case TEXT: {
            const end = cells.text(bytes, i);
            ints[slot][row] = dictionaries[slot].code(bytes, i, end);
            i = end;
            break;
          }
          case EXPECT:
            i = sameCell(expected[f], bytes, i);
            break;
          default:
            i = cells.text(bytes, i);
        }
        if (i < 0) return DEFER;
        const c = bytes[i];
        if (f < last) {
          if (c !== 44) return DEFER; // a line end before the last field, or a byte not read
          i++;
        } else if (c === 10) i++;
        else if (c === 13 && bytes[i + 1] === 10) i += 2;
        else return DEFER; // more fields than the header, a byte not read, or a CR alone
      }
      this.rows = row + 1;
      p = i;
    }
    return p;
  }

  /**
   * The columns and the read report (header + rows = lines: a file with a blank line was
   * deferred). Call once, after the last {@link parse}.
   */
  finish(): { columns: Columns<S>; report: CsvReport } {
    const rows = this.rows, out: Record<string, unknown> = { length: rows };
    const columns = new Map<string, unknown>();
    this.roles.forEach((role, f) => {
      const slot = this.slots[f], name = this.names[f];
      if (role === INT) columns.set(name, shrink(this.ints[slot], rows));
      if (role === FLOAT) columns.set(name, shrink(this.floats[slot], rows));
      if (role === TEXT) {
        const codes = shrink(this.ints[slot], rows);
        columns.set(name, { codes, values: [...this.dictionaries[slot].values] });
      }
      if (role === EXPECT && this.keep.includes(name)) {
        columns.set(name, { codes: new Int32Array(rows), values: [this.expect[name]] });
      }
    });
    for (const name of Object.keys(this.schema)) {
      if (columns.has(name)) out[name] = columns.get(name);
    }
    const rowLines = new RowLines();
    if (rows > 0) rowLines.add(0, 2);
    return {
      columns: out as Columns<S>,
      report: {
        lines: rows + 1,
        blank: 0,
        rows,
        unterminated: this.unterminated,
        lineOfRow: (r) => r + 2,
        spanning: { records: 0, first: 0, last: 0 },
        rowStarts: rowLines.starts(),
      },
    };
  }

  /** Each field's role and slot from the header names; false when a schema column is missing. */
  private setRoles(names: string[]): boolean {
    this.width = names.length;
    this.names = names;
    this.roles = new Uint8Array(names.length);
    this.slots = new Int32Array(names.length).fill(-1);
    this.expected = names.map(() => new Uint8Array(0));
    for (const [name, type] of Object.entries(this.schema)) {
      const f = names.indexOf(name);
      if (f < 0) return false;
      const kept = this.keep.includes(name);
      if (type === "string" && this.expect[name] !== undefined) {
        const bytes = new TextEncoder().encode(this.expect[name]);
        if (!bytes.every(isTextByte)) return false; // compared by the full reader (NFC)
        this.roles[f] = EXPECT;
        this.expected[f] = bytes;
      } else if (type === "string") {
        this.roles[f] = kept ? TEXT : SKIP;
        if (kept) this.dictionaries[this.slots[f] = this.addInts()] = new ByteDictionary();
      } else if (type === "int") {
        this.roles[f] = kept ? INT : CHECK_INT;
        if (kept) this.slots[f] = this.addInts();
      } else {
        this.roles[f] = kept ? FLOAT : CHECK_FLOAT;
        if (kept) this.slots[f] = this.floats.push(new Float64Array(this.capacity)) - 1;
      }
    }
    return true;
  }

  /** A new whole-number column; returns its slot. */
  private addInts(): number {
    return this.ints.push(new Int32Array(this.capacity)) - 1;
  }

  /** Half as much room again; false past what a typed array holds. */
  private grow(): boolean {
    const capacity = Math.ceil(this.capacity * 1.5) + 1024;
    if (capacity > 2 ** 30) return false;
    this.reserve(capacity);
    return true;
  }
}

/** Where `bytes[i, ...)` ends if it starts with `value` (then a comma or line end), else -1. */
function sameCell(value: Uint8Array, bytes: Uint8Array, i: number): number {
  for (let k = 0; k < value.length; k++) if (bytes[i + k] !== value[k]) return DEFER;
  return i + value.length;
}

/** Where the next line starts after a line end at `i` (LF or CRLF), or -1 for anything else. */
function lineEndAfter(bytes: Uint8Array, i: number): number {
  if (bytes[i] === 10) return i + 1;
  return bytes[i] === 13 && bytes[i + 1] === 10 ? i + 2 : DEFER;
}
