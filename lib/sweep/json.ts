/**
 * Reading a run's `summary.json` with errors that name the file, line and column.
 * @module
 */
import { SweepDataError } from "./errors.ts";
import type { RunInfo } from "./types.ts";

/**
 * Parses JSON text, turning a syntax error into a {@link SweepDataError} at its line and column.
 *
 * @example
 * ```ts
 * parseJsonText('{"a": 1}', "x.json"); // { a: 1 }
 * ```
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const place = at
      ? { file, line: Number(at[1]), column: Number(at[2]) }
      : position
      ? { file, ...lineColumnOf(text, Number(position[1])) }
      : { file };
    throw new SweepDataError(`unreadable JSON: ${message}`, place);
  }
}

function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function field<T>(
  object: Record<string, unknown>,
  name: string,
  file: string,
  check: (v: unknown) => v is T,
  want: string,
): T {
  const value = object[name];
  if (!check(value)) {
    throw new SweepDataError(`field "${name}" should be ${want}, found ${JSON.stringify(value)}`, {
      file,
    });
  }
  return value;
}

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isNumber = (v: unknown): v is number => typeof v === "number";
const isString = (v: unknown): v is string => typeof v === "string";
const isIntArray = (v: unknown): v is number[] => Array.isArray(v) && v.every(isInt);

/**
 * Reads a run's `summary.json`, checking each field's type.
 *
 * @example
 * ```ts
 * const info = parseRunInfo('{"model":"4B","concept":"c","num_layers":36,"layers_tested":[1],' +
 *   '"best_layer":1,"best_delta":0.5,"top_5_layers":[1]}', "summary.json");
 * info.num_layers; // 36
 * ```
 */
export function parseRunInfo(text: string, file: string): RunInfo {
  const value = parseJsonText(text, file);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SweepDataError("expected a JSON object", { file, line: 1, column: 1 });
  }
  const o = value as Record<string, unknown>;
  const numLayers = field(o, "num_layers", file, isInt, "a whole number");
  if (numLayers <= 0) {
    throw new SweepDataError(`field "num_layers" should be positive, found ${numLayers}`, { file });
  }
  return {
    model: field(o, "model", file, isString, "a string"),
    concept: field(o, "concept", file, isString, "a string"),
    num_layers: numLayers,
    layers_tested: field(o, "layers_tested", file, isIntArray, "a list of whole numbers"),
    best_layer: field(o, "best_layer", file, isInt, "a whole number"),
    best_delta: field(o, "best_delta", file, isNumber, "a number"),
    top_5_layers: field(o, "top_5_layers", file, isIntArray, "a list of whole numbers"),
  };
}
