/**
 * `deno task notebook:bench [--runs N] [--baseline DIR] [--skip-original] [ORIGINAL.ipynb] [RUNS]`:
 * wall-clock (and CPU) time of `deno task notebook --output <temporary copy>` (Deno startup,
 * kernel startup, every cell, the probe after each cell, writing) against the original pandas
 * notebook executed by Debian's nbclient on the same machine and, with `--baseline DIR` (an
 * earlier checkout of this project, e.g. `git worktree add /tmp/base <commit>`), that checkout's
 * `deno task notebook --output <temporary copy>`: interleaved, after a warm-up run of each, with
 * medians. Each notebook saves its tables and figures into a temporary folder
 * (`SWEEP_NOTEBOOK_OUT`), removed afterwards, and reads its own checkout's
 * `results/logit_diff_sweep`. A developer's measurement, not a test: the original needs
 * python3-pandas, python3-matplotlib, python3-seaborn and python3-ipykernel (skipped, saying why,
 * without them), and its notebook lives outside the repository (default
 * `../shared/reference/seed/executed_reference.ipynb`).
 * @module
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { hasPythonModules, NOTEBOOK, privateJupyter, PYTHON } from "../../cli/notebook.ts";
import { userPath } from "../../cli/args.ts";
import { interleaved, median, type Run, timedRun } from "../../cli/bench_run.ts";
import {
  baselineMissing,
  baselineName,
  checkoutCommit,
  taskCommand,
} from "../../cli/bench_baseline.ts";
import { type Comparison, ratio, reportTable, summaryLine } from "../../cli/bench_report.ts";

export { median };

const ROOT = new URL("../..", import.meta.url).pathname;

/** The original notebook, by default. */
const ORIGINAL = "../shared/reference/seed/executed_reference.ipynb";

/** What the original notebook needs to run under nbclient. */
const MODULES = ["nbclient", "pandas", "seaborn", "matplotlib", "ipykernel"];

/** Executes a notebook with plain nbclient (the original's kernel), in place. */
const NBCLIENT = `import os, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], 4)
NotebookClient(nb, resources={"metadata": {"path": os.path.dirname(sys.argv[1])}}).execute()
nbformat.write(nb, sys.argv[1])`;

const USAGE = `Usage: deno task notebook:bench [options] [ORIGINAL.ipynb] [RUNS]

Times deno task notebook (into a temporary copy) against the original notebook run by nbclient
and, with --baseline, an earlier checkout's deno task notebook: interleaved, medians of RUNS runs
after a warm-up run of each.

Options:
  --runs N          timed runs of each (default 5; or the second positional argument)
  --baseline DIR    an earlier checkout of this project (e.g. git worktree add /tmp/base <commit>)
  --original PATH   the original notebook (or the first positional argument; default:
                    ${ORIGINAL})
  --skip-original   leave out the original notebook
`;

/**
 * A contender: `deno task notebook` of a checkout, executed into a fresh copy under `tmp` each
 * run, its saved files into a folder of their own there.
 */
function notebookTask(root: string, tmp: string, name: string): () => Promise<Run> {
  let n = 0;
  return async () => {
    const out = join(tmp, `${name}-${n++}`);
    await Deno.mkdir(out);
    const env = { SWEEP_NOTEBOOK_OUT: out };
    return await timedRun(
      taskCommand(root, "notebook", ["--output", join(out, "notebook.ipynb")], env),
    );
  };
}

/** Why the original cannot run here, or undefined. */
async function originalMissing(original: string): Promise<string | undefined> {
  if (!(await Deno.stat(original).catch(() => undefined))) return `no notebook at ${original}`;
  if (!(await hasPythonModules(MODULES))) {
    return `${PYTHON} lacks one of ${MODULES.join(", ")} (Debian: python3-nbclient ` +
      "python3-pandas python3-matplotlib python3-seaborn python3-ipykernel)";
  }
  return undefined;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string" },
      baseline: { type: "string" },
      original: { type: "string" },
      "skip-original": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) return console.log(USAGE);
  const path = (p: string) => resolve(userPath(p, Deno.env.get("INIT_CWD"), Deno.cwd()));
  const original = path(values.original ?? positionals[0] ?? join(ROOT, ORIGINAL));
  const runs = Number(values.runs ?? positionals[1] ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a whole number >= 1");
  let baseline: { dir: string; name: string } | undefined;
  if (values.baseline !== undefined) {
    const dir = path(values.baseline);
    const missing = await baselineMissing(dir, ["notebook"]);
    if (missing) throw new Error(`--baseline: ${missing}`);
    baseline = { dir, name: baselineName(dir, await checkoutCommit(dir)) };
  }
  const missing = values["skip-original"] ? "--skip-original" : await originalMissing(original);
  const dir = await Deno.makeTempDir({ prefix: "sweep-notebook-bench-" });
  try {
    const contenders: Record<string, () => Promise<Run>> = {
      notebook: notebookTask(ROOT, dir, "deno"),
    };
    if (baseline) contenders.baseline = notebookTask(baseline.dir, dir, "baseline");
    if (!missing) {
      const env = await privateJupyter(join(dir, "jupyter"));
      await Deno.mkdir(join(dir, "original", "notebooks"), { recursive: true });
      await Deno.symlink(join(ROOT, "results"), join(dir, "original", "results"));
      const copy = join(dir, "original", "notebooks", "original.ipynb");
      contenders.original = async () => {
        await Deno.copyFile(original, copy);
        return await timedRun({ cmd: PYTHON, args: ["-c", NBCLIENT, copy], env });
      };
    }
    console.log(
      `${NOTEBOOK}, deno task notebook, headless (nbclient), medians of ${runs} runs` +
        (baseline ? `; ${baseline.name}: ${baseline.dir}` : ""),
    );
    const results = await interleaved(runs, contenders);
    const label = "deno task notebook";
    console.log(summaryLine(label, results.notebook));
    const rows: Comparison[] = [];
    const compare = (name: string, reference: string, theirs: Run[]) => {
      console.log(summaryLine(name, theirs));
      const [a, b] = [results.notebook, theirs].map((r) => median(r.map((x) => x.ms)));
      console.log(`  ${label} is ${ratio(a, b)} than the ${name}`);
      rows.push({ work: `\`${label}\`, default data`, ours: results.notebook, reference, theirs });
    };
    if (missing) console.log(`  original: skipped (${missing})`);
    else compare("original (nbclient)", "the original notebook (nbclient)", results.original);
    if (baseline) compare(baseline.name, `${baseline.name}, same task`, results.baseline);
    if (rows.length) console.log(`\n${reportTable(rows)}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    Deno.exit(1);
  }
}
