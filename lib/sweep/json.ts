/**
 * Reading a run's `summary.json` with errors that name the file, line and column.
 * @module
 */
import { QUOTE_LIMIT, SweepDataError } from "./errors.ts";
import type { RunInfo } from "./types.ts";

/** Python's `json.dump` spellings of non-finite numbers, and the string each stands in as. */
const PYTHON_TOKENS: Record<string, [string, number]> = {
  "NaN": ['"\\u0000NaN"', NaN],
  "Infinity": ['"\\u0000Infinity"', Infinity],
  "-Infinity": ['"\\u0000-Infinity"', -Infinity],
};
const STAND_INS = new Map(
  Object.values(PYTHON_TOKENS).map(([json, value]) => [JSON.parse(json) as string, value]),
);

/**
 * Replaces bare `NaN`, `Infinity` and `-Infinity` (outside strings) by stand-in strings; returns
 * the new text and, per replacement, its offset in the new text and the length it added.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { text } = standInPythonTokens('{"a": NaN, "b": "NaN"}');
 * assert.equal(text, '{"a": "\\u0000NaN", "b": "NaN"}'); // the string "NaN" stays a string
 * ```
 */
export function standInPythonTokens(text: string): { text: string; shifts: [number, number][] } {
  const shifts: [number, number][] = [];
  let added = 0;
  const out = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (token, offset: number) => {
    const standIn = PYTHON_TOKENS[token]?.[0];
    if (standIn === undefined) return token;
    shifts.push([offset + added, standIn.length - token.length]);
    added += standIn.length - token.length;
    return standIn;
  });
  return { text: out, shifts };
}

/**
 * Parses JSON text, accepting Python's bare `NaN`/`Infinity`/`-Infinity` (as `json.dump` writes
 * them) and turning a syntax error into a {@link SweepDataError} at its line and column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseJsonText('{"a": 1, "b": NaN}', "x.json"), { a: 1, b: NaN });
 * ```
 */
export function parseJsonText(text: string, file: string): unknown {
  const { text: json, shifts } = standInPythonTokens(text);
  try {
    return JSON.parse(json, (_key, value) => STAND_INS.get(value) ?? value);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "").replace(/ in JSON at position.*$/s, "");
    let offset = errorOffset(json);
    for (const [at, extra] of shifts) if (at < offset) offset -= Math.min(extra, offset - at);
    throw new SweepDataError(`unreadable JSON: ${message.slice(0, 200)}`, {
      file,
      ...lineColumnOf(text, offset),
    });
  }
}

/** Where JSON.parse fails in `json`: the shortest prefix whose error lies inside it. */
function errorOffset(json: string): number {
  const failsInside = (k: number): boolean => {
    try {
      JSON.parse(json.slice(0, k));
      return false;
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error);
      const at = /at position (\d+)/.exec(message);
      return at ? Number(at[1]) < k : /Unexpected token|Bad control character/.test(message);
    }
  };
  let lo = 1, hi = json.length;
  if (!failsInside(hi)) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/** The 1-based line and column of a character offset (CRLF, CR and LF end lines). */
function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** A field of `object` checked by `check`, else an error saying what it should be. */
function field<T>(
  object: Record<string, unknown>,
  name: string,
  file: string,
  check: (v: unknown) => v is T,
  want: string,
): T {
  const value = object[name];
  if (!check(value)) {
    const shown = typeof value === "number" ? String(value) : JSON.stringify(value) ?? "nothing";
    const found = shown.length > QUOTE_LIMIT ? `${shown.slice(0, QUOTE_LIMIT)}...` : shown;
    throw new SweepDataError(`field "${name}" should be ${want}, found ${found}`, { file });
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
 * import assert from "node:assert/strict";
 * const info = parseRunInfo(
 *   '{"model":"4B","concept":"c","num_layers":36,"layers_tested":[1],' +
 *     '"best_layer":1,"best_delta":0.5,"top_5_layers":[1]}',
 *   "summary.json",
 * );
 * assert.equal(info.num_layers, 36);
 * assert.throws(() => parseRunInfo('{"model": 4}', "summary.json"), /^SweepDataError: summary\.json/);
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
