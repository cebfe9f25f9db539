/**
 * The robustness records and the model contrasts of a sweep in one call: `robustness()` then
 * `modelContrasts()`, which reuses each run's held-out profile that `robustness()` computed
 * (`runProfile` remembers it). Computing the runs on two worker threads was tried and measured
 * slower on the 10 M-row sweep (cloning the runs' columns and starting the workers cost more than
 * the second core gave: 5.84 s against 5.17 s, peak 744 MB against 563 MB).
 * @module
 */
import type { Sweep } from "../sweep/types.ts";
import type { BestLayerRow } from "./best_layers.ts";
import { type ModelContrast, modelContrasts } from "./model_contrast.ts";
import type { RecordOptions, RobustnessRecord } from "./robustness.ts";
import { robustness } from "./robustness_sweep.ts";

/** The robustness records (Holm-adjusted across them) and the paired model contrasts. */
export interface RobustnessResults {
  records: RobustnessRecord[];
  contrasts: ModelContrast[];
}

/**
 * {@link RobustnessResults} of a sweep under the best-layer rule whose choices are `best` and
 * whose candidate layers are `options.candidates`: the records of `robustness()` and the
 * contrasts of `modelContrasts()`. A best-layer table of another rule is an error
 * (`robustness()` checks it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSweep } from "../sweep/load.ts";
 * import { bestLayers } from "./best_layers.ts";
 * import { robustness } from "./robustness_sweep.ts";
 * const sweep = await loadSweep("results/logit_diff_sweep", { models: ["4B", "8B"] });
 * const best = bestLayers(sweep);
 * const { records } = robustnessOf(sweep, best, { resamples: 20 });
 * assert.deepEqual(records, robustness(sweep, best, { resamples: 20 }));
 * ```
 */
export function robustnessOf(
  sweep: Pick<Sweep, "runs" | "models" | "concepts">,
  best: readonly BestLayerRow[],
  options: RecordOptions = {},
): RobustnessResults {
  const records = robustness(sweep, best, options);
  const contrasts = modelContrasts(sweep, records, {
    seed: options.seed,
    candidates: options.candidates,
  });
  return { records, contrasts };
}
