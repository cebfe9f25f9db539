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
 *
 * The best-layer rule is the options' (`RecordOptions.candidates`: the largest delta among
 * each pair's candidate layers, every layer without candidates), wherever a run is analysed;
 * the records and contrasts gathered here are checked to follow the candidates passed.
 * @module
 */
import type { Sweep, SweepRun } from "../sweep/types.ts";
import {
  assertCandidate,
  bestCandidateIndex,
  type CandidateLayer,
  candidateLayers,
} from "./candidates.ts";
import type { HeldOutProfile } from "./held_out.ts";
import { type ModelContrast, sweepContrasts } from "./model_contrast.ts";
import {
  type PairRecord,
  pairResult,
  type RecordOptions,
  type RobustnessRecord,
} from "./robustness.ts";
import { sweepRecords } from "./robustness_sweep.ts";

/** What is computed from one run alone (plain data: it crosses threads by structured clone). */
export interface RunAnalysis {
  /** The run's robustness record, before the adjustments across records; none without one. */
  record?: PairRecord;
  /** The run's held-out profile, for the model contrasts (with a record only). */
  profile?: HeldOutProfile;
}

/**
 * A run's own analysis: its robustness record at its best layer (the first largest delta of its
 * layer summary, as `bestLayers` picks it; among its candidate layers when `options.candidates`
 * is given, as `bestAmong` picks it), or no record when it has no best layer (no candidate layer
 * with data) or no effect size there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const { record, profile } = analyseRun(run, { resamples: 20, seed: 1 });
 * assert.deepEqual([record?.best_layer, record?.searched], [18, 25]);
 * assert.equal(profile?.layer, record?.held_out_layer); // the contrasts' layer
 * const candidates = [11, 12, 13].map((layer) => ({ model: "4B", concept: "corrigible", layer }));
 * const shallow = analyseRun(run, { resamples: 20, seed: 1, candidates });
 * assert.deepEqual([shallow.record?.best_layer, shallow.record?.searched], [12, 3]);
 * assert.deepEqual(analyseRun(run, { resamples: 20, candidates: [] }), {}); // no candidate
 * ```
 */
export function analyseRun(run: SweepRun, options: RecordOptions): RunAnalysis {
  const layers = candidateLayers(options.candidates, run.model, run.concept);
  const best = bestCandidateIndex(run.layers, layers);
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
 * order of `robustness` and adjusted across records (`sweepRecords` of lib/stats). With the
 * `candidates` the analyses were computed with, a record whose best or held-out layer is not
 * among its pair's candidates (computed under another rule, by a worker say) is an error.
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
 * const candidates = records.map((r) => ({ ...r, layer: r.best_layer + 1 })); // another rule
 * assert.throws(() => recordsOf(sweep, analyses, candidates)); // not the analyses' rule
 * ```
 */
export function recordsOf(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  analyses: readonly RunAnalysis[],
  candidates?: readonly CandidateLayer[],
): RobustnessRecord[] {
  const analysis = byRun(sweep, analyses);
  return sweepRecords(sweep, (run) => {
    const record = analysis(run)?.record;
    if (record) {
      assertCandidate(candidates, record, record.best_layer, "best layer");
      assertCandidate(candidates, record, record.held_out_layer, "held-out layer");
    }
    return record;
  });
}

/**
 * The paired model contrasts from the run analyses (aligned with `sweep.runs`), as
 * `modelContrasts` gives them (`sweepContrasts` of lib/stats, from the workers' profiles), the
 * profiles' layers checked to be among the `candidates` the analyses were computed with.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "32B"] });
 * const analyses = sweep.runs.map((r) => analyseRun(r, { resamples: 20, seed: 1 }));
 * assert.equal(contrastsOfRuns(sweep, analyses, 1).length, 3); // one per concept
 * const candidates = sweep.runs.flatMap((r) => r.layers).filter((d) => d.layer >= 25);
 * const deep = sweep.runs.map((r) => analyseRun(r, { resamples: 20, seed: 1, candidates }));
 * const contrasts = contrastsOfRuns(sweep, deep, 1, candidates);
 * assert.ok(contrasts.every((c) => c.layer_a >= 25 && c.layer_b >= 25));
 * ```
 */
export function contrastsOfRuns(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  analyses: readonly RunAnalysis[],
  seed: number,
  candidates?: readonly CandidateLayer[],
): ModelContrast[] {
  const analysis = byRun(sweep, analyses);
  return sweepContrasts(sweep, (run) => analysis(run)?.profile, { seed, candidates });
}
