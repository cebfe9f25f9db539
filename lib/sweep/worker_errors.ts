/**
 * Errors across a worker boundary: an error thrown in a worker is sent as plain data and thrown
 * again on the main thread as the same kind of error with the same message, so that the user
 * sees the same line and exit code whichever thread read the file: bad data
 * (`SweepDataError`), the system's (`Deno.errors.*`: a file that cannot be read), or a bug.
 * @module
 */
import { type Place, SweepDataError } from "./errors.ts";

/** An error as plain data. */
export interface ErrorData {
  kind: "data" | "system" | "other";
  name: string;
  message: string;
  place?: Place;
  stack?: string;
}

/**
 * An error as plain data (for `postMessage`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SweepDataError } from "./errors.ts";
 * const data = errorData(new SweepDataError("not a number", { file: "a.csv", line: 3 }));
 * assert.deepEqual([data.kind, data.message], ["data", "a.csv:3: not a number"]);
 * ```
 */
export function errorData(error: unknown): ErrorData {
  if (error instanceof SweepDataError) {
    return { kind: "data", name: error.name, message: error.message, place: error.place };
  }
  if (error instanceof Error) {
    const system = Object.entries(Deno.errors).find(([, kind]) => error instanceof kind);
    const name = system ? system[0] : error.name;
    return { kind: system ? "system" : "other", name, message: error.message, stack: error.stack };
  }
  return { kind: "other", name: "Error", message: String(error) };
}

/**
 * The error of {@link errorData} rebuilt: the same class (SweepDataError, the Deno error of that
 * name, else Error with the name) and message.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SweepDataError } from "./errors.ts";
 * const error = new SweepDataError("not a number", { file: "a.csv", line: 3, column: 2 });
 * const back = reviveError(structuredClone(errorData(error)));
 * assert.ok(back instanceof SweepDataError);
 * assert.equal(back.message, error.message);
 * assert.ok(reviveError(errorData(new Deno.errors.PermissionDenied("no"))) instanceof
 *   Deno.errors.PermissionDenied);
 * ```
 */
export function reviveError(data: ErrorData): Error {
  let error: Error;
  if (data.kind === "data") {
    error = new SweepDataError("", data.place ?? { file: "" });
  } else if (data.kind === "system" && data.name in Deno.errors) {
    const Kind = Deno.errors[data.name as keyof typeof Deno.errors] as new (m: string) => Error;
    error = new Kind(data.message);
  } else {
    error = new Error(data.message);
    error.name = data.name;
  }
  error.message = data.message;
  if (data.stack) error.stack = data.stack;
  return error;
}
