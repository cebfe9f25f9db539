/**
 * robustnessOf gives robustness()'s records and modelContrasts()' contrasts, bit for bit, with
 * every layer a candidate and under a restricted rule; and refuses a best-layer table computed
 * under another rule.
 */
import assert from "node:assert/strict";
import { loadSweep } from "../lib/sweep/load.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { bestAmong } from "../lib/stats/candidates.ts";
import { modelContrasts } from "../lib/stats/model_contrast.ts";
import { robustness } from "../lib/stats/robustness_sweep.ts";
import { robustnessOf } from "../lib/stats/robustness_of.ts";

const sweep = await loadSweep("results/logit_diff_sweep");
const { layerSummaries } = analyse(sweep);

Deno.test("robustnessOf: the records and contrasts of robustness() and modelContrasts()", () => {
  const rules = [
    { candidates: undefined, best: bestAmong(layerSummaries) },
    (() => {
      const candidates = layerSummaries.filter((d) => d.layer_frac >= 0.1 && d.layer_frac <= 0.6);
      return { candidates, best: bestAmong(candidates) };
    })(),
  ];
  for (const { candidates, best } of rules) {
    const options = { resamples: 40, seed: 3, candidates };
    const records = robustness(sweep, best, options);
    const contrasts = modelContrasts(sweep, records, { seed: 3, candidates });
    assert.deepEqual(robustnessOf(sweep, best, options), { records, contrasts });
  }
});

Deno.test("robustnessOf refuses a best-layer table of another rule", () => {
  const candidates = layerSummaries.filter((d) => d.layer_frac >= 0.1 && d.layer_frac <= 0.6);
  assert.throws(
    () => robustnessOf(sweep, bestAmong(layerSummaries), { resamples: 10, candidates }),
    /one best-layer rule|another best-layer rule/,
  );
});
