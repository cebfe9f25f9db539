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
import { contrastsOf, type ModelContrast } from "../stats/model_contrast.ts";
import {
  adjustRecords,
  type PairRecord,
  pairResult,
  type RobustnessOptions,
  type RobustnessRecord,
} from "../stats/robustness.ts";

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

/**
 * The records of `robustness.json` from the run analyses (aligned with `sweep.runs`): model by
 * model, concept by concept within each (the order of `robustness`), adjusted across records.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "8B"] });
 * const records = sweepRecords(sweep, sweep.runs.map((r) => analyseRun(r, { resamples: 20 })));
 * assert.deepEqual(records.slice(0, 2).map((r) => `${r.model}/${r.concept}`), [
 *   "4B/corrigible",
 *   "4B/self_awareness",
 * ]);
 * ```
 */
export function sweepRecords(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  analyses: readonly RunAnalysis[],
): RobustnessRecord[] {
  const records: PairRecord[] = [];
  for (const model of sweep.models) {
    for (const concept of sweep.concepts) {
      const i = sweep.runs.findIndex((r) => r.model === model && r.concept === concept);
      const record = i < 0 ? undefined : analyses[i].record;
      if (record) records.push(record);
    }
  }
  return adjustRecords(records);
}

/**
 * The paired model contrasts from the run analyses (aligned with `sweep.runs`): concept by
 * concept, every two models with a record, in the sweep's model order (as `modelContrasts`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "32B"] });
 * const analyses = sweep.runs.map((r) => analyseRun(r, { resamples: 20, seed: 1 }));
 * const contrasts = sweepContrasts(sweep, analyses, 1);
 * assert.deepEqual(contrasts.map((c) => `${c.concept}: ${c.model_a} - ${c.model_b}`), [
 *   "corrigible: 4B - 32B",
 *   "self_awareness: 4B - 32B",
 *   "sycophancy: 4B - 32B",
 * ]);
 * ```
 */
export function sweepContrasts(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  analyses: readonly RunAnalysis[],
  seed: number,
): ModelContrast[] {
  const profiles: HeldOutProfile[] = [];
  for (const concept of sweep.concepts) {
    for (const model of sweep.models) {
      const i = sweep.runs.findIndex((r) => r.model === model && r.concept === concept);
      const profile = i < 0 ? undefined : analyses[i].profile;
      if (profile) profiles.push(profile);
    }
  }
  return contrastsOf(profiles, { seed });
}
