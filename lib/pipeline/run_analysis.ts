/**
 * The part of the analysis that needs one run only, computed where the run was read (a worker,
 * see `load_worker.ts`) or here, the same way: the run's robustness record at its best layer.
 * Every draw of a record is seeded from (seed, model, concept), so where and in which order the
 * runs are computed changes nothing; only the adjustments across records (Holm) wait for all.
 *
 * It is the record and the run's held-out profile (the split, the chosen layer and each
 * prompt's difference there), which is all the model contrasts need of a run. To add another
 * per-run result, add it to {@link RunAnalysis} and compute it in {@link analyseRun}: the
 * workers and the in-process path then both give it.
 * @module
 */
import { bestLayerIndex } from "../sweep/effect_gap.ts";
import type { Sweep, SweepRun } from "../sweep/types.ts";
import type { HeldOutProfile } from "../stats/held_out.ts";
import { type ModelContrast, sweepContrasts } from "../stats/model_contrast.ts";
import {
  type PairRecord,
  pairResult,
  type RobustnessOptions,
  type RobustnessRecord,
} from "../stats/robustness.ts";
import { sweepRecords } from "../stats/robustness_sweep.ts";

/** What is computed from one run alone (plain data: it crosses threads by structured clone). */
export interface RunAnalysis {
  /** The run's robustness record, before the adjustments across records; none without one. */
  record?: PairRecord;
  /** The run's held-out profile, for the model contrasts (with a record only). */
  profile?: HeldOutProfile;
}

/**
 * A run's own analysis: its robustness record at its best layer (the first largest delta of its
 * layer summary, as `bestLayers` picks it), or no record when it has no best layer or no effect
 * size there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const { record, profile } = analyseRun(run, { resamples: 20, seed: 1 });
 * assert.deepEqual([record?.best_layer, record?.searched], [18, 25]);
 * assert.equal(profile?.layer, record?.held_out_layer); // the contrasts' layer
 * ```
 */
export function analyseRun(run: SweepRun, options: RobustnessOptions): RunAnalysis {
  const best = bestLayerIndex(run.layers);
  if (best < 0) return {};
  const { record, profile } = pairResult(run, run.layers[best], options);
  return record ? { record, profile } : {};
}

/** The analysis of each run of `sweep`, by run (analyses aligned with `sweep.runs`). */
function byRun(sweep: Pick<Sweep, "runs">, analyses: readonly RunAnalysis[]) {
  const of = new Map(sweep.runs.map((run, i) => [run, analyses[i]]));
  return (run: SweepRun) => of.get(run);
}

/**
 * The records of `robustness.json` from the run analyses (aligned with `sweep.runs`), in the
 * order of `robustness` and adjusted across records (`sweepRecords` of lib/stats).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "8B"] });
 * const analyses = sweep.runs.map((r) => analyseRun(r, { resamples: 20 }));
 * const records = recordsOf(sweep, analyses);
 * assert.deepEqual(records.slice(0, 2).map((r) => `${r.model}/${r.concept}`), [
 *   "4B/corrigible",
 *   "4B/self_awareness",
 * ]);
 * ```
 */
export function recordsOf(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  analyses: readonly RunAnalysis[],
): RobustnessRecord[] {
  const analysis = byRun(sweep, analyses);
  return sweepRecords(sweep, (run) => analysis(run)?.record);
}

/**
 * The paired model contrasts from the run analyses (aligned with `sweep.runs`), as
 * `modelContrasts` gives them (`sweepContrasts` of lib/stats, from the workers' profiles).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "32B"] });
 * const analyses = sweep.runs.map((r) => analyseRun(r, { resamples: 20, seed: 1 }));
 * assert.equal(contrastsOfRuns(sweep, analyses, 1).length, 3); // one per concept
 * ```
 */
export function contrastsOfRuns(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  analyses: readonly RunAnalysis[],
  seed: number,
): ModelContrast[] {
  const analysis = byRun(sweep, analyses);
  return sweepContrasts(sweep, (run) => analysis(run)?.profile, { seed });
}
