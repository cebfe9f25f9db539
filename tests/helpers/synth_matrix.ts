/**
 * Test helper: prompt matrices drawn directly (no CSV round trip), as lib/synth/sweep.ts draws a
 * run: a per-prompt baseline, and at each layer and strength the baseline plus
 * `strength * plantedDelta(layer) / 2` plus noise. Fast enough for simulations of hundreds of
 * pairs.
 */
import type { PromptMatrix } from "../../lib/stats/prompt_matrix.ts";
import {
  plantedDelta,
  synthLayers,
  type SynthModel,
  type SynthSpec,
} from "../../lib/synth/sweep.ts";
import { normal, seededRandom } from "../../lib/util/random.ts";

/** A synthetic run's matrices for `model` and `concept` under `spec`, drawn from `seed`. */
export function synthMatrix(
  spec: SynthSpec,
  model: SynthModel,
  concept: string,
  seed: number,
): PromptMatrix {
  const rand = seededRandom(seed), noise = spec.noise ?? 2, P = spec.prompts;
  const layers = Int32Array.from(synthLayers(spec, model));
  const base = Float64Array.from({ length: P }, () => 1 + 3 * normal(rand));
  const size = layers.length * P;
  const positive = new Float64Array(size), negative = new Float64Array(size);
  const baseline = new Float64Array(size), difference = new Float64Array(size);
  layers.forEach((layer, l) => {
    const half = plantedDelta(spec, model, layer) / 2;
    for (let p = 0, i = l * P; p < P; p++, i++) {
      positive[i] = base[p] + half + noise * normal(rand);
      negative[i] = base[p] - half + noise * normal(rand);
      baseline[i] = base[p];
      difference[i] = positive[i] - negative[i];
    }
  });
  return {
    model: model.label,
    concept,
    layers,
    prompts: Int32Array.from({ length: P }, (_, p) => p),
    positive,
    negative,
    baseline,
    difference,
  };
}

/** A binomial tolerance: `rate` within `z` standard errors of `nominal` over `n` trials. */
export function withinBinomial(rate: number, nominal: number, n: number, z = 3): boolean {
  return Math.abs(rate - nominal) <= z * Math.sqrt(nominal * (1 - nominal) / n);
}
