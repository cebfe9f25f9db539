/**
 * The robustness records and the model contrasts of a sweep in one call, from one analysis of
 * each run (its bootstrap, split halves and held-out profile: `analyseRun`), the same numbers as
 * `robustness` and `modelContrasts` (tested). Computing the runs on two worker threads was tried
 * and measured slower on the 10 M-row sweep (cloning the runs' columns and starting the workers
 * cost more than the second core gave: 5.84 s against 5.17 s, peak 744 MB against 563 MB).
 * @module
 */
import type { Sweep } from "../sweep/types.ts";
import type { BestLayerRow } from "./best_layers.ts";
import type { ModelContrast } from "./model_contrast.ts";
import type { RecordOptions, RobustnessRecord } from "./robustness.ts";
import { analyseRun, contrastsOfRuns, recordsOf, type RunAnalysis } from "./run_analysis.ts";

/** The robustness records (Holm-adjusted across them) and the paired model contrasts. */
export interface RobustnessResults {
  records: RobustnessRecord[];
  contrasts: ModelContrast[];
}

/**
 * {@link RobustnessResults} of a sweep under the best-layer rule whose choices are `best` and
 * whose candidate layers are `options.candidates`: the records of `robustness()` and the
 * contrasts of `modelContrasts()`, the same numbers. A record whose best layer is not the
 * table's is an error: the two were computed under different rules.
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
  recordOptions: RecordOptions = {},
): RobustnessResults {
  const analyses: RunAnalysis[] = sweep.runs.map((run) => analyseRun(run, recordOptions));
  const records = recordsOf(sweep, analyses, recordOptions.candidates);
  for (const record of records) {
    const chosen = best.find((b) => b.model === record.model && b.concept === record.concept);
    if (chosen?.layer !== record.best_layer) {
      throw new Error(
        `${record.model}/${record.concept}: the best-layer table says layer ${chosen?.layer}, the ` +
          `rule's candidates give ${record.best_layer}: compute both under one best-layer rule`,
      );
    }
  }
  const contrasts = contrastsOfRuns(
    sweep,
    analyses,
    recordOptions.seed ?? 1,
    recordOptions.candidates,
  );
  return { records, contrasts };
}
