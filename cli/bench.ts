/**
 * `deno task bench`: in one run,
 * - first, the notebook's code cells timed one by one on the default data in one process, as the
 *   render task runs them, the slowest named, and each figure's PNG drawn again one after another
 *   (`cli/bench_cells.ts`);
 * - then whole-process timings, medians of interleaved runs after a warm-up of each contender:
 *   - the default data: `deno task render` (the notebook's cells, every figure as SVG and PNG,
 *     written) against the original pandas/matplotlib notebook's code producing its outputs from
 *     a copy of the same data (skipped, saying why, without python3-pandas & co.);
 *   - the 10 M-row sweep of full-precision floats (`scratch/large10m_full`, written once if missing): `render --no-figures`
 *     against DuckDB's numeric core on the same files (skipped, saying why, when DuckDB is not
 *     installed in a scratch folder; see `../shared/peers/README.md`);
 *   - with `--baseline DIR`, in both, the same `deno task render` of an earlier checkout of this
 *     project on the same data (its outputs in a temporary folder);
 * - last, the comparisons as a Markdown table (as the README's).
 * @module
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA, userPath } from "./args.ts";
import { interleaved, median, type Run, seconds, timedRun } from "./bench_run.ts";
import { ORIGINAL, originalCommand, originalMissing } from "./bench_original.ts";
import {
  DUCKDB_DIR,
  duckdbCommand,
  duckdbMissing,
  ensureLargeSweep,
  LARGE_DIR,
} from "./bench_large.ts";
import { baselineMissing, baselineName, checkoutCommit, taskCommand } from "./bench_baseline.ts";
import { sweepRows } from "./bench_cells.ts";
import { type Comparison, ratio, reportTable, stepsLine, summaryLine } from "./bench_report.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** Usage text printed by `--help`. */
export const BENCH_USAGE = `Usage: deno task bench [options]

Options:
  --runs N          timed runs of each contender, after one warm-up run each (default 5)
  --baseline DIR    an earlier checkout of this project (e.g. git worktree add /tmp/base <commit>):
                    its deno task render timed too, interleaved, on the same data
  --original PATH   the original notebook (.ipynb) (default: ${ORIGINAL})
  --duckdb DIR      where @duckdb/node-api and duckdb_summary.mjs are (default: ${DUCKDB_DIR})
  --large DIR       the 10 M-row sweep, written there if missing (default: ${LARGE_DIR})
  --skip-original   leave out the original notebook
  --skip-large      leave out the 10 M-row sweep
  --skip-cells      leave out the notebook's cells timed one by one
`;

/** An earlier checkout to time beside this one. */
interface Baseline {
  dir: string;
  /** How the bench's lines name it (`baseline 6b159a3`). */
  name: string;
}

/**
 * A contender: `deno task render` of a checkout with these arguments, into a fresh output folder
 * under `tmp` each run.
 */
function render(root: string, tmp: string, name: string, args: string[]): () => Promise<Run> {
  let n = 0;
  return () =>
    timedRun(taskCommand(root, "render", ["--out", join(tmp, `${name}-${n++}`), ...args]));
}

/** The rows of the sweep a render wrote (its `counts.csv`), as `86,400`, or `?`. */
async function rowsWritten(out: string): Promise<string> {
  const counts = await Deno.readTextFile(join(out, "counts.csv")).catch(() => "");
  return sweepRows(counts)?.toLocaleString("en-US") ?? "?";
}

/** Prints a baseline's lines (summary, steps, ratio) and returns its comparison. */
function compareBaseline(
  work: string,
  label: string,
  ours: Run[],
  theirs: Run[],
  baseline: Baseline,
): Comparison {
  console.log(summaryLine(baseline.name, theirs));
  console.log(stepsLine(theirs));
  const [a, b] = [ours, theirs].map((r) => median(r.map((x) => x.ms)));
  console.log(`  ${label} is ${ratio(a, b)} than the ${baseline.name} (${baseline.dir})`);
  return { work, ours, reference: `${baseline.name}, same task`, theirs };
}

async function defaultData(
  runs: number,
  original: string | undefined,
  baseline: Baseline | undefined,
): Promise<Comparison[]> {
  const tmp = await Deno.makeTempDir({ prefix: "sweep-bench-" });
  try {
    const data = join(ROOT, DEFAULT_DATA);
    const missing = original ? await originalMissing(original) : "--skip-original";
    const contenders: Record<string, () => Promise<Run>> = {
      render: render(ROOT, tmp, "render", ["--data", data]),
    };
    if (baseline) contenders.baseline = render(baseline.dir, tmp, "baseline", ["--data", data]);
    if (!missing) {
      const command = await originalCommand(original!, data, join(tmp, "orig"));
      contenders.original = () => timedRun(command);
    }
    console.log(`\ndefault data (${DEFAULT_DATA}), whole processes, medians of ${runs} runs:`);
    const results = await interleaved(runs, contenders);
    const work = `\`deno task render\`, default data (${await rowsWritten(
      join(tmp, "render-0"),
    )} rows)`;
    console.log(summaryLine("deno task render", results.render));
    console.log(stepsLine(results.render));
    const rows: Comparison[] = [];
    if (baseline) {
      rows.push(
        compareBaseline(work, "deno task render", results.render, results.baseline, baseline),
      );
    }
    if (missing) {
      console.log(`  original: skipped (${missing})`);
      return rows;
    }
    console.log(summaryLine("original (pandas, matplotlib)", results.original));
    const [ours, theirs] = [results.render, results.original].map((r) =>
      median(r.map((x) => x.ms))
    );
    console.log(`  deno task render is ${ratio(ours, theirs)} than the original`);
    const reference = "the original pandas/matplotlib code";
    return [{ work, ours: results.render, reference, theirs: results.original }, ...rows];
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

async function large(
  runs: number,
  dir: string,
  duckdb: string,
  baseline: Baseline | undefined,
): Promise<Comparison[]> {
  if (await ensureLargeSweep(dir, ROOT)) console.log(`wrote the 10 M-row sweep to ${dir}`);
  const tmp = await Deno.makeTempDir({ prefix: "sweep-bench-large-" });
  try {
    const missing = await duckdbMissing(duckdb);
    const args = ["--data", dir, "--no-figures"];
    const contenders: Record<string, () => Promise<Run>> = {
      render: render(ROOT, tmp, "render", args),
    };
    if (baseline) contenders.baseline = render(baseline.dir, tmp, "baseline", args);
    if (!missing) contenders.duckdb = () => timedRun(duckdbCommand(duckdb, dir));
    console.log(`\n${dir}, whole processes, medians of ${runs} runs:`);
    const results = await interleaved(runs, contenders);
    const rows = await rowsWritten(join(tmp, "render-0"));
    console.log(`  ${rows} per-sample rows`);
    console.log(summaryLine("render --no-figures", results.render));
    console.log(stepsLine(results.render));
    const work = `\`render --no-figures\`, ${rows} rows`;
    const comparisons: Comparison[] = [];
    if (baseline) {
      comparisons.push(
        compareBaseline(work, "render --no-figures", results.render, results.baseline, baseline),
      );
    }
    if (missing) {
      console.log(`  DuckDB: skipped (${missing})`);
      return comparisons;
    }
    const own = median(results.duckdb.map((r) => Number(/"total_s":([\d.]+)/.exec(r.stdout)?.[1])));
    console.log(summaryLine("DuckDB numeric core, 2 threads", results.duckdb));
    console.log(`    DuckDB's own timer (load and queries): ${seconds(own * 1000)}`);
    const [ours, theirs] = [results.render, results.duckdb].map((r) => median(r.map((x) => x.ms)));
    console.log(`  render --no-figures is ${ratio(ours, theirs)} than DuckDB`);
    const reference = "DuckDB numeric core, 2 threads";
    return [{ work, ours: results.render, reference, theirs: results.duckdb }, ...comparisons];
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

/** The machine's load averages (1, 5, 15 minutes). */
const loadAverage = () => Deno.loadavg().map((x) => x.toFixed(2)).join(", ");

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string", default: "5" },
      baseline: { type: "string" },
      original: { type: "string", default: join(ROOT, ORIGINAL) },
      duckdb: { type: "string", default: join(ROOT, DUCKDB_DIR) },
      large: { type: "string", default: join(ROOT, LARGE_DIR) },
      "skip-original": { type: "boolean" },
      "skip-large": { type: "boolean" },
      "skip-cells": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return console.log(BENCH_USAGE), 0;
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number >= 1`);
  const path = (p: string) => resolve(userPath(p, Deno.env.get("INIT_CWD"), Deno.cwd()));
  let baseline: Baseline | undefined;
  if (values.baseline !== undefined) {
    const dir = path(values.baseline);
    const missing = await baselineMissing(dir, ["render"]);
    if (missing) throw new Error(`--baseline: ${missing}`);
    baseline = { dir, name: baselineName(dir, await checkoutCommit(dir)) };
  }
  if (!values["skip-cells"]) {
    console.log(`${DEFAULT_DATA}, the notebook's cells one by one in one process:`);
    const cells = await timedRun({
      cmd: Deno.execPath(),
      args: ["run", "-A", join(ROOT, "cli/bench_cells.ts"), join(ROOT, DEFAULT_DATA)],
      cwd: ROOT,
    });
    console.log(cells.stdout.trimEnd());
    if (cells.code !== 0) throw new Error(cells.stderr);
  }
  console.log(
    `\n${navigator.hardwareConcurrency} cores, load average ${loadAverage()} at the start`,
  );
  if (baseline) console.log(`${baseline.name}: ${baseline.dir}`);
  const rows = await defaultData(
    runs,
    values["skip-original"] ? undefined : path(values.original),
    baseline,
  );
  if (!values["skip-large"]) {
    rows.push(...await large(runs, path(values.large), path(values.duckdb), baseline));
  }
  console.log(
    `\nload average ${loadAverage()} at the end (the bench's own runs count in it)`,
  );
  if (rows.length) console.log(`\nmedians of ${runs} runs:\n\n${reportTable(rows)}`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exitCode = await main(Deno.args);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    Deno.exitCode = 1;
  }
}
