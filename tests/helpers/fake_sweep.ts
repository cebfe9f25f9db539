/** Test helper: sweeps built in memory from a few hand-written rows. */
import { toDictionary } from "../../lib/sweep/columns.ts";
import type { LayerSummaryRow, Sweep, SweepRun } from "../../lib/sweep/types.ts";

/** One hand-written sample: [layer, strength, prompt_idx, logit_diff_matching]. */
export type SampleTuple = [number, number, number, number];

/** A run from layer rows `[layer, delta]` (means set so that delta = positive - negative). */
export function fakeRun(
  model: string,
  concept: string,
  layers: Array<[number, number]>,
  samples: SampleTuple[] = [],
): SweepRun {
  const rows: LayerSummaryRow[] = layers.map(([layer, delta]) => ({
    model,
    concept,
    layer,
    baseline_mean: 0.5,
    positive_mean: delta / 2,
    negative_mean: -delta / 2,
    delta,
  }));
  const n = samples.length;
  const col = (i: number) => Float64Array.from(samples, (s) => s[i]);
  return {
    model,
    concept,
    dir: `${concept}/${model}`,
    layers: rows,
    samples: {
      length: n,
      layer: Int32Array.from(samples, (s) => s[0]),
      strength: col(1),
      prompt_idx: Int32Array.from(samples, (s) => s[2]),
      matching_answer: toDictionary(samples.map((s) => (s[2] % 2 === 0 ? "(A)" : "(B)"))),
      logprob_A: new Float64Array(n),
      logprob_B: new Float64Array(n),
      logit_diff_AB: col(3),
      logit_diff_matching: col(3),
    },
  };
}

/** A sweep of the given runs, models and concepts. */
export function fakeSweep(
  runs: SweepRun[],
  models: string[],
  concepts: string[],
  layerCounts: Record<string, number>,
): Sweep {
  return { dir: "fake", models, concepts, runs, layerCounts, missing: [], notes: [] };
}
