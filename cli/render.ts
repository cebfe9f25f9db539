/**
 * `deno task render`: load a sweep, compute every table and figure, write them atomically, with
 * timings.
 * @module
 */
import { parseRenderArgs, USAGE, UsageError } from "./args.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { robustness } from "../lib/stats/robustness.ts";
import { sweepSize } from "../lib/stats/counts.ts";
import { TABLE_OUTPUTS } from "../lib/export/tables.ts";
import { type OutputFile, writeOutputsAtomic } from "../lib/export/atomic.ts";
import { exportFigures } from "../lib/export/figures.ts";
import { megabytes, peakRss } from "../lib/export/memory.ts";

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;
const count = (n: number) => n.toLocaleString("en-US");

/** Runs the render task; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseRenderArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let t0 = performance.now();
  const sweep = await loadSweep(args.data, args);
  const { samples: rows, summaries } = sweepSize(sweep);
  console.log(
    `loaded ${args.data}: ${count(rows)} per-sample rows, ${count(summaries)} layer summaries, ` +
      `${sweep.runs.length} runs (models ${sweep.models.join(", ")}; concepts ` +
      `${sweep.concepts.join(", ")}) in ${ms(t0)}`,
  );
  for (const note of sweep.notes) console.error(note);
  t0 = performance.now();
  const analysis = analyse(sweep);
  console.log(`computed statistics in ${ms(t0)}`);
  t0 = performance.now();
  analysis.robustness = robustness(sweep, analysis.bestLayers, {
    resamples: args.resamples,
    seed: args.seed,
  });
  console.log(
    `computed robustness (${args.resamples.toLocaleString("en-US")} resamples, seed ` +
      `${args.seed}) in ${ms(t0)}`,
  );
  const files: OutputFile[] = TABLE_OUTPUTS.map((output) => {
    const t = performance.now();
    const content = output.build(analysis);
    console.log(`table ${output.name} (${ms(t)})`);
    return { name: output.name, content };
  });
  if (args.figures) {
    t0 = performance.now();
    files.push(
      ...await exportFigures(analysis, {
        onFigure: ({ name, svgMs, pngMs }) =>
          console.log(
            `figure ${name}: svg ${svgMs.toFixed(1)} ms, png ready after ${pngMs.toFixed(1)} ms`,
          ),
      }),
    );
    console.log(`built ${files.length - TABLE_OUTPUTS.length} figure files in ${ms(t0)}`);
  }
  t0 = performance.now();
  const written = await writeOutputsAtomic(args.out, files);
  console.log(`wrote ${written.length} files to ${args.out} in ${ms(t0)}`);
  console.log(`peak memory (RSS): ${megabytes(peakRss())}`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exitCode = await main(Deno.args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      Deno.exitCode = 2;
    } else if (error instanceof SweepDataError) {
      console.error(`error: ${error.message}`);
      Deno.exitCode = 1;
    } else {
      throw error;
    }
  }
}
