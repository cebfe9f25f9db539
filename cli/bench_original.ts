/**
 * The original pandas/matplotlib notebook as `deno task bench` runs it: its code cells as one
 * Python script (Debian's python3 with python3-pandas, -matplotlib, -seaborn and -scipy; never
 * installed from here), matplotlib headless (Agg), `plt.show` a no-op, `display` printing, on a
 * temporary copy of the data laid out as the notebook expects (`notebooks/` beside
 * `results/<data>`), so its PNGs and `analysis_summary.json` are written where it writes them.
 * @module
 */
import { cp } from "node:fs/promises";
import { basename, join } from "node:path";
import { hasPythonModules, PYTHON } from "./notebook.ts";
import type { Command } from "./bench_run.ts";

/** Where the original notebook is by default, from the repository root (outside of it). */
export const ORIGINAL = "../shared/reference/seed/executed_reference.ipynb";

/** The Python modules the original imports. */
const MODULES = ["pandas", "matplotlib", "seaborn", "scipy"];

const PRELUDE = `import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
plt.show = lambda *args, **kwargs: None
def display(*objects, **kwargs):
    for o in objects:
        print(o)
`;

// VmHWM, this process's own peak: getrusage's maxrss also counts the bench's memory at the spawn.
const EPILOGUE = `
import re as _bench_re
with open("/proc/self/status") as _bench_status:
    _bench_kb = _bench_re.search(r"VmHWM:\\s+(\\d+) kB", _bench_status.read()).group(1)
print(f"bench peak RSS: {_bench_kb} kB")
`;

/**
 * The code cells of a notebook (`.ipynb` text) as one Python script, between a prelude (Agg,
 * `plt.show` a no-op, `display` printing) and an epilogue printing the peak memory. IPython
 * magics and shell lines are commented out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const notebook = JSON.stringify({
 *   cells: [
 *     { cell_type: "markdown", source: ["# Title"] },
 *     { cell_type: "code", source: ["%matplotlib inline\n", "x = 1"] },
 *     { cell_type: "code", source: "print(x)" },
 *   ],
 * });
 * const script = originalScript(notebook);
 * assert.ok(script.includes('matplotlib.use("Agg")'));
 * assert.ok(script.includes("# %matplotlib inline\nx = 1\n\nprint(x)"));
 * assert.ok(!script.includes("# Title"));
 * ```
 */
export function originalScript(notebook: string): string {
  const cells = (JSON.parse(notebook).cells as { cell_type: string; source: string | string[] }[])
    .filter((cell) => cell.cell_type === "code")
    .map((cell) => Array.isArray(cell.source) ? cell.source.join("") : cell.source)
    .map((source) => source.replace(/^([%!])/gm, "# $1"));
  return PRELUDE + "\n" + cells.join("\n\n") + "\n" + EPILOGUE;
}

/**
 * Why the original cannot run here (its notebook or a Python module is missing), or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match((await originalMissing("/no/such.ipynb"))!, /no notebook at \/no\/such.ipynb/);
 * ```
 */
export async function originalMissing(notebook: string): Promise<string | undefined> {
  if (!(await Deno.stat(notebook).catch(() => undefined))) return `no notebook at ${notebook}`;
  if (!(await hasPythonModules(MODULES))) {
    return `${PYTHON} lacks ${MODULES.join(", ")} (Debian: python3-pandas python3-matplotlib ` +
      `python3-seaborn python3-scipy)`;
  }
  return undefined;
}

/**
 * Lays out a temporary copy of the data for the original under `dir` (`results/<data's name>`
 * and `notebooks/original.py`) and returns the command that runs it there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const notebook = JSON.stringify({ cells: [{ cell_type: "code", source: "print(1)" }] });
 * await Deno.writeTextFile(`${dir}/nb.ipynb`, notebook);
 * const command = await originalCommand(`${dir}/nb.ipynb`, "results/logit_diff_sweep", dir);
 * assert.equal(command.cwd, `${dir}/notebooks`);
 * assert.ok((await Deno.stat(`${dir}/results/logit_diff_sweep/corrigible`)).isDirectory);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function originalCommand(
  notebook: string,
  data: string,
  dir: string,
): Promise<Command> {
  await cp(data, join(dir, "results", basename(data)), { recursive: true });
  await Deno.mkdir(join(dir, "notebooks"));
  const script = join(dir, "notebooks", "original.py");
  await Deno.writeTextFile(script, originalScript(await Deno.readTextFile(notebook)));
  return { cmd: PYTHON, args: [script], cwd: join(dir, "notebooks"), env: { MPLBACKEND: "Agg" } };
}
