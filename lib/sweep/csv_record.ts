/**
 * One CSV record that holds a quote, parsed character by character as pandas' C tokenizer does:
 * a quote that starts a field opens a quoted field (commas, line ends and doubled quotes inside
 * it are text); a quote anywhere else is an ordinary character. The parse can stop where a chunk
 * ends and resume with the next one.
 * @module
 */
import { SweepDataError } from "./errors.ts";

const START = 0, UNQUOTED = 1, QUOTED = 2, QUOTE_IN_QUOTED = 3;

/** A record parser that keeps its state between chunks. */
export class RecordParser {
  /** The fields of the record just finished. */
  fields: string[] = [];
  /** Line ends inside quoted fields of the record so far. */
  innerLines = 0;
  /** True while a record is begun and not finished. */
  active = false;
  /** After a parse that returned -1: where the caller's leftover text starts. */
  keepFrom = 0;
  /** The record just finished ended at the end of the file, with no line end. */
  unterminated = false;
  private field = "";
  private state = START;
  private openedAt = 0;
  private lastWasCR = false;

  /**
   * Parses a record from `text[pos]`; returns the index just past its line end, or -1 when the
   * text runs out first (not `final`). At the end of the file a quoted field still open is an
   * error at the line where it opened (`line` is the record's first line).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const p = new RecordParser();
   * assert.equal(p.parse('a,"b,""c""\nd"\nx', 0, true, "s.csv", 1), 14); // just past the "\n"
   * assert.deepEqual(p.fields, ["a", 'b,"c"\nd']);
   * ```
   */
  parse(text: string, pos: number, final: boolean, file: string, line: number): number {
    if (!this.active) this.begin();
    const n = text.length;
    let i = pos;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.state === QUOTED) {
        let j = text.indexOf('"', i);
        if (j < 0) j = n;
        this.countLines(text, i, j);
        this.field += text.slice(i, j);
        if (j < n) {
          this.state = QUOTE_IN_QUOTED;
          this.lastWasCR = false;
        }
        i = j + 1;
      } else if (c === 10 || c === 13) {
        return this.lineEnd(text, i, final);
      } else if (c === 44) {
        this.fields.push(this.field);
        this.field = "";
        this.state = START;
        i++;
      } else if (c === 34 && this.state !== UNQUOTED) {
        if (this.state === QUOTE_IN_QUOTED) this.field += '"';
        else this.openedAt = this.innerLines;
        this.state = QUOTED;
        i++;
      } else {
        let j = i + 1;
        while (j < n && !isSpecial(text.charCodeAt(j))) j++;
        this.field += text.slice(i, j);
        this.state = UNQUOTED;
        i = j;
      }
    }
    if (!final) {
      this.keepFrom = n;
      return -1;
    }
    if (this.state === QUOTED) {
      throw new SweepDataError(
        "a quoted field opened on this line is not closed by the end of the file",
        {
          file,
          line: line + this.openedAt,
        },
      );
    }
    return this.lineEnd(text, n, final);
  }

  private begin(): void {
    this.fields = [];
    this.field = "";
    this.state = START;
    this.innerLines = 0;
    this.active = true;
    this.lastWasCR = false;
    this.unterminated = false;
  }

  /** Ends the record at the line end (or text end) at `i`, or asks for more text after a CR. */
  private lineEnd(text: string, i: number, final: boolean): number {
    if (i + 1 === text.length && text.charCodeAt(i) === 13 && !final) {
      this.keepFrom = i;
      return -1;
    }
    this.fields.push(this.field);
    this.field = "";
    this.active = false;
    this.unterminated = i === text.length;
    if (i === text.length) return i;
    return text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }

  /** Counts line ends (CRLF as one) in quoted text `text[from, to)`. */
  private countLines(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) this.innerLines++;
      else if (c === 10 && !(i === from ? this.lastWasCR : text.charCodeAt(i - 1) === 13)) {
        this.innerLines++;
      }
    }
    if (to > from) this.lastWasCR = text.charCodeAt(to - 1) === 13;
  }
}

/** A comma, a quote or a line end. */
function isSpecial(c: number): boolean {
  return c === 44 || c === 34 || c === 10 || c === 13;
}
