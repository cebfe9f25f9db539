/**
 * `deno task render`: load a sweep, run the analysis, write the file of every step of the
 * pipeline description (tables, JSON, figures) atomically, with timings.
 * @module
 */
import { parseRenderArgs, type RenderArgs, USAGE } from "./args.ts";
import { reportFailure } from "./failure.ts";
import { checkOutFolder } from "./out_folder.ts";
import { sweepSize } from "../lib/stats/counts.ts";
import { type OutputFile, writeOutputsAtomic, type WriteResult } from "../lib/export/atomic.ts";
import { chainCheckpoints, faultCheckpoint } from "../lib/export/faults.ts";
import { guardInterrupts } from "../lib/export/interrupt.ts";
import { megabytes, peakRss } from "../lib/export/memory.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { dataSteps, fileName, fileText } from "../lib/pipeline/files.ts";
import { startFigureWorker } from "../lib/pipeline/figure_thread.ts";
import { resultsOf } from "../lib/pipeline/results.ts";
import { loadAnalysed, type SweepLoadOptions } from "../lib/pipeline/sweep_loading.ts";

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;
const count = (n: number) => n.toLocaleString("en-US");

/** The loader's options from the flags. */
function loadOptions(args: RenderArgs): SweepLoadOptions {
  return {
    models: args.models,
    concepts: args.concepts,
    layerCounts: args.layerCounts,
    allowDuplicates: args.allowDuplicates,
    workers: args.workers,
    robustness: { resamples: args.resamples, seed: args.seed },
  };
}

/**
 * Writes the files all-or-nothing; Ctrl-C during the write rolls it back. Returns what was
 * written, and whether a signal arrived (the exit code is then 130).
 */
async function writeAll(out: string, files: OutputFile[]): Promise<WriteResult> {
  const guard = guardInterrupts(out);
  try {
    const checkpoint = chainCheckpoints(
      faultCheckpoint(Deno.env.get("SWEEP_WRITE_FAULT")),
      guard.checkpoint,
    );
    const result = await writeOutputsAtomic(out, files, { checkpoint });
    if (guard.interrupted()) {
      console.error(`interrupted after the outputs were complete in ${out}`);
      Deno.exitCode = 130;
    }
    return result;
  } catch (error) {
    if (guard.interrupted()) Deno.exitCode = 130;
    throw error;
  } finally {
    guard.dispose();
  }
}

/** Runs the render task; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseRenderArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  await checkOutFolder(args.out);
  if (args.recover) return 0; // --recover: checkOutFolder has brought the folder back; nothing else
  // The figures' thread loads its libraries while this one loads the data; closed on every path.
  using figureWorker = args.figures ? startFigureWorker() : undefined;
  let t0 = performance.now();
  const loaded = await loadAnalysed(args.data, loadOptions(args));
  const { sweep, workers } = loaded;
  const { samples: rows, summaries } = sweepSize(sweep);
  console.log(
    `loaded ${args.data}: ${count(rows)} per-sample rows, ${count(summaries)} layer summaries, ` +
      `${sweep.runs.length} runs (models ${sweep.models.join(", ")}; concepts ` +
      `${sweep.concepts.join(", ")}) in ${ms(t0)}, ${
        workers === 0 ? "in this thread" : `with ${workers} ${workers === 1 ? "worker" : "workers"}`
      } (each run's robustness record included)`,
  );
  for (const note of sweep.notes) console.error(note);
  const results = await resultsOf(
    sweep,
    { resamples: args.resamples, seed: args.seed },
    (step, took) =>
      console.log(
        step === "statistics"
          ? `computed statistics in ${took.toFixed(1)} ms`
          : `computed robustness (${args.resamples.toLocaleString("en-US")} resamples, seed ` +
            `${args.seed}) in ${took.toFixed(1)} ms`,
      ),
    loaded,
  );
  const files: OutputFile[] = dataSteps(PIPELINE).map((step) => {
    const t = performance.now(), name = fileName(step);
    const content = fileText(step, results);
    console.log(`table ${name} (${ms(t)})`);
    return { name, content };
  });
  if (figureWorker) {
    t0 = performance.now();
    const figures = await figureWorker.files(results, ({ name, svgMs, pngMs }) =>
      console.log(
        `figure ${name}: svg ${svgMs.toFixed(1)} ms, png ready after ${pngMs.toFixed(1)} ms`,
      ));
    files.push(...figures);
    console.log(`built ${figures.length} figure files in ${ms(t0)}`);
  }
  t0 = performance.now();
  const { written, removed } = await writeAll(args.out, files);
  console.log(`wrote ${written.length} files to ${args.out} in ${ms(t0)}`);
  if (removed.length > 0) {
    console.log(`removed ${removed.length} outputs of the previous run not written again`);
  }
  console.log(`peak memory (RSS): ${megabytes(peakRss())}`);
  return Deno.exitCode || 0;
}

if (import.meta.main) {
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    Deno.exit(reportFailure(event.reason));
  });
  try {
    Deno.exitCode = await main(Deno.args);
  } catch (error) {
    Deno.exitCode = reportFailure(error, Deno.exitCode === 130);
  }
}
