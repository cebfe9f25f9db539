/**
 * Errors raised on bad input: each names the file, and where a cell is at fault, its line and column.
 * @module
 */

/** Where in a file a problem sits: 1-based line and column (column counts CSV fields). */
export interface Place {
  /** The file at fault. */
  file: string;
  /** 1-based line number, when the problem is on one line. */
  line?: number;
  /** 1-based column number (a CSV field index), when the problem is in one cell. */
  column?: number;
  /** The column's header name, when known. */
  columnName?: string;
}

/**
 * A malformed sweep file: missing column, non-numeric cell, ragged row, empty or binary file,
 * unreadable JSON. The message starts with `file:line:column:` like a compiler's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const err = new SweepDataError('not a number: "abc"', { file: "a.csv", line: 3, column: 2 });
 * assert.equal(err.message, 'a.csv:3:2: not a number: "abc"');
 * ```
 */
export class SweepDataError extends Error {
  /** Where the problem is. */
  readonly place: Place;

  constructor(problem: string, place: Place) {
    super(`${formatPlace(place)}: ${problem}`);
    this.name = "SweepDataError";
    this.place = place;
  }
}

/** The most characters of file content an error message quotes. */
export const QUOTE_LIMIT = 120;

/**
 * Quotes file content for a message, cut to {@link QUOTE_LIMIT} characters however long it is.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(quoteText("abc"), '"abc"');
 * assert.equal(quoteText("x".repeat(1000)), `"${"x".repeat(120)}"... (1,000 characters)`);
 * ```
 */
export function quoteText(text: string): string {
  if (text.length <= QUOTE_LIMIT) return JSON.stringify(text);
  const shown = JSON.stringify(text.slice(0, QUOTE_LIMIT));
  return `${shown}... (${text.length.toLocaleString("en-US")} characters)`;
}

/**
 * Formats a place as `file:line:column (name)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const place = { file: "a.csv", line: 2, column: 4, columnName: "layer" };
 * assert.equal(formatPlace(place), 'a.csv:2:4 (column "layer")');
 * ```
 */
export function formatPlace(place: Place): string {
  let text = place.file;
  if (place.line !== undefined) text += `:${place.line}`;
  if (place.column !== undefined) text += `:${place.column}`;
  if (place.columnName !== undefined) text += ` (column "${place.columnName}")`;
  return text;
}
