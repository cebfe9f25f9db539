/**
 * The robustness records and the model contrasts of a sweep in one call, each run's part (its
 * bootstrap, split halves and held-out profile: `analyseRun`) computed on worker threads when the
 * sweep is large. Every draw is seeded from (seed, model, concept), so the results are the same,
 * bit for bit, whichever thread computed a run (tested against `robustness` and
 * `modelContrasts`).
 * @module
 */
import type { Sweep } from "../sweep/types.ts";
import { runInWorkers } from "../sweep/worker_pool.ts";
import { workerCount } from "../sweep/run_workers.ts";
import type { BestLayerRow } from "./best_layers.ts";
import type { ModelContrast } from "./model_contrast.ts";
import type { RecordOptions, RobustnessRecord } from "./robustness.ts";
import { analyseRun, contrastsOfRuns, recordsOf, type RunAnalysis } from "./run_analysis.ts";
import type { RunJob } from "./robustness_worker.ts";

/** Below this many per-sample rows in all, the runs are analysed in this thread. */
export const IN_THREAD_ROWS = 1_000_000;

/** Options of {@link robustnessOf}: the records' options, and the workers (1 to 64). */
export interface RobustnessOfOptions extends RecordOptions {
  /** Workers analysing runs at once; by default none under 1,000,000 rows, else two. */
  workers?: number;
}

/** The robustness records (Holm-adjusted across them) and the paired model contrasts. */
export interface RobustnessResults {
  records: RobustnessRecord[];
  contrasts: ModelContrast[];
}

const WORKER = new URL("./robustness_worker.ts", import.meta.url);

/**
 * {@link RobustnessResults} of a sweep under the best-layer rule whose choices are `best` and
 * whose candidate layers are `options.candidates`: the records of `robustness()` and the
 * contrasts of `modelContrasts()`, the same numbers. A record whose best layer is not the
 * table's is an error: the two were computed under different rules.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { bestLayers } from "./best_layers.ts";
 * import { robustness } from "./robustness_sweep.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "8B"] });
 * const best = bestLayers(sweep);
 * const { records } = await robustnessOf(sweep, best, { resamples: 20, workers: 2 });
 * assert.deepEqual(records, robustness(sweep, best, { resamples: 20 })); // the same on workers
 * ```
 */
export async function robustnessOf(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  best: readonly BestLayerRow[],
  options: RobustnessOfOptions = {},
): Promise<RobustnessResults> {
  const { workers, ...recordOptions } = options;
  const rows = sweep.runs.reduce((n, run) => n + run.samples.length, 0);
  const analyses: RunAnalysis[] = workers === undefined && rows < IN_THREAD_ROWS
    ? sweep.runs.map((run) => analyseRun(run, recordOptions))
    : await runInWorkers<RunJob, RunAnalysis>(
      WORKER,
      sweep.runs.map((run) => ({ run, options: recordOptions })),
      workerCount(workers, sweep.runs.length),
      sweep.runs.map((_, i) => i).sort((a, b) =>
        sweep.runs[b].samples.length - sweep.runs[a].samples.length || a - b
      ),
    );
  const records = recordsOf(sweep, analyses, recordOptions.candidates);
  for (const record of records) {
    const chosen = best.find((b) => b.model === record.model && b.concept === record.concept);
    if (chosen?.layer !== record.best_layer) {
      throw new Error(
        `${record.model}/${record.concept}: the best-layer table says layer ${chosen?.layer}, the ` +
          `rule's candidates give ${record.best_layer}: compute both under one best-layer rule`,
      );
    }
  }
  const contrasts = contrastsOfRuns(
    sweep,
    analyses,
    recordOptions.seed ?? 1,
    recordOptions.candidates,
  );
  return { records, contrasts };
}
