/**
 * The per-sample rows at each run's best layer (the original's `best_samples`).
 * @module
 */
import { dictionaryValue } from "../sweep/columns.ts";
import type { Sweep, SweepRun } from "../sweep/types.ts";
import { type BestLayerRow, findBest } from "./best_layers.ts";

/** One per-sample row at a best layer. */
export interface BestSample {
  model: string;
  concept: string;
  layer: number;
  strength: number;
  prompt_idx: number;
  matching_answer: string;
  logit_diff_matching: number;
}

/**
 * Rows of each run at its best layer, in loading order (concept by concept, models in order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { bestLayers } from "./best_layers.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const samples = bestLayerSamples(sweep, bestLayers(sweep));
 * assert.equal(samples.length, 2880); // the rows of 12 runs, one layer each
 * assert.ok(samples.every((s) => s.model !== "14B" || s.concept !== "corrigible" || s.layer === 20));
 * ```
 */
export function bestLayerSamples(
  sweep: Pick<Sweep, "runs">,
  best: readonly BestLayerRow[],
): BestSample[] {
  return sweep.runs.flatMap((run) => {
    const layer = findBest(best, run.model, run.concept)?.layer;
    return layer === undefined ? [] : rowsAt(run, layer);
  });
}

/**
 * The per-sample rows of one run at one layer, in file order, as typed rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B"], concepts: ["corrigible"] });
 * const rows = rowsAt(sweep.runs[0], 20);
 * assert.ok(rows.length > 0 && rows.every((d) => d.layer === 20 && d.model === "4B"));
 * ```
 */
export function rowsAt(run: SweepRun, layer: number): BestSample[] {
  const rows: BestSample[] = [];
  const s = run.samples;
  for (let i = 0; i < s.length; i++) {
    if (s.layer[i] !== layer) continue;
    rows.push({
      model: run.model,
      concept: run.concept,
      layer,
      strength: s.strength[i],
      prompt_idx: s.prompt_idx[i],
      matching_answer: dictionaryValue(s.matching_answer, i),
      logit_diff_matching: s.logit_diff_matching[i],
    });
  }
  return rows;
}

/**
 * The `logit_diff_matching` values of one pair at one strength.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const at = (strength: number, logit_diff_matching: number) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer: 18,
 *   strength,
 *   prompt_idx: 0,
 *   matching_answer: "(A)",
 *   logit_diff_matching,
 * });
 * const samples = [at(1, 7), at(-1, -6), at(1, 9)];
 * assert.deepEqual(valuesAt(samples, "4B", "corrigible", 1), [7, 9]);
 * ```
 */
export function valuesAt(
  samples: readonly BestSample[],
  model: string,
  concept: string,
  strength: number,
): number[] {
  return [...(sampleIndex(samples).get(groupKey(model, concept, strength))?.values ?? [])];
}

const groupKey = (model: string, concept: string, strength: number) =>
  `${model}\u0000${concept}\u0000${strength}`;

/** The groups of a samples array, built on first use. */
const sampleIndexes = new WeakMap<readonly BestSample[], Map<string, SampleGroup>>();

/**
 * The values of each (model, concept, strength), first-seen order, values in file order: one
 * pass over the samples, kept for the array (best-layer samples are built once and never
 * changed), so the tables that ask for every pair (effect sizes, summary statistics, Glass's
 * delta, dispositions, spreads) do not scan them again.
 */
function sampleIndex(samples: readonly BestSample[]): Map<string, SampleGroup> {
  let groups = sampleIndexes.get(samples);
  if (!groups) {
    groups = new Map();
    for (const s of samples) {
      const id = groupKey(s.model, s.concept, s.strength);
      const group = groups.get(id);
      if (group) group.values.push(s.logit_diff_matching);
      else {
        groups.set(id, {
          model: s.model,
          concept: s.concept,
          strength: s.strength,
          values: [s.logit_diff_matching],
        });
      }
    }
    sampleIndexes.set(samples, groups);
  }
  return groups;
}

/** The values of one model, concept and strength. */
export interface SampleGroup {
  model: string;
  concept: string;
  strength: number;
  values: number[];
}

/**
 * Groups best-layer samples by model, concept and strength, in first-seen order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const at = (strength: number, logit_diff_matching: number) => ({
 *   model: "4B",
 *   concept: "corrigible",
 *   layer: 18,
 *   strength,
 *   prompt_idx: 0,
 *   matching_answer: "(A)",
 *   logit_diff_matching,
 * });
 * const groups = groupSamples([at(1, 7), at(-1, -6), at(1, 9)]);
 * assert.deepEqual(groups[0], { model: "4B", concept: "corrigible", strength: 1, values: [7, 9] });
 * assert.deepEqual(groups[1].values, [-6]); // first-seen order
 * ```
 */
export function groupSamples(samples: readonly BestSample[]): SampleGroup[] {
  return [...sampleIndex(samples).values()].map((g) => ({ ...g, values: [...g.values] }));
}
