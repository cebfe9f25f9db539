/**
 * Counts lost outputs: executes the stress notebook (see stress_notebook.ts) `--runs` times while
 * `--load` busy processes load the CPU, with a runner script (`--runner`, default the project's
 * scripts/execute_notebook.py; any script taking `NOTEBOOK --output PATH`) or with plain nbclient
 * (`--nbconvert`), and prints the cells whose outputs came back incomplete, per run and in total.
 *
 *     deno run -A tests/helpers/late_output_bench.ts --runs 20 --cells 45 --load 2 [--nbconvert]
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { privateJupyter, PYTHON } from "../../cli/notebook.ts";
import { withCpuLoad } from "./cpu_load.ts";
import { incompleteCells, type Shape, stressNotebook } from "./stress_notebook.ts";

const RUNNER = new URL("../../scripts/execute_notebook.py", import.meta.url).pathname;

/** The command that executes `notebook` into `output`, by a runner script or by nbconvert. */
function command(runner: string | undefined, notebook: string, output: string): string[] {
  if (runner) return [runner, notebook, "--output", output];
  return [
    "-m",
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    "--ExecutePreprocessor.kernel_name=deno",
    "--output",
    output,
    notebook,
  ];
}

/** The late outputs the runner reports keeping in its per-cell lines, summed over the cells. */
export function lateOutputs(log: string): { afterIdle: number; stampedWithProbe: number } {
  const sum = (pattern: RegExp) =>
    [...log.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  return {
    afterIdle: sum(/(\d+) after idle/g),
    stampedWithProbe: sum(/(\d+) stamped with the probe/g),
  };
}

/**
 * Executes the stress notebook once in `dir`; returns the incomplete cells, the seconds taken
 * and what the runner printed.
 *
 * @example
 * ```ts
 * const { lost } = await runOnce(dir, env, RUNNER, SHAPE); // lost: [] when nothing was lost
 * ```
 */
export async function runOnce(
  dir: string,
  env: Record<string, string>,
  runner: string | undefined,
  shape: Shape,
): Promise<{ lost: number[]; seconds: number; log: string }> {
  const notebook = join(dir, "stress.ipynb"), output = join(dir, "executed.ipynb");
  const started = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
    args: command(runner, notebook, output),
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the run failed: ${new TextDecoder().decode(stderr)}`);
  const lost = incompleteCells(JSON.parse(await Deno.readTextFile(output)), shape);
  return { lost, seconds, log: new TextDecoder().decode(stdout) };
}

/**
 * Runs `fn` in a temporary folder holding the stress notebook (`stress.ipynb`) and a private
 * Jupyter home (`env`), while `load` busy processes load the CPU; removes the folder afterwards.
 *
 * @example
 * ```ts
 * await withStressRun(36, SHAPE, 2, (dir, env) => runOnce(dir, env, RUNNER, SHAPE));
 * ```
 */
export async function withStressRun<T>(
  cells: number,
  shape: Shape,
  load: number,
  fn: (dir: string, env: Record<string, string>) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "sweep-late-output-" });
  try {
    const env = await privateJupyter(join(dir, "jupyter"));
    const notebook = JSON.stringify(stressNotebook(cells, shape));
    await Deno.writeTextFile(join(dir, "stress.ipynb"), notebook);
    return await withCpuLoad(load, () => fn(dir, env));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      runs: { type: "string", default: "20" },
      cells: { type: "string", default: "45" },
      load: { type: "string", default: "2" },
      lines: { type: "string", default: "3" },
      rows: { type: "string", default: "400" },
      runner: { type: "string", default: RUNNER },
      nbconvert: { type: "boolean", default: false },
    },
  });
  const runner = values.nbconvert ? undefined : values.runner;
  const cells = Number(values.cells), runs = Number(values.runs);
  const shape = { lines: Number(values.lines), rows: Number(values.rows) };
  const total = await withStressRun(cells, shape, Number(values.load), async (dir, env) => {
    let lost = 0;
    for (let run = 1; run <= runs; run++) {
      const result = await runOnce(dir, env, runner, shape);
      lost += result.lost.length;
      const late = lateOutputs(result.log);
      console.log(
        `run ${run}: ${result.seconds.toFixed(2)} s, ${result.lost.length} cells lost ` +
          `[${result.lost}]; late outputs kept: ${late.afterIdle} after idle, ` +
          `${late.stampedWithProbe} stamped with the probe`,
      );
    }
    return lost;
  });
  const by = runner ?? "nbconvert (plain nbclient)";
  console.log(`${by}: ${total} of ${cells * runs} cells lost outputs over ${runs} runs`);
}

if (import.meta.main) await main();
