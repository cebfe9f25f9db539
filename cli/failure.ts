/**
 * What the user sees when a run stops: one line (at most {@link MAX_MESSAGE} characters), and an
 * exit code: 2 a usage error, 1 bad data, an output problem or an error of the notebook's cells,
 * 130 interrupted, 70 a bug of the task itself.
 * @module
 */
import { UsageError } from "./args.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { OutputError } from "../lib/export/output_error.ts";
import { NotebookError } from "../lib/notebook/errors.ts";

/** Longest message printed. */
export const MAX_MESSAGE = 400;

/** Where internal errors are to be reported. */
export const REPORT_HINT = "please report this at the project's issue tracker with the command " +
  "you ran (set SWEEP_DEBUG=1 to print the stack)";

/**
 * One line of at most `max` characters: newlines become spaces, the middle is cut.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(oneLine("a\nb"), "a b");
 * assert.equal(oneLine("x".repeat(30), 15), "xxxxx ... xxxxx"); // the middle cut
 * ```
 */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  if (flat.length <= max) return flat;
  const half = Math.floor((max - 5) / 2);
  return `${flat.slice(0, half)} ... ${flat.slice(flat.length - half)}`;
}

/** Whether an error is the operating system's (file missing, permission, disk full, ...). */
function isSystemError(error: unknown): error is Error {
  return Object.values(Deno.errors).some((kind) => error instanceof kind);
}

/**
 * The exit code and the line to print for an error that ended a run. An error of the notebook
 * (a {@link NotebookError}: a cell threw, or the notebook cannot be read or compiled) exits 1:
 * when a cell stopped on bad data or an output that cannot be written, the line is that error's
 * own, which names the data file and line (`error: a.csv:3: not a number`); otherwise it is the
 * notebook's position and reason (`error: nb.ipynb cell 5, line 2: Error: boom`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UsageError } from "./args.ts";
 * import { NotebookError } from "../lib/notebook/errors.ts";
 * import { SweepDataError } from "../lib/sweep/errors.ts";
 * assert.deepEqual(failure(new UsageError("--seed needs a whole number")), {
 *   code: 2,
 *   message: "error: --seed needs a whole number (see --help)",
 * });
 * assert.equal(failure(new TypeError("x is undefined")).code, 70); // a bug
 * const cause = new SweepDataError("not a number", { file: "a.csv", line: 3 });
 * const where = { path: "nb.ipynb", cell: 5, line: 2 };
 * assert.deepEqual(failure(new NotebookError(`SweepDataError: ${cause}`, { ...where, cause })), {
 *   code: 1,
 *   message: "error: a.csv:3: not a number", // the data file and line
 * });
 * assert.deepEqual(failure(new NotebookError("Error: boom", where)), {
 *   code: 1,
 *   message: "error: nb.ipynb cell 5, line 2: Error: boom", // a cell's own error: its place
 * });
 * ```
 */
export function failure(error: unknown, interrupted = false): { code: number; message: string } {
  if (error instanceof UsageError) {
    return { code: 2, message: `error: ${oneLine(error.message)} (see --help)` };
  }
  if (error instanceof NotebookError) {
    const cause = error.cause, inCell = error.cell !== undefined;
    const dataOrOutput = cause instanceof SweepDataError || cause instanceof OutputError ||
      isSystemError(cause);
    if (inCell && dataOrOutput) return failure(cause, interrupted);
    return { code: 1, message: `error: ${oneLine(error.message)}` };
  }
  if (error instanceof OutputError && interrupted) {
    return { code: 130, message: `error: ${oneLine(error.message)}` };
  }
  if (error instanceof SweepDataError || error instanceof OutputError || isSystemError(error)) {
    return { code: 1, message: `error: ${oneLine(error.message)}` };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 70, message: `internal error: ${oneLine(text, 200)}; ${REPORT_HINT}` };
}

/**
 * Prints the failure's line (and the stack when SWEEP_DEBUG=1) and returns its exit code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SweepDataError } from "../lib/sweep/errors.ts";
 * const printed: unknown[] = [];
 * const error = console.error;
 * console.error = (text: unknown) => printed.push(text);
 * try {
 *   const code = reportFailure(new SweepDataError("not a number", { file: "a.csv", line: 3 }));
 *   assert.equal(code, 1); // bad data: exit 1
 * } finally {
 *   console.error = error;
 * }
 * assert.deepEqual(printed, ["error: a.csv:3: not a number"]);
 * ```
 */
export function reportFailure(error: unknown, interrupted = false): number {
  const { code, message } = failure(error, interrupted);
  console.error(message);
  let debug = false;
  try {
    debug = Deno.env.get("SWEEP_DEBUG") === "1";
  } catch {
    // no --allow-env: no stack
  }
  if (debug && error instanceof Error && error.stack) console.error(error.stack);
  return code;
}
