/**
 * `deno task render`: run the notebook's code cells as one module, its flags injected into the
 * cell tagged `parameters`, and write every table, JSON file and figure its cells save into the
 * output folder, all or none.
 * @module
 */
import { resolve } from "node:path";
import { parseRenderArgs, type RenderArgs, USAGE } from "./args.ts";
import { reportFailure } from "./failure.ts";
import { checkOutFolder } from "./out_folder.ts";
import { collectOutputs } from "./render_outputs.ts";
import { type OutputFile, writeOutputsAtomic, type WriteResult } from "../lib/export/atomic.ts";
import { chainCheckpoints, faultCheckpoint } from "../lib/export/faults.ts";
import { guardInterrupts } from "../lib/export/interrupt.ts";
import { megabytes, peakRss } from "../lib/export/memory.ts";
import { setOutputSet } from "../lib/display/outputs.ts";
import { runNotebook } from "../lib/notebook/run.ts";

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;

/**
 * The notebook's parameters from the flags (papermill's convention): paths absolute, since the
 * notebook runs in its own folder; a flag not given leaves the notebook's default, except the
 * data and output folders, which always come from the flags (their defaults are the same).
 */
export function notebookParameters(args: RenderArgs): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    DATA_DIR: resolve(args.data),
    OUT_DIR: resolve(args.out),
    RESAMPLES: args.resamples,
    SEED: args.seed,
    FIGURES: args.figures,
  };
  if (args.models) parameters.MODELS = args.models;
  if (args.concepts) parameters.CONCEPTS = args.concepts;
  if (args.layerCounts) parameters.LAYER_COUNT_OVERRIDES = args.layerCounts;
  return parameters;
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

/** Runs the notebook with the cells' printed lines kept back (warnings and errors still show). */
async function runQuietly(path: string, parameters: Record<string, unknown>): Promise<void> {
  const log = console.log, info = console.info;
  console.log = console.info = () => {};
  try {
    await runNotebook(path, { parameters });
  } finally {
    console.log = log;
    console.info = info;
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
  const notebook = resolve(args.notebook);
  const outputs = collectOutputs({ figures: args.figures });
  let files: OutputFile[];
  let t0 = performance.now();
  setOutputSet(outputs);
  try {
    await runQuietly(notebook, notebookParameters(args));
    files = await outputs.files();
  } finally {
    setOutputSet(undefined);
    outputs.close();
  }
  console.log(
    `ran ${args.notebook} on ${args.data} in ${ms(t0)}: ${files.length} files ` +
      `(${outputs.figureCount()} figures as SVG and PNG)`,
  );
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
