/**
 * `deno task notebook`: execute the notebook headless on the Deno kernel, in place (or into
 * `--output`), failing on any cell error. Installs the Deno kernelspec, and on a machine where
 * Debian's python3-nbclient is missing installs it with apt when running as root.
 * @module
 */
import { parseArgs } from "node:util";

/** The notebook of this project. */
export const NOTEBOOK = "notebooks/logit_diff_sweep.ipynb";

/** Debian's Python, which has python3-nbclient (pyenv's python3 may not). */
const PYTHON = "/usr/bin/python3";

const SCRIPT = new URL("../scripts/execute_notebook.py", import.meta.url).pathname;

async function run(cmd: string, args: string[], env?: Record<string, string>): Promise<number> {
  const { code } = await new Deno.Command(cmd, { args, env, stdout: "inherit", stderr: "inherit" })
    .output();
  return code;
}

async function quiet(cmd: string, args: string[]): Promise<boolean> {
  try {
    const { code } = await new Deno.Command(cmd, { args, stdout: "null", stderr: "null" }).output();
    return code === 0;
  } catch {
    return false;
  }
}

/**
 * Makes sure Jupyter can run the Deno kernel here: python3-nbclient (installed with apt when
 * missing and running as root) and the Deno kernelspec for this Deno binary.
 *
 * @example
 * ```ts
 * await ensureJupyter();
 * ```
 */
export async function ensureJupyter(): Promise<void> {
  if (!(await quiet(PYTHON, ["-c", "import nbclient, nbformat"]))) {
    if (Deno.uid() !== 0 || !(await quiet("apt-get", ["--version"]))) {
      throw new Error(
        "python3-nbclient is missing: install it with `sudo apt-get install python3-nbclient`",
      );
    }
    console.error("installing python3-nbclient with apt-get ...");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (
      await run("apt-get", ["update", "-qq"], env) !== 0 ||
      await run("apt-get", ["install", "-y", "-qq", "python3-nbclient"], env) !== 0
    ) {
      throw new Error("apt-get could not install python3-nbclient");
    }
  }
  if (!(await quiet(Deno.execPath(), ["jupyter", "--install", "--force"]))) {
    throw new Error(`${Deno.execPath()} jupyter --install --force failed`);
  }
}

/**
 * Executes a notebook through Jupyter with the Deno kernel; `env` is passed to the kernel.
 * Returns the exit code (0 when every cell ran).
 *
 * @example
 * ```ts
 * await executeNotebook(NOTEBOOK, { output: "/tmp/run.ipynb" });
 * ```
 */
export async function executeNotebook(
  notebook: string,
  options: { output?: string; env?: Record<string, string> } = {},
): Promise<number> {
  await ensureJupyter();
  const args = [SCRIPT, notebook, ...(options.output ? ["--output", options.output] : [])];
  return await run(PYTHON, args, options.env);
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { output: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(
      `Usage: deno task notebook [--output PATH]\n\nExecutes ${NOTEBOOK} headless ` +
        "on the Deno kernel, in place unless --output is given; fails on any cell error.",
    );
  } else {
    try {
      Deno.exitCode = await executeNotebook(NOTEBOOK, { output: values.output });
    } catch (error) {
      console.error(`error: ${error instanceof Error ? error.message : error}`);
      Deno.exitCode = 1;
    }
  }
}
