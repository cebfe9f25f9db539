/**
 * Mean logit difference by layer and strength (the original's `pivot_table` per heatmap).
 * @module
 */
import type { Sweep, SweepRun } from "../sweep/types.ts";

/** One heatmap cell. */
export interface HeatmapCell {
  model: string;
  concept: string;
  layer: number;
  strength: number;
  mean_logit_diff: number;
}

/**
 * Mean `logit_diff_matching` per layer and strength of one run, sorted by layer then strength.
 * NaN values are skipped; a cell with only NaN is left out, as `pivot_table` drops it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const cells = meanByLayerStrength(await loadRun(dir, "4B", "corrigible"));
 * assert.equal(cells.length, 25 * 3); // 25 layers, 3 strengths
 * assert.deepEqual([cells[0].layer, cells[0].strength], [11, -1]);
 * ```
 */
export function meanByLayerStrength(run: SweepRun): HeatmapCell[] {
  const sums = new Map<number, Map<number, { sum: number; n: number }>>();
  const s = run.samples;
  for (let i = 0; i < s.length; i++) {
    const v = s.logit_diff_matching[i];
    if (Number.isNaN(v)) continue;
    let byStrength = sums.get(s.layer[i]);
    if (!byStrength) sums.set(s.layer[i], byStrength = new Map());
    const cell = byStrength.get(s.strength[i]);
    if (cell) {
      cell.sum += v;
      cell.n++;
    } else byStrength.set(s.strength[i], { sum: v, n: 1 });
  }
  const cells: HeatmapCell[] = [];
  for (const layer of [...sums.keys()].sort((a, b) => a - b)) {
    const byStrength = sums.get(layer)!;
    for (const strength of [...byStrength.keys()].sort((a, b) => a - b)) {
      const { sum, n } = byStrength.get(strength)!;
      cells.push({
        model: run.model,
        concept: run.concept,
        layer,
        strength,
        mean_logit_diff: sum / n,
      });
    }
  }
  return cells;
}

/**
 * Heatmap cells of every run, model by model (outer) and concept by concept (inner).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * assert.equal(heatmapMeans(await loadSweep("results/logit_diff_sweep")).length, 1080);
 * ```
 */
export function heatmapMeans(sweep: Pick<Sweep, "runs" | "models" | "concepts">): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  for (const model of sweep.models) {
    for (const concept of sweep.concepts) {
      const run = sweep.runs.find((r) => r.model === model && r.concept === concept);
      if (run) cells.push(...meanByLayerStrength(run));
    }
  }
  return cells;
}

/**
 * The pair the single heatmap shows: 14B corrigible as in the original when present, else the
 * first pair with data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep");
 * assert.deepEqual(heatmapExample(sweep), { model: "14B", concept: "corrigible" });
 * ```
 */
export function heatmapExample(sweep: Pick<Sweep, "runs">): { model: string; concept: string } {
  const runs = sweep.runs;
  const preferred = runs.find((r) => r.model === "14B" && r.concept === "corrigible");
  const run = preferred ?? runs[0];
  return { model: run.model, concept: run.concept };
}
