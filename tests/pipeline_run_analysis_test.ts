/**
 * Per-run analyses: computed run by run (in any order or thread) and adjusted across runs, they
 * give exactly the records `robustness` computes over the whole sweep, in its order.
 */
import assert from "node:assert/strict";
import { loadSweep } from "../lib/sweep/load.ts";
import { bestLayers } from "../lib/stats/best_layers.ts";
import { robustness } from "../lib/stats/robustness_sweep.ts";
import { analyseRun, recordsOf } from "../lib/stats/run_analysis.ts";

const OPTIONS = { resamples: 100, seed: 5, splits: 10 };
const sweep = await loadSweep("results/logit_diff_sweep");

Deno.test("run by run, then adjusted: the records of robustness(), in its order", () => {
  const analyses = [...sweep.runs].reverse().map((run) => analyseRun(run, OPTIONS)).reverse();
  assert.deepEqual(recordsOf(sweep, analyses), robustness(sweep, bestLayers(sweep), OPTIONS));
});

Deno.test("a run without a best layer has no record, and is left out as robustness() does", () => {
  const runs = sweep.runs.map((run, i) =>
    i === 4 ? { ...run, layers: run.layers.map((row) => ({ ...row, delta: NaN })) } : run
  );
  const changed = { ...sweep, runs };
  const analyses = runs.map((run) => analyseRun(run, OPTIONS));
  assert.deepEqual(analyses[4], {});
  const records = recordsOf(changed, analyses);
  assert.equal(records.length, 11);
  assert.deepEqual(records, robustness(changed, bestLayers(changed), OPTIONS));
});
