import assert from "node:assert/strict";
import { bestLayers } from "../lib/stats/best_layers.ts";
import { mean } from "../lib/stats/describe.ts";
import { robustness, type RobustnessRecord } from "../lib/stats/robustness.ts";
import { loadTempSweep } from "./helpers/temp_sweep.ts";

const CONCEPTS = ["a", "b", "c", "d", "e", "f"];

async function records(effect: number): Promise<RobustnessRecord[]> {
  const sweep = await loadTempSweep({
    models: [{ label: "4B", layers: 36 }],
    concepts: CONCEPTS,
    prompts: 100,
    effect,
    noise: 2,
    seed: 5,
  });
  return robustness(sweep, bestLayers(sweep), { resamples: 500, splits: 100, seed: 3 });
}

const planted = await records(6);
const none = await records(0);

Deno.test("a planted effect: its layer is recovered, stable, and the intervals bracket it", () => {
  assert.equal(planted.length, CONCEPTS.length);
  for (const r of planted) {
    assert.ok(Math.abs(r.best_layer - 18) <= 1, `best layer ${r.best_layer}`);
    assert.ok(r.layer_stability >= 0.7, `stability ${r.layer_stability}`);
    assert.ok(Math.abs(r.split_half_delta - 6) < 1, `split-half ${r.split_half_delta}`);
    assert.ok(r.ci_low <= r.best_delta && r.best_delta <= r.ci_high, `${r.ci_low} ${r.ci_high}`);
    assert.ok(r.cohens_d_ci_low <= r.cohens_d && r.cohens_d <= r.cohens_d_ci_high);
    assert.ok(r.p_holm < 1e-10 && r.p_selection < 1e-10);
  }
});

Deno.test("no effect: the naive maximum is positive, the held-out delta about 0, layers unstable", () => {
  const naive = mean(none.map((r) => r.best_delta));
  const heldOut = mean(none.map((r) => r.split_half_delta));
  const stability = mean(none.map((r) => r.layer_stability));
  assert.ok(naive > 0.4, `naive maximum ${naive} (selection bias)`);
  assert.ok(Math.abs(heldOut) < 0.2, `split-half ${heldOut}`);
  assert.ok(stability < 0.5, `stability ${stability}`);
  assert.ok(stability < mean(planted.map((r) => r.layer_stability)) - 0.3);
  // The t-test at the chosen layer does not know the layer was chosen as the maximum: its p is
  // optimistic under no effect. p_selection corrects for the layers searched.
  assert.ok(none.some((r) => r.p < 0.05), "selection makes raw p-values optimistic");
  assert.ok(none.every((r) => r.p_selection >= 0.05), none.map((r) => r.p_selection).join(", "));
});

Deno.test("every record carries the fields robustness.json promises, in order", () => {
  assert.deepEqual(Object.keys(planted[0]), [
    "model",
    "concept",
    "best_layer",
    "best_delta",
    "ci_low",
    "ci_high",
    "layer_stability",
    "split_half_delta",
    "mean_paired_diff",
    "d_z",
    "t",
    "p",
    "p_holm",
    "cohens_d",
    "cohens_d_ci_low",
    "cohens_d_ci_high",
    "glass_delta",
    "p_selection",
  ]);
});

Deno.test("paired statistics agree with the delta when every prompt has both strengths", () => {
  for (const r of planted) {
    assert.ok(Math.abs(r.mean_paired_diff - r.best_delta) < 1e-9);
    assert.ok(Math.abs(r.t - r.d_z * Math.sqrt(100)) < 1e-9);
  }
});
