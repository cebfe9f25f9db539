/**
 * The records of a whole sweep: each pair's record (`robustness.ts`) in the order of
 * `robustness.json`, adjusted across records (Holm).
 * @module
 */
import { runOf, type Sweep, type SweepRun } from "../sweep/types.ts";
import { type BestLayerRow, findBest } from "./best_layers.ts";
import { holm } from "./paired.ts";
import {
  type PairRecord,
  pairRecord,
  type RobustnessOptions,
  type RobustnessRecord,
} from "./robustness.ts";

/**
 * Robustness records for each model (outer) and concept (inner) with a best layer; the Holm
 * adjustment runs over all of them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { bestLayers } from "./best_layers.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B"] });
 * const records = robustness(sweep, bestLayers(sweep), { resamples: 20, seed: 1 });
 * assert.equal(records.length, 3); // one per model and concept
 * assert.ok(records.every((r) => r.layer_stability > 0 && r.layer_stability <= 1));
 * assert.ok(records.every((r) => r.ci_low <= r.best_delta && r.best_delta <= r.ci_high));
 * assert.ok(records.every((r) => r.held_out_ci_low < r.held_out_delta)); // chosen on other prompts
 * ```
 */
export function robustness(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  best: readonly BestLayerRow[],
  options: RobustnessOptions = {},
): RobustnessRecord[] {
  return sweepRecords(sweep, (run) => {
    const chosen = findBest(best, run.model, run.concept);
    return chosen && pairRecord(run, chosen, options);
  });
}

/**
 * The records of a sweep in the order of `robustness.json` (model by model, concept by concept
 * within each), each run's record from `recordOf` (computed here, or by the worker that read the
 * run), adjusted across records.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairRecord } from "./robustness.ts";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "8B"] });
 * const records = sweepRecords(sweep, (run) => pairRecord(run, run.layers[0], { resamples: 20 }));
 * assert.deepEqual(records.slice(0, 2).map((r) => `${r.model}/${r.concept}`), [
 *   "4B/corrigible",
 *   "4B/self_awareness",
 * ]);
 * ```
 */
export function sweepRecords(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  recordOf: (run: SweepRun) => PairRecord | undefined,
): RobustnessRecord[] {
  const records: PairRecord[] = [];
  for (const model of sweep.models) {
    for (const concept of sweep.concepts) {
      const run = runOf(sweep, model, concept);
      const record = run && recordOf(run);
      if (record) records.push(record);
    }
  }
  return adjustRecords(records);
}

/**
 * The records of `robustness.json` from the pair records, in their order: `p_holm` (Holm over
 * all records) and `p_selection` (p times the layers searched, capped at 1, then Holm) added.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairRecord } from "./robustness.ts";
 * import { loadRun } from "../sweep/load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const pair = pairRecord(run, { layer: 18, delta: 14.011423444747924 }, { resamples: 20 })!;
 * const [record] = adjustRecords([pair]);
 * assert.equal(record.p_holm, pair.p); // one record: Holm leaves p as it is
 * assert.equal(record.p_selection, Math.min(1, pair.p * 25));
 * assert.ok(!("searched" in record));
 * ```
 */
export function adjustRecords(records: readonly PairRecord[]): RobustnessRecord[] {
  const adjusted = holm(records.map((r) => r.p));
  const selection = holm(records.map((r) => Math.min(1, r.p * r.searched)));
  return records.map((r, i) => {
    const { cohens_d, cohens_d_ci_low, cohens_d_ci_high, glass_delta_unsteered, ...rest } = r;
    const { searched: _, ...head } = rest;
    return {
      ...head,
      p_holm: adjusted[i],
      cohens_d,
      cohens_d_ci_low,
      cohens_d_ci_high,
      glass_delta_unsteered,
      p_selection: selection[i],
    };
  });
}
