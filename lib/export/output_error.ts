/**
 * Errors of the output phase: one line naming the path at fault.
 * @module
 */

/**
 * An output file or folder that cannot be written, replaced or locked. The message starts with
 * the path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const error = new OutputError("out/a.csv", "Permission denied");
 * assert.equal(error.message, "out/a.csv: Permission denied");
 * assert.equal(error.path, "out/a.csv");
 * ```
 */
export class OutputError extends Error {
  /** The path at fault. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = "OutputError";
    this.path = path;
  }
}

/**
 * The reason of a file-system error without Deno's "(os error N): op 'path'" tail, for a message
 * that names the path once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(reason(new Error("Permission denied (os error 13): open 'x'")), "Permission denied");
 * ```
 */
export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\(os error \d+\).*$/s, "").split("\n")[0].slice(0, 200);
}
