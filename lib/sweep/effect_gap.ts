/**
 * Whether a standardized effect (Cohen's d) can be computed from two groups of values, and why
 * not: the one rule the loader's notes and the statistics share, so that a pair left out of the
 * effect sizes is always the pair the console names.
 * @module
 */
import { deviation, maxIndex } from "d3-array";
import type { RunFiles } from "./checks.ts";
import type { LayerSummaryRow, SweepRun } from "./types.ts";

/**
 * Why Cohen's d of `positive` against `negative` cannot be computed, or undefined when it can.
 * NaN values are skipped (pandas `skipna`); each group needs two values, all finite, and the
 * pooled standard deviation must be above 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(effectGap([1, 2], [0, 1]), undefined);
 * assert.equal(effectGap([1, NaN], [0, 1]), "1 value at strength +1 (Cohen's d needs 2)");
 * assert.equal(effectGap([1, Infinity], [0, 1]), "an infinite value at strength +1");
 * assert.equal(
 *   effectGap([1, 1], [0, 0]),
 *   "no spread at either strength (pooled standard deviation 0)",
 * );
 * ```
 */
export function effectGap(
  positive: readonly number[],
  negative: readonly number[],
): string | undefined {
  const groups: Array<[string, readonly number[]]> = [["+1", positive], ["-1", negative]];
  for (const [strength, values] of groups) {
    const kept = values.filter((x) => !Number.isNaN(x));
    if (kept.length < 2) {
      const n = kept.length === 1 ? "1 value" : `${kept.length} values`;
      return `${n} at strength ${strength} (Cohen's d needs 2)`;
    }
    if (kept.some((x) => !Number.isFinite(x))) return `an infinite value at strength ${strength}`;
  }
  const pooled = Math.sqrt(
    ((deviation(positive) ?? NaN) ** 2 + (deviation(negative) ?? NaN) ** 2) / 2,
  );
  return pooled > 0 ? undefined : "no spread at either strength (pooled standard deviation 0)";
}

/**
 * Index of a run's best layer in its layer summary: the largest `delta` (pandas `idxmax`: first
 * maximum, NaN skipped); -1 when every delta is NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(bestLayerIndex([{ delta: 1 }, { delta: 3 }, { delta: 3 }]), 1); // the first maximum
 * assert.equal(bestLayerIndex([{ delta: NaN }]), -1);
 * ```
 */
export function bestLayerIndex(layers: readonly Pick<LayerSummaryRow, "delta">[]): number {
  return maxIndex(layers, (row) => row.delta);
}

/**
 * A warning when a run's pair will be missing from every effect-size output although it has data:
 * every delta of layer_summary.csv is missing (no best layer), or at the best layer the per-sample
 * rows give no Cohen's d ({@link effectGap}). Names the file (and the summary's line).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const run = await loadRun("results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B", "4B", "corrigible");
 * const report = (rows: number) => ({
 *   lines: rows + 1,
 *   blank: 0,
 *   rows,
 *   unterminated: false,
 *   lineOfRow: (i: number) => i + 2,
 *   spanning: { records: 0, first: 0, last: 0 },
 * });
 * const files = {
 *   samples: "s.csv",
 *   layers: "l.csv",
 *   samplesReport: report(run.samples.length),
 *   layersReport: report(run.layers.length),
 * };
 * assert.equal(bestLayerNote(run, files), undefined); // every pair of the default data has its d
 * const strength = run.samples.strength.map((s, r) => run.samples.layer[r] === 18 && s === 1 ? 0 : s);
 * const note = bestLayerNote({ ...run, samples: { ...run.samples, strength } }, files);
 * assert.equal(
 *   note,
 *   "warning: 4B/corrigible: s.csv: at the best layer 18 (largest delta, l.csv line 9): 0 values " +
 *     "at strength +1 (Cohen's d needs 2) in logit_diff_matching; the pair is missing from every " +
 *     "effect-size output",
 * );
 * ```
 */
export function bestLayerNote(run: SweepRun, files: RunFiles): string | undefined {
  const pair = `warning: ${run.model}/${run.concept}`;
  const missing = "the pair is missing from every effect-size output";
  const i = bestLayerIndex(run.layers);
  if (i < 0) {
    return `${pair}: ${files.layers}: every delta is missing: no best layer; ${missing}`;
  }
  const layer = run.layers[i].layer, s = run.samples;
  const groups = { positive: [] as number[], negative: [] as number[] };
  for (let r = 0; r < s.length; r++) {
    if (s.layer[r] !== layer) continue;
    if (s.strength[r] === 1) groups.positive.push(s.logit_diff_matching[r]);
    else if (s.strength[r] === -1) groups.negative.push(s.logit_diff_matching[r]);
  }
  const gap = effectGap(groups.positive, groups.negative);
  if (gap === undefined) return undefined;
  return `${pair}: ${files.samples}: at the best layer ${layer} (largest delta, ${files.layers} ` +
    `line ${files.layersReport.lineOfRow(i)}): ${gap} in logit_diff_matching; ${missing}`;
}
