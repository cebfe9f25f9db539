/**
 * `computeResults` with the run analyses of the loading workers gives the results it computes on
 * its own; analyses computed with other options are refused, never mixed in.
 */
import assert from "node:assert/strict";
import { loadSweep } from "../lib/sweep/load.ts";
import { computeResults } from "../lib/pipeline/results.ts";
import { loadAnalysed } from "../lib/pipeline/sweep_loading.ts";

const DATA = "results/logit_diff_sweep";
const OPTIONS = { resamples: 60, seed: 2, splits: 8 };

Deno.test("precomputed run analyses give the same records and contrasts", async () => {
  const loaded = await loadAnalysed(DATA, { workers: 2, robustness: OPTIONS });
  const withWorkers = computeResults(loaded.sweep, OPTIONS, () => {}, loaded);
  const alone = computeResults(await loadSweep(DATA), OPTIONS);
  assert.deepEqual(withWorkers.robustness, alone.robustness);
  assert.deepEqual(withWorkers.contrasts, alone.contrasts);
  assert.deepEqual(withWorkers.analysis, alone.analysis);
});

Deno.test("analyses computed with other options are an error", async () => {
  const loaded = await loadAnalysed(DATA, { models: ["4B"], robustness: { resamples: 10 } });
  assert.throws(
    () => computeResults(loaded.sweep, { resamples: 20 }, () => {}, loaded),
    /other robustness options/,
  );
});
