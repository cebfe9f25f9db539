/**
 * From an error of the notebook's module (a syntax error, a module that cannot be resolved, a
 * throw, a rejected promise) to a {@link NotebookError} at the cell and line it came from: the
 * innermost stack frame in the module, else the module position in the message (Deno puts the
 * position of syntax and resolution errors there), mapped through the compiled line map.
 * @module
 */
import { type CompiledNotebook, positionOf } from "./compile.ts";
import { type CellPosition, NotebookError } from "./errors.ts";

const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/** A position in some module: `<url>:<line>:<column>`, the url without spaces or parentheses. */
const URL_POSITION = /((?:file|data|https?|npm|jsr|ext):[^\s()]*?):(\d+):(\d+)/g;

/**
 * Whether `candidate` (a URL as a stack trace or message shows it) is `url`. Deno shortens a
 * long data: URL in stack frames to its first and last 20 characters around "......", the
 * fragment left out (the same text, so the same line map, whatever the run).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const url = "data:application/typescript;base64,QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=#run-1";
 * assert.equal(sameModule(url, url), true);
 * assert.equal(sameModule("data:application/typescript;base64,QUJD......WVo=", url), true);
 * assert.equal(sameModule("data:application/typescript;base64,QUJD......WVo=#run-1", url), true);
 * assert.equal(sameModule("data:application/typescript;base64,QUJD......WVa=", url), false);
 * ```
 */
export function sameModule(candidate: string, url: string): boolean {
  if (candidate === url) return true;
  const parts = candidate.split("......");
  if (parts.length !== 2 || url.length <= candidate.length || !url.startsWith(parts[0])) {
    return false;
  }
  return url.endsWith(parts[1]) || url.replace(/#.*$/, "").endsWith(parts[1]);
}

/** The first line position of module `url` in `text` (a stack, or a message), or undefined. */
function linePosition(text: string, url: string): number | undefined {
  for (const match of text.replace(ANSI, "").matchAll(URL_POSITION)) {
    if (sameModule(match[1], url)) return Number(match[2]);
  }
  return undefined;
}

/** Every way a message may spell module `url`: in full, without its fragment, shortened. */
function spellings(url: string): string[] {
  const bare = url.replace(/#.*$/, "");
  const comma = bare.indexOf(",") + 1;
  const short = bare.length > comma + 46
    ? `${bare.slice(0, comma + 20)}......${bare.slice(-20)}`
    : undefined;
  return [url, bare, ...(short ? [`${short}${url.slice(bare.length)}`, short] : [])];
}

/**
 * The text of an error for a person: `Name: message` (a message that already starts with an
 * error name, as Deno's wrapped `SyntaxError: ...`, as it is), without colours and code frames;
 * an `at <position>` line Deno appends is dropped when it is in module `url` (the notebook's,
 * placed by the caller) and kept as `(at <position>)` otherwise; `url` itself, wherever the
 * message names it, reads `label`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(errorText(new RangeError("too far")), "RangeError: too far");
 * const url = "data:application/typescript;base64,Y29uc3QgYiA9IDs=#run-1";
 * const syntax = new TypeError(
 *   "SyntaxError: Expression expected\n  |\n2 | const b = ;\n  |           ~\n" +
 *     `    at ${url}:2:11`,
 * );
 * assert.equal(errorText(syntax, url), "SyntaxError: Expression expected");
 * const missing = new TypeError(
 *   'Module not found "file:///p/lib/gone.ts".\n    at file:///p/lib/mod.ts:3:8',
 * );
 * assert.equal(
 *   errorText(missing, url),
 *   'TypeError: Module not found "file:///p/lib/gone.ts". (at file:///p/lib/mod.ts:3:8)',
 * );
 * const unmapped = new TypeError(`Import "x" not a dependency and not in import map from "${url}"`);
 * assert.equal(errorText(unmapped, url, "nb.ipynb"),
 *   'TypeError: Import "x" not a dependency and not in import map from "nb.ipynb"');
 * assert.equal(errorText("a string"), "Uncaught a string");
 * ```
 */
export function errorText(error: unknown, url?: string, label = "the notebook"): string {
  if (!(error instanceof Error)) {
    return `Uncaught ${typeof error === "string" ? error : Deno.inspect(error, { colors: false })}`;
  }
  const lines: string[] = [];
  for (const line of error.message.replace(ANSI, "").split("\n")) {
    if (/^\s*\d*\s*\|/.test(line)) continue; // a code frame
    const at = /^\s+at (\S+):(\d+):(\d+)\s*$/.exec(line);
    if (at && url !== undefined && sameModule(at[1], url)) continue;
    if (at && lines.length) lines[lines.length - 1] += ` (at ${at[1]}:${at[2]}:${at[3]})`;
    else lines.push(line.replace(/ at (?:file|data):\S+:\d+:\d+$/, "").trimEnd());
  }
  let message = lines.join("\n").trim();
  if (url !== undefined) {
    for (const spelling of spellings(url)) message = message.replaceAll(spelling, label);
  }
  return /^[A-Z]\w*(?:Error|Exception): /.test(message) ? message : `${error.name}: ${message}`;
}

/**
 * Where in the notebook `error` arose: the innermost frame of its stack in the module at `url`,
 * else the first position of that module in its message; undefined when neither names it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const compiled = { path: "nb.ipynb", source: "", parameters: [],
 *   lines: [undefined, { cell: 3, line: 1 }, { cell: 3, line: 2 }] };
 * const error = new Error("boom");
 * error.stack = "Error: boom\n    at f (file:///lib/f.ts:4:9)\n    at file:///m.ts:3:7";
 * assert.deepEqual(errorPosition(error, compiled, "file:///m.ts"), { cell: 3, line: 2 });
 * assert.equal(errorPosition(new Error("elsewhere"), compiled, "file:///m.ts"), undefined);
 * ```
 */
export function errorPosition(
  error: unknown,
  compiled: CompiledNotebook,
  url: string,
): CellPosition | undefined {
  if (!(error instanceof Error)) return undefined;
  const stackFrames = (error.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).join("\n");
  const line = linePosition(stackFrames, url) ?? linePosition(error.message, url);
  return line === undefined ? undefined : positionOf(compiled, line);
}

/**
 * The {@link NotebookError} for an error of the module at `url` compiled from a notebook: at its
 * cell and line, with {@link errorText}'s message, and the error itself as its cause. A
 * NotebookError is returned as it is.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const compiled = { path: "nb.ipynb", source: "", parameters: [],
 *   lines: [undefined, { cell: 3, line: 1 }, { cell: 3, line: 2 }] };
 * const error = new Error("boom");
 * error.stack = "Error: boom\n    at file:///m.ts:3:7";
 * const located = locateError(error, compiled, "file:///m.ts");
 * assert.equal(located.message, "nb.ipynb cell 3, line 2: Error: boom");
 * assert.equal(located.cause, error);
 * ```
 */
export function locateError(
  error: unknown,
  compiled: CompiledNotebook,
  url: string,
): NotebookError {
  if (error instanceof NotebookError) return error;
  const position = errorPosition(error, compiled, url);
  const reason = errorText(error, url, compiled.path);
  return new NotebookError(reason, { path: compiled.path, ...position, cause: error });
}
