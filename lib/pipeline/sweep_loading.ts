/**
 * Loading a sweep in parallel: the runs are read by a pool of workers (each run in one worker,
 * which also computes the run's own analysis: `run_analysis.ts`), then checked against one
 * another here, in the sweep's order. The sweep, its notes and its errors are those of
 * `loadSweep`, whatever the number of workers.
 * @module
 */
import { join } from "node:path";
import { RUN_FILES } from "../sweep/layout.ts";
import { assembleSweep, type LoadOptions, planSweep } from "../sweep/load.ts";
import type { RunTask } from "../sweep/run_read.ts";
import { unpackRun } from "../sweep/run_transfer.ts";
import type { Sweep } from "../sweep/types.ts";
import type { RobustnessOptions } from "../stats/robustness.ts";
import type { RunAnalysis } from "./run_analysis.ts";
import { type RunJob, runJob, type RunJobResult } from "./run_job.ts";
import { runInWorkers } from "./worker_pool.ts";

/** The most workers a load starts. */
export const MAX_WORKERS = 64;

/**
 * Below this many bytes of per-sample CSV in all (when the workers are not asked for), the runs
 * are read in this thread: starting workers (a thread, its modules, its WebAssembly) costs more
 * than they save. The default data is 7 MB; a sweep of a million rows is about 80 MB.
 */
export const IN_THREAD_BYTES = 32 * 2 ** 20;

/** What to load and how: `loadSweep`'s options, the workers, and the per-run analysis. */
export interface SweepLoadOptions extends LoadOptions {
  /**
   * Workers reading runs at once, 1 to {@link MAX_WORKERS}; by default two, or one on a machine
   * with one core (never more than the runs).
   */
  workers?: number;
  /**
   * How each run's robustness record is computed (resamples, seed, splits); without it the
   * workers only read the runs (the records are then computed by `computeResults`).
   */
  robustness?: RobustnessOptions;
}

/** A loaded sweep with each run's own analysis. */
export interface AnalysedSweep {
  sweep: Sweep;
  /** The analysis of each of `sweep.runs` (same order); undefined where not computed yet. */
  analyses: (RunAnalysis | undefined)[];
  /** The options the analyses were computed with (none: no analysis computed). */
  robustness?: RobustnessOptions;
  /** Workers used; 0 when the runs were read in this thread (a small sweep). */
  workers: number;
}

/**
 * The workers a load uses: `asked` when given (a whole number from 1 to {@link MAX_WORKERS},
 * else a RangeError), else two (one on a one-core machine); never more than the runs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(workerCount(undefined, 1), 1);
 * assert.equal(workerCount(8, 3), 3);
 * assert.throws(() => workerCount(0, 3), RangeError);
 * ```
 */
export function workerCount(asked: number | undefined, runs: number): number {
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1 && asked <= MAX_WORKERS)) {
    throw new RangeError(`workers must be a whole number from 1 to ${MAX_WORKERS}, not ${asked}`);
  }
  const cores = Math.max(1, navigator.hardwareConcurrency || 1);
  return Math.max(1, Math.min(asked ?? Math.min(2, cores), runs));
}

/**
 * Each run's per-sample file size in bytes; a file that cannot be looked at counts as empty
 * (its reader says why).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = "results/logit_diff_sweep/corrigible";
 * const [small, none] = await sampleFileSizes([
 *   { dir: `${dir}/Qwen_Qwen3_4B`, model: "4B", concept: "corrigible" },
 *   { dir: `${dir}/none`, model: "8B", concept: "corrigible" },
 * ]);
 * assert.ok(small > 0 && none === 0);
 * ```
 */
export async function sampleFileSizes(runs: readonly RunTask[]): Promise<number[]> {
  return await Promise.all(runs.map(async (run) => {
    try {
      return (await Deno.stat(join(run.dir, RUN_FILES.samples))).size;
    } catch {
      return 0;
    }
  }));
}

/**
 * The runs' indices, largest per-sample file first (ties in run order): handed out so, the
 * workers stay evenly busy to the end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(largestFirst([500, 900, 0, 900]), [1, 3, 0, 2]);
 * ```
 */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
}

/**
 * Whether to read the runs in this thread: no worker count asked for, and a small sweep (below
 * {@link IN_THREAD_BYTES} of per-sample CSV in all).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(readInThread([500_000], undefined), true);
 * assert.equal(readInThread([500_000], 2), false); // workers asked for
 * assert.equal(readInThread([20e6, 20e6], undefined), false); // 40 MB
 * ```
 */
export function readInThread(sizes: readonly number[], asked: number | undefined): boolean {
  return asked === undefined && sizes.reduce((a, b) => a + b, 0) < IN_THREAD_BYTES;
}

/** The worker module. */
const WORKER = new URL("./load_worker.ts", import.meta.url);

/**
 * Loads a sweep as `loadSweep` does, its runs read in parallel by workers, and computes each
 * run's robustness record in the worker that read it. Notes, warnings and errors are the same
 * and in the same order whatever the number of workers (the sweep's run order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { sweep, analyses } = await loadAnalysed("results/logit_diff_sweep", {
 *   models: ["4B"],
 *   workers: 2,
 *   robustness: { resamples: 20, seed: 1 },
 * });
 * assert.equal(sweep.runs.length, 3);
 * assert.deepEqual(analyses.map((a) => a?.record?.model), ["4B", "4B", "4B"]);
 * ```
 */
export async function loadAnalysed(
  dir: string,
  options: SweepLoadOptions = {},
): Promise<AnalysedSweep> {
  const plan = await planSweep(dir, options);
  const workers = workerCount(options.workers, plan.runs.length);
  const robustness = options.robustness;
  const jobs: RunJob[] = plan.runs.map((task) => ({
    task,
    allowDuplicates: plan.asked.allowDuplicates ?? false,
    layerCount: Object.hasOwn(plan.asked.layerCounts ?? {}, task.model)
      ? plan.asked.layerCounts![task.model]
      : undefined,
    robustness,
  }));
  const sizes = await sampleFileSizes(plan.runs);
  const inThread = readInThread(sizes, options.workers);
  const results = inThread
    ? await runInOrder(jobs)
    : await runInWorkers<RunJob, RunJobResult>(WORKER, jobs, workers, largestFirst(sizes));
  const sweep = assembleSweep(plan, results.map((r) => unpackRun(r.run)));
  return {
    sweep,
    analyses: results.map((r) => r.analysis),
    robustness,
    workers: inThread ? 0 : workers,
  };
}

/** The jobs run here, one after another: the first error in order is the one thrown. */
async function runInOrder(jobs: readonly RunJob[]): Promise<RunJobResult[]> {
  const results: RunJobResult[] = [];
  for (const job of jobs) results.push((await runJob(job)).result);
  return results;
}
