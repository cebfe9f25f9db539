/**
 * Command-line flags of `deno task render`.
 * @module
 */
import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";

/** The default data folder: the committed sweep. */
export const DEFAULT_DATA = "results/logit_diff_sweep";

/** The notebook the render task runs by default. */
export const DEFAULT_NOTEBOOK = "notebooks/logit_diff_sweep.ipynb";

/** Usage text printed by `--help`. */
export const USAGE = `Usage: deno task render [options]

Runs the analysis notebook's code cells (no Jupyter needed) on a steering sweep folder and writes
every table, JSON file and figure its cells save into the output folder, atomically: all files or
none. Each figure is written as <name>.svg and <name>.png (2x pixel density). The flags below are
injected into the notebook's "parameters" cell, as papermill does.

Options:
  --data DIR              sweep folder (default: ${DEFAULT_DATA})
  --out DIR               output folder (default: the data folder, as the original)
  --models 4B,8B,...      models to load, in order (default: found in the folder, by size)
  --concepts a,b,...      concepts to load, in order (default: found in the folder, alphabetically)
  --layer-counts 4B=36,.. layer count per model (default: num_layers of each summary.json)
  --no-figures            write the tables and JSON only, no figures
  --resamples N           bootstrap resamples of robustness.json (default 2000, at most 1000000)
  --seed N                seed of the bootstrap and the split-half draws (default 1, 0 to 4294967295)
  --notebook PATH         the notebook to run (default: ${DEFAULT_NOTEBOOK}); its cell tagged
                          "parameters" receives the flags above
  --recover               only bring --out back to a complete set of outputs after a render that
                          was killed mid-swap (every render also does this first), then exit
  --help                  show this text

Exit codes: 0 done, 1 bad data or an output that cannot be written (the output folder is left as
it was), 2 a usage error (a flag, or --out not usable as a folder), 70 an internal error, 130
interrupted (Ctrl-C).
`;

/** Bounds of the numeric flags. */
export const LIMITS = {
  resamples: { min: 1, max: 1_000_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  layers: { min: 1, max: 100_000 },
} as const;

/** Parsed render options. */
export interface RenderArgs {
  data: string;
  out: string;
  models?: string[];
  concepts?: string[];
  layerCounts?: Record<string, number>;
  figures: boolean;
  resamples: number;
  seed: number;
  /** The notebook to run. */
  notebook: string;
  /** Only recover the output folder (roll back a killed render's swap), then exit. */
  recover: boolean;
  help: boolean;
}

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function list(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0) throw new UsageError(`${flag} needs at least one name`);
  return items;
}

/**
 * A flag's value quoted for a message, cut to 40 characters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(quoted("abc"), '"abc"');
 * assert.equal(quoted("x".repeat(50)), `"${"x".repeat(37)}..."`); // cut to 40 characters
 * ```
 */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

/**
 * A bounded whole number from a flag's value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(wholeNumber("500", "--resamples", { min: 1, max: 1_000_000 }), 500);
 * assert.throws(() => wholeNumber("0", "--resamples", { min: 1, max: 1_000_000 }), {
 *   name: "UsageError",
 *   message: '--resamples needs a whole number from 1 to 1,000,000, not "0"',
 * });
 * ```
 */
export function wholeNumber(
  value: string,
  flag: string,
  { min, max }: { min: number; max: number },
): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    const range = `${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`;
    throw new UsageError(`${flag} needs a whole number from ${range}, not ${quoted(value)}`);
  }
  return Number(value);
}

/**
 * Parses `--layer-counts 4B=36,30B-A3B=48`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseLayerCounts("4B=36,32B=64"), { "4B": 36, "32B": 64 });
 * assert.throws(() => parseLayerCounts("4B:36"), /"4B:36" is not MODEL=LAYERS/);
 * ```
 */
export function parseLayerCounts(value: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of list(value, "--layer-counts")!) {
    const match = /^([^=]+)=(\d+)$/.exec(item);
    if (!match || Number(match[2]) <= 0) {
      throw new UsageError(`--layer-counts: ${quoted(item)} is not MODEL=LAYERS (e.g. 4B=36)`);
    }
    const model = match[1].trim();
    if (Object.hasOwn(counts, model)) {
      throw new UsageError(
        `--layer-counts gives ${quoted(model)} twice (=${counts[model]} and =${match[2]}): ` +
          "give each model once",
      );
    }
    counts[model] = wholeNumber(
      match[2],
      `--layer-counts ${match[1].trim()}`,
      LIMITS.layers,
    );
  }
  return counts;
}

/**
 * Where a relative path the user typed points: `deno task` runs in the deno.json folder and sets
 * INIT_CWD to the folder the user ran it from, so a relative path run from elsewhere is resolved
 * against INIT_CWD (and so printed in full); otherwise the path is kept as given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(userPath("../data", "/p/tests", "/p"), "/p/data");
 * assert.equal(userPath("data", "/p", "/p"), "data"); // run from the project folder: as given
 * ```
 */
export function userPath(path: string, initCwd: string | undefined, cwd: string): string {
  if (path === "" || isAbsolute(path) || !initCwd || resolve(initCwd) === resolve(cwd)) {
    return path;
  }
  return resolve(initCwd, path);
}

/**
 * Parses the render task's arguments; relative --data/--out are the user's (see {@link userPath}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const args = parseRenderArgs(["--data", "d", "--models", "4B,8B"]);
 * assert.deepEqual(args, {
 *   data: "d",
 *   out: "d", // the data folder, as the original
 *   models: ["4B", "8B"],
 *   concepts: undefined,
 *   layerCounts: undefined,
 *   figures: true,
 *   resamples: 2000,
 *   seed: 1,
 *   notebook: "notebooks/logit_diff_sweep.ipynb",
 *   recover: false,
 *   help: false,
 * });
 * ```
 */
export function parseRenderArgs(
  argv: string[],
  initCwd: string | undefined = Deno.env.get("INIT_CWD"),
  cwd: string = Deno.cwd(),
): RenderArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string" },
        out: { type: "string" },
        models: { type: "string" },
        concepts: { type: "string" },
        "layer-counts": { type: "string" },
        "no-figures": { type: "boolean" },
        resamples: { type: "string" },
        seed: { type: "string" },
        notebook: { type: "string" },
        recover: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.data === "") throw new UsageError("--data needs a folder, not an empty string");
  const data = values.data === undefined ? DEFAULT_DATA : userPath(values.data, initCwd, cwd);
  const layerCounts = values["layer-counts"];
  return {
    data,
    out: values.out === undefined ? data : userPath(values.out, initCwd, cwd),
    models: list(values.models, "--models"),
    concepts: list(values.concepts, "--concepts"),
    layerCounts: layerCounts === undefined ? undefined : parseLayerCounts(layerCounts),
    figures: !values["no-figures"],
    resamples: values.resamples === undefined
      ? 2000
      : wholeNumber(values.resamples, "--resamples", LIMITS.resamples),
    seed: values.seed === undefined ? 1 : wholeNumber(values.seed, "--seed", LIMITS.seed),
    notebook: values.notebook === undefined
      ? DEFAULT_NOTEBOOK
      : userPath(values.notebook, initCwd, cwd),
    recover: values.recover ?? false,
    help: values.help ?? false,
  };
}
