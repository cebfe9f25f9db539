/**
 * One run's job, as a loading worker does it (`load_worker.ts`): read the run, check what needs
 * it alone, and compute its own analysis (`run_analysis.ts`) when the sweep can still load, then
 * pack it for the main thread (its columns transferred, not copied).
 * @module
 */
import { checkLayerRange } from "../sweep/checks.ts";
import { type LoadedRun, readRun, type RunTask } from "../sweep/run_read.ts";
import { type PackedRun, packRun } from "../sweep/run_transfer.ts";
import type { RobustnessOptions } from "../stats/robustness.ts";
import { analyseRun, type RunAnalysis } from "./run_analysis.ts";

/** What a loading worker is given for one run. */
export interface RunJob {
  task: RunTask;
  /** The load's `allowDuplicates`. */
  allowDuplicates: boolean;
  /** The model's layer count when given by the caller (`layerCounts`), else its summary.json's. */
  layerCount?: number;
  /** How the run's robustness record is computed; without it the run is only read. */
  robustness?: RobustnessOptions;
}

/** What a loading worker answers for one run. */
export interface RunJobResult {
  run: PackedRun;
  /** The run's own analysis; undefined when not computed here (see {@link runJob}). */
  analysis?: RunAnalysis;
}

/**
 * Whether the load of the sweep can still succeed with this run as it is: no repeated key
 * (unless allowed) and every layer within the model's count. The record is only computed then;
 * when the count is not known from this run (no summary.json and no `layerCounts`), it is left
 * to the main thread, which knows it once every run is read.
 */
function worthAnalysing(loaded: LoadedRun, job: RunJob): boolean {
  if (loaded.scan.duplicates > 0 && !job.allowDuplicates) return false;
  const count = job.layerCount ?? loaded.run.info?.num_layers;
  if (count === undefined) return false;
  try {
    checkLayerRange(loaded.run, loaded.files, count, "");
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a run and computes its analysis; returns the packed result and the buffers to transfer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const { result, transfer } = await runJob({
 *   task: { dir, model: "4B", concept: "corrigible" },
 *   allowDuplicates: false,
 *   robustness: { resamples: 20, seed: 1 },
 * });
 * assert.equal(result.analysis?.record?.best_layer, 18);
 * assert.equal(transfer.length, 5); // the kept columns' buffers
 * ```
 */
export async function runJob(
  job: RunJob,
): Promise<{ result: RunJobResult; transfer: ArrayBuffer[] }> {
  const loaded = await readRun(job.task);
  const analysis = job.robustness && worthAnalysing(loaded, job)
    ? analyseRun(loaded.run, job.robustness)
    : undefined;
  const { message, transfer } = packRun(loaded);
  return { result: { run: message, analysis }, transfer };
}
