/**
 * Runs a notebook's code cells as one Deno module, in this process, as the Deno kernel would:
 * with the notebook's folder as the working directory, and with parameters set after the cell
 * tagged `parameters`.
 *
 * The module is imported from a `data:application/typescript` URL: no file to write or remove,
 * positions in stack traces and syntax errors are the module's (so they map back to cell and
 * line), and Deno's emit cache is keyed by the text, which does not change with the parameters
 * (they are data). A fragment (`#run-N`) makes each run a new module instance. Bare specifiers
 * resolve through the import map of the program that calls `runNotebook` (this project's
 * deno.json: `@lib/`, `@observablehq/plot`, `d3-array`, ...); relative static imports are
 * resolved against the notebook's folder when compiling. `import.meta.url` is the data URL.
 * @module
 */
import { Buffer } from "node:buffer";
import { dirname, resolve } from "node:path";
import { compileNotebook, PARAMETERS_KEY } from "./compile.ts";
import { readNotebook } from "./ipynb.ts";
import { locateError } from "./locate.ts";

/** How to run a notebook. */
export interface RunOptions {
  /**
   * Values for the top-level `let` names of the parameters cell, set after it runs. A value's
   * type must be its default's (a string for a string, an array for an array, ...) unless
   * either is null or undefined.
   */
  parameters?: Readonly<Record<string, unknown>>;
}

/** "a string", "an array", ... or undefined for null and undefined. */
function kindOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const kind = Array.isArray(value) ? "array" : typeof value;
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/**
 * The function the injected cell calls to read a parameter: `(name, declared default)` to the
 * given value, after checking that its type is the default's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const read = parameterReader({ DATA_DIR: "/data/it's `x` ${y}", SEED: "7" });
 * assert.equal(read("DATA_DIR", "../results"), "/data/it's `x` ${y}");
 * assert.throws(() => read("SEED", 1), {
 *   message: 'parameter SEED is a number in the parameters cell, given a string: "7"',
 * });
 * ```
 */
export function parameterReader(
  parameters: Readonly<Record<string, unknown>>,
): (name: string, current: unknown) => unknown {
  return (name, current) => {
    if (!Object.hasOwn(parameters, name)) throw new Error(`no parameter ${name} was given`);
    const value = parameters[name], declared = kindOf(current), given = kindOf(value);
    if (declared && given && declared !== given) {
      throw new TypeError(
        `parameter ${name} is ${declared} in the parameters cell, given ${given}: ` +
          Deno.inspect(value, { colors: false }),
      );
    }
    return value;
  };
}

/**
 * The URL a compiled module is imported from: its text as a base64 data URL, with `#run-N`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(moduleUrl("export {};\n", 1), "data:application/typescript;base64,ZXhwb3J0IHt9Owo=#run-1");
 * ```
 */
export function moduleUrl(source: string, run: number): string {
  return `data:application/typescript;base64,${Buffer.from(source).toString("base64")}#run-${run}`;
}

let runs = 0;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the notebook at `path`: its code cells, compiled into one module (see `compileNotebook`),
 * with `options.parameters` set after the parameters cell, the working directory being the
 * notebook's folder until it ends (then restored, whatever happens). Runs are one at a time (the
 * working directory is the process's). Any error (the notebook cannot be read, a parameter is
 * wrong, a syntax error, a throw, a promise rejected and not handled before the run ends, an
 * error thrown by a timer meanwhile) rejects with one {@link NotebookError}, the first that
 * happened: `<path> cell N, line L: <message>`, its cause the original error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   const cells = [
 *     { cell_type: "markdown", metadata: {}, source: "# A notebook" },
 *     { cell_type: "code", metadata: { tags: ["parameters"] }, source: 'let NAME = "world";' },
 *     { cell_type: "code", metadata: {}, source: 'await Deno.writeTextFile("out.txt", NAME);' },
 *     { cell_type: "code", metadata: {}, source: 'const x = 1;\nthrow new Error("boom");' },
 *   ];
 *   const path = `${dir}/nb.ipynb`;
 *   await Deno.writeTextFile(path, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
 *   await assert.rejects(runNotebook(path, { parameters: { NAME: "`${x}` \"y\"" } }), {
 *     name: "NotebookError",
 *     message: `${path} cell 4, line 2: Error: boom`,
 *   });
 *   assert.equal(await Deno.readTextFile(`${dir}/out.txt`), "`${x}` \"y\""); // in its folder
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function runNotebook(path: string, options: RunOptions = {}): Promise<void> {
  const parameters = options.parameters ?? {};
  const compiled = compileNotebook(await readNotebook(path), path, parameters);
  const folder = dirname(resolve(path));
  const run = async () => {
    const url = moduleUrl(compiled.source, ++runs);
    const failures: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      failures.push(event.reason);
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      failures.push(event.error ?? new Error(event.message));
    };
    const cwd = Deno.cwd();
    // Deno 2.9 loses a dynamically imported module's top-level await once two such modules have
    // rejected: with nothing else pending it exits ("Top-level await promise never resolved").
    // A timer held for the run keeps the event loop polling; a cell that never settles hangs,
    // as in the kernel.
    const keepAlive = setInterval(() => {}, 3_600_000);
    globalThis.addEventListener("unhandledrejection", onRejection);
    globalThis.addEventListener("error", onError);
    Reflect.set(globalThis, PARAMETERS_KEY, parameterReader(parameters));
    try {
      Deno.chdir(folder);
      try {
        await import(url);
      } catch (error) {
        failures.push(error);
      }
      // A promise the module rejected and left unhandled is reported after a turn of the loop.
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      clearInterval(keepAlive);
      Deno.chdir(cwd);
      Reflect.deleteProperty(globalThis, PARAMETERS_KEY);
      globalThis.removeEventListener("unhandledrejection", onRejection);
      globalThis.removeEventListener("error", onError);
    }
    if (failures.length) throw locateError(failures[0], compiled, url);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  await result;
}
