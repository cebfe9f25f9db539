/**
 * Reading a sweep's runs on worker threads: each worker reads whole runs (largest first, so the
 * workers end together) and hands back their columns; the runs come back in the sweep's order
 * and the first error in that order is the one thrown, so the result is the same as reading them
 * one after another in this thread. Small sweeps are read in this thread: starting the workers
 * costs more than it saves.
 * @module
 */
import { join } from "node:path";
import { RUN_FILES } from "./layout.ts";
import { type LoadedRun, readRun, type RunTask } from "./run_read.ts";
import { unpackRun } from "./run_transfer.ts";
import { runInWorkers } from "./worker_pool.ts";

/** The most workers a load starts. */
export const MAX_WORKERS = 64;

/** Below this many bytes of per-sample CSV in all, runs are read in this thread (32 MiB). */
export const IN_THREAD_BYTES = 32 * 2 ** 20;

/**
 * The workers to start: `asked` (1 to {@link MAX_WORKERS}), by default two, or one on a machine
 * with one core; never more than the runs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(workerCount(4, 3), 3); // never more than the runs
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
 * Each run's per-sample file size in bytes (0 when it cannot be read: the reader then reports it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const [size] = await sampleFileSizes([{ dir: "/no/such/run", model: "4B", concept: "c" }]);
 * assert.equal(size, 0);
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
 * Indexes of `sizes`, largest first (ties in order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(largestFirst([10, 30, 20, 30]), [1, 3, 2, 0]);
 * ```
 */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
}

/** The worker module. */
const WORKER = new URL("./load_worker.ts", import.meta.url);

/**
 * Reads the runs, in this thread when they are small (under {@link IN_THREAD_BYTES} of
 * per-sample CSV) and no worker count is asked for, else on {@link workerCount} workers; in the
 * runs' order either way.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { planSweep } from "./load.ts";
 * const plan = await planSweep("results/logit_diff_sweep", { models: ["4B"] });
 * const here = await readRuns(plan.runs);
 * const there = await readRuns(plan.runs, 2);
 * assert.deepEqual(there.map((r) => r.run.samples.length), here.map((r) => r.run.samples.length));
 * ```
 */
export async function readRuns(runs: readonly RunTask[], workers?: number): Promise<LoadedRun[]> {
  const sizes = await sampleFileSizes(runs);
  if (workers === undefined && sizes.reduce((a, b) => a + b, 0) < IN_THREAD_BYTES) {
    const loaded: LoadedRun[] = [];
    for (const task of runs) loaded.push(await readRun(task));
    return loaded;
  }
  const count = workerCount(workers, runs.length);
  const packed = await runInWorkers<RunTask, Parameters<typeof unpackRun>[0]>(
    WORKER,
    runs,
    count,
    largestFirst(sizes),
  );
  return packed.map(unpackRun);
}
