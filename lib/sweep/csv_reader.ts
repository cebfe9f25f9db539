/**
 * A streaming CSV reader into typed columns: text goes in chunk by chunk, rows are parsed in
 * place (no array per row) into growable typed arrays, and a bad cell is an error naming the
 * file, line and column. The dialect is RFC 4180 with pandas' leniency: a quote that does not
 * start a field is an ordinary character; CRLF, CR and LF end lines; a BOM is dropped; blank lines
 * are skipped. Every line is accounted for: header + rows + blank lines = lines read.
 * @module
 */
import { RecordParser } from "./csv_record.ts";
import { quoteText, SweepDataError } from "./errors.ts";
import { LineCounter, RowLines, type RowStarts } from "./lines.ts";
import type { Columns, Schema } from "./schema.ts";
import { makeSink, type Sink } from "./sinks.ts";

/** Longest line read (characters): no line of a sweep file comes near it; one beyond is an error. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

/** What a read saw besides the columns: its lines, and the line each row is on. */
export interface CsvReport {
  /** Lines read (CRLF, CR and LF each end one). */
  lines: number;
  /** Blank lines skipped. */
  blank: number;
  /** Rows kept (not counting the header). */
  rows: number;
  /** The last line has no line end (the file may have been cut off while written). */
  unterminated: boolean;
  /** The line a row (0-based) starts on. */
  lineOfRow(row: number): number;
  /** Records spanning several lines (a quoted field holding line ends), and the first one's lines. */
  spanning: { records: number; first: number; last: number };
  /**
   * What `lineOfRow` is computed from, as plain data (on the readers' reports), so that a report
   * can be sent to another thread and rebuilt there (see `run_transfer.ts`).
   */
  rowStarts?: RowStarts;
}

/** Reads a CSV that arrives in pieces; see `readTypedCsvFile` for files. */
export class TypedCsvReader<S extends Schema> {
  private carry = "";
  /** Pieces of a line still without a line end, joined only once one arrives (linear time). */
  private pending: string[] = [];
  private pendingChars = 0;
  private started = false;
  private line = 0;
  private recordLines = 0;
  private blank = 0;
  private rows = 0;
  private width = 0;
  private unterminated = false;
  private readonly spanning = { records: 0, first: 0, last: 0 };
  /** The next comma in the text being consumed, at or after the current field (see `lineAt`). */
  private comma = -1;
  private sinks: (Sink | undefined)[] | undefined;
  private readonly record = new RecordParser();
  private readonly counter = new LineCounter();
  private readonly rowLines = new RowLines();

  /**
   * @param expect text columns whose every cell must be the given value (a run's model and
   * concept); a cell that differs is an error at its line and column.
   * @param keep the schema columns {@link end} returns; the others are checked, not kept.
   */
  constructor(
    readonly file: string,
    readonly schema: S,
    readonly expect: Readonly<Record<string, string>> = {},
    readonly keep: readonly string[] = Object.keys(schema),
  ) {}

  /** Lines read so far (complete lines only). */
  get linesRead(): number {
    return this.line;
  }

  /** Feeds the next piece of text (a BOM at the very start is dropped). */
  push(chunk: string): void {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.counter.push(chunk);
    if (!this.record.active && !/[\r\n]/.test(chunk)) return this.hold(chunk);
    this.consume(this.takePending() + chunk, false);
    if (this.carry.length > MAX_LINE_CHARS) this.hold(""); // a quoted field that never closes
  }

  /** Ends the input and returns the columns. */
  end(): Columns<S> {
    this.consume(this.takePending(), true);
    if (!this.sinks) {
      throw new SweepDataError("empty file (no header row)", { file: this.file, line: 1 });
    }
    const lines = this.counter.lines;
    if (this.recordLines + this.blank !== lines) {
      throw new SweepDataError(
        `${lines} lines read, but the header and ${this.rows} rows take ${this.recordLines} and ` +
          `${this.blank} are blank: lines unaccounted for (a reader bug: please report it)`,
        { file: this.file },
      );
    }
    const out: Record<string, unknown> = { length: this.rows };
    const kept = new Map(this.sinks.filter((s) => s).map((s) => [s!.name, s!]));
    for (const name of Object.keys(this.schema)) {
      if (this.keep.includes(name)) out[name] = kept.get(name)!.finish();
    }
    return out as Columns<S>;
  }

  /** Lines, blank lines, rows and the line of each row (call after {@link end}). */
  report(): CsvReport {
    const { rows, blank, unterminated, rowLines } = this;
    return {
      lines: this.counter.lines,
      blank,
      rows,
      unterminated,
      lineOfRow: (r) => rowLines.lineOf(r),
      spanning: { ...this.spanning },
      rowStarts: rowLines.starts(),
    };
  }

  /** Keeps a piece of a line with no line end yet; a line past {@link MAX_LINE_CHARS} is an error. */
  private hold(chunk: string): void {
    this.pending.push(chunk);
    this.pendingChars += chunk.length;
    if (this.carry.length + this.pendingChars <= MAX_LINE_CHARS) return;
    throw new SweepDataError(
      `line ${this.line + 1} runs past ${MAX_LINE_CHARS.toLocaleString("en-US")} characters ` +
        "without a line end: not a CSV file of a sweep",
      { file: this.file, line: this.line + 1 },
    );
  }

  /** The carried text and the held pieces, joined once. */
  private takePending(): string {
    const text = this.carry + this.pending.join("");
    this.carry = "";
    this.pending = [];
    this.pendingChars = 0;
    return text;
  }

  private consume(text: string, final: boolean): void {
    const n = text.length;
    // The next LF, CR and quote at or after pos, each searched again only once passed (a text
    // without one of them is searched for it once, not once per line).
    let pos = 0, lf = -1, cr = -1, quote = -1;
    this.comma = -1;
    if (this.record.active && (pos = this.quoted(text, 0, final)) < 0) return;
    while (pos < n) {
      if (lf < pos) lf = indexOrEnd(text, "\n", pos);
      if (cr < pos) cr = indexOrEnd(text, "\r", pos);
      if (quote < pos) quote = indexOrEnd(text, '"', pos);
      const end = lf < cr ? lf : cr;
      if (quote < end) {
        if ((pos = this.quoted(text, pos, final)) < 0) return;
        continue;
      }
      if (!final && (end === n || (end === cr && end + 1 === n))) break;
      this.line++;
      this.lineAt(text, pos, end);
      if (end === n) this.unterminated = true;
      pos = end === n ? n : end === cr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
    this.carry = pos < n ? text.slice(pos) : "";
  }

  /** Parses a record holding a quote; returns where the next starts, or -1 for more text. */
  private quoted(text: string, pos: number, final: boolean): number {
    const next = this.record.parse(text, pos, final, this.file, this.line + 1);
    if (next < 0) {
      this.carry = text.slice(this.record.keepFrom);
      return -1;
    }
    this.line++;
    const cells = this.record.fields;
    if (!this.sinks) this.header(cells);
    else {
      cells.forEach((cell, i) => this.sinks![i]?.take(cell, 0, cell.length, this.line, i + 1));
      this.endRow(cells.length);
    }
    this.recordLines += this.record.innerLines;
    if (this.record.innerLines > 0 && this.spanning.records++ === 0) {
      Object.assign(this.spanning, { first: this.line, last: this.line + this.record.innerLines });
    }
    this.line += this.record.innerLines;
    this.unterminated = this.record.unterminated;
    return next;
  }

  /** One line without quotes: blank, the header, or a row. */
  private lineAt(text: string, start: number, end: number): void {
    if (isBlank(text, start, end)) {
      this.blank++;
      return;
    }
    if (!this.sinks) return this.header(text.slice(start, end).split(","));
    let field = 0, s = start;
    for (;;) {
      if (this.comma < s) this.comma = indexOrEnd(text, ",", s);
      const comma = this.comma < end ? this.comma : end;
      this.sinks[field]?.take(text, s, comma, this.line, field + 1);
      field++;
      if (comma === end) break;
      s = comma + 1;
    }
    this.endRow(field);
  }

  private endRow(fields: number): void {
    if (fields !== this.width) {
      throw new SweepDataError(`ragged row: ${fields} fields where the header has ${this.width}`, {
        file: this.file,
        line: this.line,
        // The first field past the shorter of the two: the first missing or the first extra one.
        column: Math.min(fields, this.width) + 1,
      });
    }
    this.rowLines.add(this.rows, this.line);
    this.rows++;
    this.recordLines++;
  }

  private header(cells: string[]): void {
    const names = cells.map((h) => h.trim());
    this.width = names.length;
    this.sinks = names.map(() => undefined);
    this.recordLines++;
    for (const [name, type] of Object.entries(this.schema)) {
      const index = names.indexOf(name);
      if (index < 0) {
        throw new SweepDataError(
          `missing column "${name}" (header has: ${quoteText(names.join(","))})`,
          { file: this.file, line: this.line },
        );
      }
      const store = this.keep.includes(name);
      this.sinks[index] = makeSink(this.file, name, type, this.expect[name], store);
    }
  }
}

/** `text.indexOf(s, from)`, or the text's length when absent. */
function indexOrEnd(text: string, s: string, from: number): number {
  const i = text.indexOf(s, from);
  return i < 0 ? text.length : i;
}

/** An empty line, or one of spaces and tabs only (pandas skips both). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
