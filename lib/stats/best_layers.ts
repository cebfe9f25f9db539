/**
 * The best layer of each model/concept: the layer of largest delta (first one on ties).
 * @module
 */
import { bestLayerIndex } from "../sweep/effect_gap.ts";
import { compareStrings } from "../sweep/layout.ts";
import type { Sweep } from "../sweep/types.ts";

/** A best-layer record, as in the original's `best_layers` table and summary JSON. */
export interface BestLayerRow {
  model: string;
  concept: string;
  layer: number;
  delta: number;
  baseline_mean: number;
  positive_mean: number;
  negative_mean: number;
}

/**
 * Picks each run's best layer by largest `delta` (pandas `idxmax`: first maximum, NaN skipped),
 * sorted by concept then model as strings (`sort_values(["concept", "model"])`). A run whose
 * deltas are all NaN has no best layer and is left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const [first] = bestLayers(await loadSweep("results/logit_diff_sweep"));
 * assert.deepEqual([first.model, first.concept, first.layer], ["14B", "corrigible", 20]);
 * assert.ok(Math.abs(first.delta - 10.256413275) < 1e-9);
 * ```
 */
export function bestLayers(sweep: Pick<Sweep, "runs">): BestLayerRow[] {
  const rows: BestLayerRow[] = [];
  for (const run of sweep.runs) {
    const i = bestLayerIndex(run.layers);
    if (i < 0) continue;
    const { model, concept, layer, delta, baseline_mean, positive_mean, negative_mean } =
      run.layers[i];
    rows.push({ model, concept, layer, delta, baseline_mean, positive_mean, negative_mean });
  }
  return rows.sort((a, b) =>
    compareStrings(a.concept, b.concept) || compareStrings(a.model, b.model)
  );
}

/**
 * Looks up a pair's best-layer record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = { concept: "corrigible", baseline_mean: 1, positive_mean: 8, negative_mean: -6 };
 * const best = [{ ...row, model: "4B", layer: 18, delta: 14 }, { ...row, model: "8B", layer: 20, delta: 9 }];
 * assert.equal(findBest(best, "4B", "corrigible")?.layer, 18);
 * assert.equal(findBest(best, "4B", "honesty"), undefined);
 * ```
 */
export function findBest(
  best: readonly BestLayerRow[],
  model: string,
  concept: string,
): BestLayerRow | undefined {
  return best.find((row) => row.model === model && row.concept === concept);
}
