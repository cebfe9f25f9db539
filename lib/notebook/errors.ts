/**
 * The one error a notebook run gives: `<notebook path> cell N, line L: <message>`, where cell N
 * is the Nth cell of the notebook counted from 1 as a person counts them, markdown and raw cells
 * included (not the execution count `[n]` Jupyter shows beside a code cell), and line L is the
 * line within that cell, from 1.
 * @module
 */

/** A place in a notebook: the cell (from 1, every cell counted) and the line in it (from 1). */
export interface CellPosition {
  cell: number;
  line: number;
}

/** Where a {@link NotebookError} happened, and what caused it. */
export interface NotebookErrorOptions {
  /** The notebook, as the caller named it. */
  path: string;
  /** The cell (from 1, every cell counted), when known. */
  cell?: number;
  /** The line within the cell (from 1), when known. */
  line?: number;
  /** The original error (for debugging; its stack is not part of the message). */
  cause?: unknown;
}

/**
 * An error of a notebook: reading, compiling or running it. Its message is one line (or the
 * original message's lines) with no stack trace: `<path> cell N, line L: <reason>`, or
 * `<path> cell N: <reason>` when the line is not known, or `<path>: <reason>`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const error = new NotebookError("Error: boom", { path: "nb.ipynb", cell: 3, line: 2 });
 * assert.equal(error.message, "nb.ipynb cell 3, line 2: Error: boom");
 * assert.equal(error.reason, "Error: boom");
 * assert.equal(new NotebookError("not valid JSON", { path: "nb.ipynb" }).message,
 *   "nb.ipynb: not valid JSON");
 * ```
 */
export class NotebookError extends Error {
  /** The notebook, as the caller named it. */
  readonly path: string;
  /** The cell (from 1, every cell counted), when known. */
  readonly cell: number | undefined;
  /** The line within the cell (from 1), when known. */
  readonly line: number | undefined;
  /** The message without the position. */
  readonly reason: string;

  constructor(reason: string, { path, cell, line, cause }: NotebookErrorOptions) {
    const where = cell === undefined
      ? ""
      : ` cell ${cell}${line === undefined ? "" : `, line ${line}`}`;
    super(`${path}${where}: ${reason}`, cause === undefined ? undefined : { cause });
    this.name = "NotebookError";
    this.path = path;
    this.cell = cell;
    this.line = cell === undefined ? undefined : line;
    this.reason = reason;
  }
}
