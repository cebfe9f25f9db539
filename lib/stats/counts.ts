/**
 * Row counts per model/concept: what was loaded and what the best layers keep.
 * @module
 */
import { runOf, type Sweep } from "../sweep/types.ts";
import type { BestSample } from "./best_samples.ts";

/** Row counts of one pair (or of all, with model and concept `ALL`). */
export interface CountRow {
  model: string;
  concept: string;
  present: boolean;
  per_sample_rows: number;
  summary_rows: number;
  best_layer_samples: number;
}

/**
 * Counts of per-sample rows, layer-summary rows and best-layer samples: a total row `ALL`, then
 * one row per model (outer) and concept (inner).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { bestLayers } from "./best_layers.ts";
 * import { bestLayerSamples } from "./best_samples.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * const [all] = rowCounts(sweep, bestLayerSamples(sweep, bestLayers(sweep)));
 * assert.deepEqual(all, {
 *   model: "ALL",
 *   concept: "ALL",
 *   present: true,
 *   per_sample_rows: 86400,
 *   summary_rows: 360,
 *   best_layer_samples: 2880,
 * });
 * ```
 */
export function rowCounts(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  samples: readonly BestSample[],
): CountRow[] {
  const atBest = new Map<string, number>();
  for (const s of samples) {
    const key = `${s.model}\u0000${s.concept}`;
    atBest.set(key, (atBest.get(key) ?? 0) + 1);
  }
  const rows: CountRow[] = [];
  for (const model of sweep.models) {
    for (const concept of sweep.concepts) {
      const run = runOf(sweep, model, concept);
      rows.push({
        model,
        concept,
        present: run !== undefined,
        per_sample_rows: run?.samples.length ?? 0,
        summary_rows: run?.layers.length ?? 0,
        best_layer_samples: atBest.get(`${model}\u0000${concept}`) ?? 0,
      });
    }
  }
  const total = (key: "per_sample_rows" | "summary_rows" | "best_layer_samples") =>
    rows.reduce((sum, row) => sum + row[key], 0);
  return [{
    model: "ALL",
    concept: "ALL",
    present: rows.some((row) => row.present),
    per_sample_rows: total("per_sample_rows"),
    summary_rows: total("summary_rows"),
    best_layer_samples: total("best_layer_samples"),
  }, ...rows];
}

/**
 * Per-sample rows and layer-summary rows of a whole sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * assert.deepEqual(sweepSize(await loadSweep("results/logit_diff_sweep")), {
 *   samples: 86400,
 *   summaries: 360,
 * });
 * ```
 */
export function sweepSize(sweep: Pick<Sweep, "runs">): { samples: number; summaries: number } {
  let samples = 0, summaries = 0;
  for (const run of sweep.runs) {
    samples += run.samples.length;
    summaries += run.layers.length;
  }
  return { samples, summaries };
}
