/**
 * `deno task bench`: whole-process timings, medians of interleaved runs, in one run:
 * - the default data: `deno task render` (load, statistics, robustness, every figure as SVG and
 *   PNG, written) against the original pandas/matplotlib notebook's code producing its outputs
 *   from a copy of the same data (skipped, saying why, without python3-pandas & co.);
 * - the 10 M-row sweep (`scratch/large10m`, written once if missing): `render --no-figures`
 *   against DuckDB's numeric core on the same files (skipped, saying why, when DuckDB is not
 *   installed in a scratch folder; see `../shared/peers/README.md`);
 * - before them, the default data's steps and figures timed one by one in one process.
 * @module
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sweepSize } from "../lib/stats/counts.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureSteps } from "../lib/pipeline/files.ts";
import { computeResults } from "../lib/pipeline/results.ts";
import { standaloneSvg } from "../lib/export/svg.ts";
import { svgToPng } from "../lib/export/png.ts";
import { megabytes, peakRss } from "../lib/export/memory.ts";
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
import { ratio, stepsLine, summaryLine } from "./bench_report.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const deno = Deno.execPath();

/** Usage text printed by `--help`. */
export const BENCH_USAGE = `Usage: deno task bench [options]

Options:
  --runs N          timed runs of each contender, after one warm-up run each (default 5)
  --original PATH   the original notebook (.ipynb) (default: ${ORIGINAL})
  --duckdb DIR      where @duckdb/node-api and duckdb_summary.mjs are (default: ${DUCKDB_DIR})
  --large DIR       the 10 M-row sweep, written there if missing (default: ${LARGE_DIR})
  --skip-original   leave out the original notebook
  --skip-large      leave out the 10 M-row sweep
  --skip-steps      leave out the step-by-step timings of the default data
`;

const log = (label: string, ms: number) =>
  console.log(
    `  ${label.padEnd(44)} ${seconds(ms).padStart(9)}   peak RSS ${megabytes(peakRss())}`,
  );

async function time<T>(label: string, work: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  log(label, ms);
  return [value, ms];
}

/** Times each step and each figure (SVG, then PNG) of one sweep, one after another, here. */
async function measure(dir: string): Promise<void> {
  const [sweep, loadMs] = await time("load", () => loadSweep(dir));
  const rows = sweepSize(sweep).samples;
  console.log(
    `  ${rows.toLocaleString("en-US")} rows: ${
      Math.round(rows / (loadMs / 1000)).toLocaleString("en-US")
    } rows/s`,
  );
  // the run's own steps, each timed as computeResults reports it (no second assembly of Results)
  const results = computeResults(
    sweep,
    { resamples: 2000, seed: 1 },
    (step, ms) => log(step === "statistics" ? "statistics" : "robustness (2,000 resamples)", ms),
  );
  const document = createDocument();
  let total = 0;
  for (const figure of figureSteps(PIPELINE)) {
    const [svg, svgMs] = await time(
      `figure ${figure.name}: svg`,
      () => standaloneSvg(figure.build(results, document)),
    );
    const [, pngMs] = await time(`figure ${figure.name}: png`, () => svgToPng(svg));
    total += svgMs + pngMs;
  }
  log("all figures, one after another", total);
}

/** A contender: `deno task render` with these arguments, into a fresh output folder each run. */
function render(tmp: string, args: string[]): () => Promise<Run> {
  let n = 0;
  return () =>
    timedRun({
      cmd: deno,
      args: ["task", "render", "--out", join(tmp, `render-${n++}`), ...args],
      cwd: ROOT,
    });
}

async function defaultData(runs: number, original: string | undefined): Promise<void> {
  const tmp = await Deno.makeTempDir({ prefix: "sweep-bench-" });
  try {
    const missing = original ? await originalMissing(original) : "--skip-original";
    const contenders: Record<string, () => Promise<Run>> = { render: render(tmp, []) };
    if (!missing) {
      const command = await originalCommand(original!, join(ROOT, DEFAULT_DATA), join(tmp, "orig"));
      contenders.original = () => timedRun(command);
    }
    console.log(`\ndefault data (${DEFAULT_DATA}), whole processes, medians of ${runs} runs:`);
    const results = await interleaved(runs, contenders);
    console.log(summaryLine("deno task render", results.render));
    console.log(stepsLine(results.render));
    if (missing) return console.log(`  original: skipped (${missing})`);
    console.log(summaryLine("original (pandas, matplotlib)", results.original));
    const [ours, theirs] = [results.render, results.original].map((r) =>
      median(r.map((x) => x.ms))
    );
    console.log(`  deno task render is ${ratio(ours, theirs)} than the original`);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

async function large(runs: number, dir: string, duckdb: string): Promise<void> {
  if (await ensureLargeSweep(dir, ROOT)) console.log(`wrote the 10 M-row sweep to ${dir}`);
  const tmp = await Deno.makeTempDir({ prefix: "sweep-bench-large-" });
  try {
    const missing = await duckdbMissing(duckdb);
    const contenders: Record<string, () => Promise<Run>> = {
      render: render(tmp, ["--data", dir, "--no-figures"]),
    };
    if (!missing) contenders.duckdb = () => timedRun(duckdbCommand(duckdb, dir));
    console.log(`\n${dir}, whole processes, medians of ${runs} runs:`);
    const results = await interleaved(runs, contenders);
    const rows = /^loaded .*?: ([\d,]+) per-sample rows/m.exec(results.render[0].stdout)?.[1];
    console.log(`  ${rows ?? "?"} per-sample rows`);
    console.log(summaryLine("render --no-figures", results.render));
    console.log(stepsLine(results.render));
    if (missing) return console.log(`  DuckDB: skipped (${missing})`);
    const own = median(results.duckdb.map((r) => Number(/"total_s":([\d.]+)/.exec(r.stdout)?.[1])));
    console.log(summaryLine("DuckDB numeric core, 2 threads", results.duckdb));
    console.log(`    DuckDB's own timer (load and queries): ${seconds(own * 1000)}`);
    const [ours, theirs] = [results.render, results.duckdb].map((r) => median(r.map((x) => x.ms)));
    console.log(`  render --no-figures is ${ratio(ours, theirs)} than DuckDB`);
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
      original: { type: "string", default: join(ROOT, ORIGINAL) },
      duckdb: { type: "string", default: join(ROOT, DUCKDB_DIR) },
      large: { type: "string", default: join(ROOT, LARGE_DIR) },
      "skip-original": { type: "boolean" },
      "skip-large": { type: "boolean" },
      "skip-steps": { type: "boolean" },
      measure: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return console.log(BENCH_USAGE), 0;
  if (values.measure) return await measure(values.measure), 0;
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number >= 1`);
  const path = (p: string) => resolve(userPath(p, Deno.env.get("INIT_CWD"), Deno.cwd()));
  if (!values["skip-steps"]) {
    console.log(`${DEFAULT_DATA}, step by step in one process:`);
    const steps = await timedRun({
      cmd: deno,
      args: ["run", "-A", import.meta.filename!, "--measure", DEFAULT_DATA],
      cwd: ROOT,
    });
    console.log(steps.stdout.trimEnd());
    if (steps.code !== 0) throw new Error(steps.stderr);
  }
  console.log(
    `\n${navigator.hardwareConcurrency} cores, load average ${loadAverage()} at the start`,
  );
  await defaultData(runs, values["skip-original"] ? undefined : path(values.original));
  if (!values["skip-large"]) await large(runs, path(values.large), path(values.duckdb));
  console.log(
    `\nload average ${loadAverage()} at the end (the bench's own runs count in it)`,
  );
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
