/**
 * Counting the lines of a text as it streams in, independently of the CSV parser, so that every
 * line of a file can be accounted for at its end.
 * @module
 */

/** Counts lines: CRLF, CR and LF each end one; a last line without a line end counts too. */
export class LineCounter {
  private ended = 0;
  private pendingCR = false;
  private open = false;

  /**
   * Counts the line ends in the next piece of text.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const c = new LineCounter();
   * c.push("a\r");
   * c.push("\nb\rc"); // CRLF, CR and LF each end a line; "c" is a last line without one
   * assert.equal(c.lines, 3);
   * ```
   */
  push(text: string): void {
    if (text.length === 0) return;
    let lf = 0, cr = 0, crlf = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lf++;
    for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
      cr++;
      if (text.charCodeAt(i + 1) === 10) crlf++;
    }
    if (this.pendingCR && text.charCodeAt(0) === 10) crlf++;
    this.ended += lf + cr - crlf;
    const last = text.charCodeAt(text.length - 1);
    this.pendingCR = last === 13;
    this.open = last !== 10 && last !== 13;
  }

  /** Lines so far: ended ones, plus a last one without a line end. */
  get lines(): number {
    return this.ended + (this.open ? 1 : 0);
  }
}

/** Where rows break the run "one row per line": row `rows[k]` starts on line `starts[k]`. */
export interface RowStarts {
  rows: number[];
  starts: number[];
}

/**
 * The line each row of a CSV starts on, stored only where it breaks the run "one row per line"
 * (after a blank line or a record spanning lines), so keeping it costs almost nothing.
 */
export class RowLines {
  private readonly rows: number[] = [];
  private readonly lineStarts: number[] = [];
  private next = -1;

  /**
   * Records that row `row` starts on line `line` (rows in order).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const r = new RowLines();
   * r.add(0, 2);
   * r.add(1, 3);
   * r.add(2, 5); // a blank line before row 2
   * assert.equal(r.lineOf(1), 3);
   * assert.equal(r.lineOf(2), 5);
   * ```
   */
  add(row: number, line: number): void {
    if (line !== this.next) {
      this.rows.push(row);
      this.lineStarts.push(line);
    }
    this.next = line + 1;
  }

  /**
   * The rows where "one row per line" breaks and the lines they start on: all a {@link RowLines}
   * holds, as plain data (to send to another thread; {@link RowLines.from} rebuilds it).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const r = new RowLines();
   * r.add(0, 2);
   * r.add(1, 4); // a blank line before row 1
   * assert.deepEqual(r.starts(), { rows: [0, 1], starts: [2, 4] });
   * assert.equal(RowLines.from(r.starts()).lineOf(1), 4);
   * ```
   */
  starts(): RowStarts {
    return { rows: [...this.rows], starts: [...this.lineStarts] };
  }

  /** The row lines of {@link RowLines.starts} data. */
  static from(data: RowStarts): RowLines {
    const lines = new RowLines();
    data.rows.forEach((row, k) => {
      lines.rows.push(row);
      lines.lineStarts.push(data.starts[k]);
    });
    return lines;
  }

  /** The line row `row` starts on. */
  lineOf(row: number): number {
    let lo = 0, hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rows[mid] <= row) lo = mid;
      else hi = mid - 1;
    }
    return this.lineStarts[lo] + row - this.rows[lo];
  }
}
