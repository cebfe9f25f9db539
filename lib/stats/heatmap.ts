/**
 * Mean logit difference by layer and strength (the original's `pivot_table` per heatmap).
 * @module
 */
import { runOf, type Sweep, type SweepRun } from "../sweep/types.ts";
import { codeValues, columnRange } from "../sweep/keys.ts";

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
  const s = run.samples;
  const [low, high] = columnRange(s.layer);
  // cells by (strength's code, layer - low): the sums in row order, as a Map would add them
  const { codes, values: strengths } = codeValues(s.strength);
  const spans = s.length ? high - low + 1 : 0;
  const sums = new Float64Array(spans * strengths.length);
  const counts = new Float64Array(spans * strengths.length);
  for (let i = 0; i < s.length; i++) {
    const v = s.logit_diff_matching[i];
    if (Number.isNaN(v)) continue;
    const cell = codes[i] * spans + (s.layer[i] - low);
    sums[cell] = counts[cell]++ === 0 ? v : sums[cell] + v; // the first value as is (-0 stays)
  }
  const order = strengths.map((_, j) => j).sort((a, b) => strengths[a] - strengths[b]);
  const cells: HeatmapCell[] = [];
  for (let l = 0; l < spans; l++) {
    for (const j of order) {
      const n = counts[j * spans + l];
      if (n === 0) continue;
      cells.push({
        model: run.model,
        concept: run.concept,
        layer: low + l,
        strength: strengths[j],
        mean_logit_diff: sums[j * spans + l] / n,
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
      const run = runOf(sweep, model, concept);
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
