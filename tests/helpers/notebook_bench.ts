/**
 * `deno task notebook:bench [ORIGINAL.ipynb] [RUNS]`: wall-clock time of `deno task notebook`
 * (Deno startup, kernel startup, every cell, the probe after each cell, writing) against the
 * original pandas notebook executed by Debian's nbclient on the same machine, interleaved, with
 * medians. A developer's measurement, not a test: the original needs python3-pandas,
 * python3-matplotlib, python3-seaborn and python3-ipykernel, and its notebook lives outside the
 * repository (default `../shared/reference/seed/executed_reference.ipynb`).
 * @module
 */
import { join } from "node:path";
import { hasPythonModules, NOTEBOOK, privateJupyter, PYTHON } from "../../cli/notebook.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Executes a notebook with plain nbclient (the original's kernel), in place. */
const NBCLIENT = `import os, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], 4)
NotebookClient(nb, resources={"metadata": {"path": os.path.dirname(sys.argv[1])}}).execute()
nbformat.write(nb, sys.argv[1])`;

/**
 * The median of a list of numbers.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b), mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Seconds a command takes; throws with its stderr when it fails. */
async function timed(cmd: string, args: string[], env?: Record<string, string>): Promise<number> {
  const start = performance.now();
  const { code, stderr } = await new Deno.Command(cmd, {
    args,
    env,
    stdout: "null",
    stderr: "piped",
  })
    .output();
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${new TextDecoder().decode(stderr)}`);
  return (performance.now() - start) / 1000;
}

async function main(original: string, runs: number): Promise<void> {
  if (!(await hasPythonModules(["nbclient", "pandas", "seaborn", "matplotlib", "ipykernel"]))) {
    throw new Error(
      "install python3-nbclient python3-pandas python3-matplotlib python3-seaborn python3-ipykernel",
    );
  }
  const dir = await Deno.makeTempDir({ prefix: "sweep-notebook-bench-" });
  try {
    const env = await privateJupyter(join(dir, "jupyter"));
    await Deno.mkdir(join(dir, "notebooks"));
    await Deno.symlink(join(ROOT, "results"), join(dir, "results"));
    const copy = join(dir, "notebooks", "original.ipynb");
    const ours: number[] = [], theirs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      await Deno.copyFile(original, copy);
      theirs.push(await timed(PYTHON, ["-c", NBCLIENT, copy], env));
      const args = [
        "run",
        "-A",
        join(ROOT, "cli/notebook.ts"),
        "--output",
        join(dir, "deno.ipynb"),
      ];
      ours.push(await timed(Deno.execPath(), args, { SWEEP_NOTEBOOK_OUT: dir }));
      console.log(
        `run ${run}: deno task notebook ${ours.at(-1)!.toFixed(2)} s, ` +
          `original (nbclient) ${theirs.at(-1)!.toFixed(2)} s`,
      );
    }
    const [a, b] = [median(ours), median(theirs)];
    console.log(
      `median of ${runs}: ${NOTEBOOK} ${a.toFixed(2)} s, original ${b.toFixed(2)} s: ` +
        `${(b / a).toFixed(1)}x faster`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const original = Deno.args[0] ?? join(ROOT, "../shared/reference/seed/executed_reference.ipynb");
  try {
    await main(original, Number(Deno.args[1] ?? 5));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    Deno.exit(1);
  }
}
