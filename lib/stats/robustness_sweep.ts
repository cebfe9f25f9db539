/**
 * The records of a whole sweep: each pair's record (`robustness.ts`) in the order of
 * `robustness.json`, adjusted across records (Holm).
 * @module
 */
import { runOf, type Sweep, type SweepRun } from "../sweep/types.ts";
import { type BestLayerRow, findBest } from "./best_layers.ts";
import { candidateLayers, isRuleChoice } from "./candidates.ts";
import { holm } from "./paired.ts";
import {
  type PairRecord,
  pairRecord,
  type RecordOptions,
  type RobustnessRecord,
} from "./robustness.ts";

/**
 * Robustness records for each model (outer) and concept (inner) with a best layer; the Holm
 * adjustment runs over all of them. With `options.candidates` (layer-summary rows: the
 * notebook's rows that pass its predicate) every layer is chosen among each pair's candidates;
 * a pair with no candidate layer with data has no record. `best` must be the same rule's choice
 * (`bestAmong` of the same rows; `bestLayers` without candidates): else an error, never records
 * of one rule with the intervals of another.
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
 *
 * The rule "the largest delta among the layers between 60% and 90% of depth":
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { analyse } from "./analysis.ts";
 * import { bestAmong } from "./candidates.ts";
 * const analysis = analyse(await loadSweep("results/logit_diff_sweep", { models: ["4B"] }));
 * const rule = (d: { layer_frac: number }) => d.layer_frac >= 0.6 && d.layer_frac <= 0.9;
 * const candidates = analysis.layerSummaries.filter(rule);
 * const best = bestAmong(candidates); // the best layer of each pair under the rule
 * const records = robustness(analysis.sweep, best, { resamples: 20, seed: 1, candidates });
 * const inRange = (model: string, layer: number) =>
 *   candidates.some((d) => d.model === model && d.layer === layer);
 * assert.equal(records.length, 3);
 * assert.ok(records.every((r) => inRange(r.model, r.best_layer)));
 * assert.ok(records.every((r) => inRange(r.model, r.held_out_layer)));
 * assert.deepEqual(records.map((r) => r.best_layer), best.map((b) => b.layer)); // the rule's
 * ```
 */
export function robustness(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  best: readonly BestLayerRow[],
  options: RecordOptions = {},
): RobustnessRecord[] {
  return sweepRecords(sweep, (run) => {
    const chosen = findBest(best, run.model, run.concept);
    const layers = candidateLayers(options.candidates, run.model, run.concept);
    return chosen && isRuleChoice(run, chosen.layer, layers)
      ? pairRecord(run, chosen, options)
      : undefined;
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
