/**
 * `deno task notebook [--output PATH]`: execute the notebook as it is, headless on the Deno
 * kernel, and write back its outputs and execution counts only, in place (or into `--output`);
 * every cell source, added cell, cell id and metadata stays as the user left it (see
 * `scripts/execute_notebook.py`, which splices the outputs into the notebook's text). Fails on
 * any cell error, naming the cell (counted from 1, markdown cells included). The kernelspec it
 * runs lives in a temporary Jupyter data folder that points at this Deno binary and is removed
 * afterwards, so nothing of the user's Jupyter setup is read or changed. Needs Debian's
 * python3-nbclient; never installs it.
 * @module
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { userPath } from "./args.ts";

/** The notebook of this project. */
export const NOTEBOOK = "notebooks/logit_diff_sweep.ipynb";

/** Debian's Python, which has python3-nbclient (pyenv's python3 may not). */
export const PYTHON = "/usr/bin/python3";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = join(ROOT, "scripts/execute_notebook.py");

/**
 * The Deno kernelspec (`kernel.json`) for a Deno binary, as `deno jupyter --install` writes it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const spec = kernelSpec("/usr/bin/deno");
 * assert.deepEqual(spec.argv, ["/usr/bin/deno", "jupyter", "--kernel", "--conn", "{connection_file}"]);
 * ```
 */
export function kernelSpec(
  deno: string,
): { argv: string[]; display_name: string; language: string } {
  return {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
  };
}

/**
 * Makes `dir` a private Jupyter home with the Deno kernelspec of this Deno binary and returns
 * the environment that points Jupyter at it (data, path, config and runtime folders).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * try {
 *   const env = await privateJupyter(dir);
 *   assert.equal(env.JUPYTER_DATA_DIR, `${dir}/data`);
 *   const spec = JSON.parse(await Deno.readTextFile(`${dir}/data/kernels/deno/kernel.json`));
 *   assert.equal(spec.argv[0], Deno.execPath()); // this Deno binary
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function privateJupyter(dir: string): Promise<Record<string, string>> {
  const data = join(dir, "data");
  await Deno.mkdir(join(data, "kernels", "deno"), { recursive: true });
  await Deno.writeTextFile(
    join(data, "kernels", "deno", "kernel.json"),
    JSON.stringify(kernelSpec(Deno.execPath()), null, 2) + "\n",
  );
  for (const sub of ["config", "runtime"]) await Deno.mkdir(join(dir, sub), { recursive: true });
  return {
    JUPYTER_DATA_DIR: data,
    JUPYTER_PATH: data,
    JUPYTER_CONFIG_DIR: join(dir, "config"),
    JUPYTER_RUNTIME_DIR: join(dir, "runtime"),
    JUPYTER_PLATFORM_DIRS: "0",
  };
}

/**
 * Whether `python` can import the Python modules named (for example `nbclient`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(await hasPythonModules(["json"]), true); // in every Python
 * assert.equal(await hasPythonModules(["no_such_module_here"]), false);
 * assert.equal(await hasPythonModules(["json"], "/no/such/python"), false);
 * ```
 */
export async function hasPythonModules(modules: string[], python = PYTHON): Promise<boolean> {
  try {
    const args = ["-c", `import ${modules.join(", ")}`];
    const { code } = await new Deno.Command(python, { args, stdout: "null", stderr: "null" })
      .output();
    return code === 0;
  } catch {
    return false;
  }
}

/**
 * Executes a notebook through Jupyter with the Deno kernel, from a temporary kernelspec, and
 * writes back only its outputs and execution counts, in place or into `output` (written only
 * when every cell ran; in place, only if the notebook did not change meanwhile); `env` is passed
 * to the kernel. Returns the exit code (0 when every cell ran). Throws when python3-nbclient is
 * missing, naming the Debian package to install.
 *
 * @example Needs Jupyter (python3-nbclient) and runs a kernel, so it is not run as a doc test;
 * `tests/notebook_test.ts` runs it.
 * ```ts ignore
 * await executeNotebook(NOTEBOOK, { output: "/tmp/run.ipynb" }); // 0 when every cell ran
 * ```
 */
export async function executeNotebook(
  notebook: string,
  options: { output?: string; env?: Record<string, string>; quiet?: boolean } = {},
): Promise<number> {
  if (!(await hasPythonModules(["nbclient", "nbformat"]))) {
    throw new Error(
      `${PYTHON} cannot import nbclient: install Debian's python3-nbclient ` +
        "(sudo apt-get install python3-nbclient)",
    );
  }
  const home = await Deno.makeTempDir({ prefix: "sweep-notebook-jupyter-" });
  try {
    const env = { ...options.env, ...(await privateJupyter(home)) };
    const args = [SCRIPT, notebook, ...(options.output ? ["--output", options.output] : [])];
    const out = options.quiet ? "null" : "inherit";
    const { code } = await new Deno.Command(PYTHON, { args, env, stdout: out, stderr: "inherit" })
      .output();
    return code;
  } finally {
    await Deno.remove(home, { recursive: true });
  }
}

/**
 * Runs `deno task notebook` with the arguments `args`; returns the exit code.
 *
 * @example Executes the project notebook (needs python3-nbclient), so not run as a doc test.
 * ```ts ignore
 * Deno.exitCode = await main(["--output", "/tmp/run.ipynb"]);
 * ```
 */
export async function main(args: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: { output: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      console.log(
        `Usage: deno task notebook [--output PATH]\n\nExecutes ${NOTEBOOK} as it is, headless ` +
          "on the Deno kernel, and writes back only its outputs and execution counts (in place " +
          "unless --output is given); fails on any cell error.",
      );
      return 0;
    }
    const output = values.output === undefined
      ? undefined
      : resolve(userPath(values.output, Deno.env.get("INIT_CWD"), Deno.cwd()));
    return await executeNotebook(join(ROOT, NOTEBOOK), { output });
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}

if (import.meta.main) Deno.exitCode = await main(Deno.args);
