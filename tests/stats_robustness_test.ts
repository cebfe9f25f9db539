import assert from "node:assert/strict";
import { bestLayers, findBest } from "../lib/stats/best_layers.ts";
import { heldOutProfile } from "../lib/stats/held_out.ts";
import { promptMatrix } from "../lib/stats/prompt_matrix.ts";
import { mean } from "../lib/stats/describe.ts";
import { pairRecord, pairResult, type RobustnessRecord } from "../lib/stats/robustness.ts";
import { robustness } from "../lib/stats/robustness_sweep.ts";
import { fileURLToPath as fromFileUrl } from "node:url";
import { loadSweep } from "../lib/sweep/load.ts";
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

Deno.test("the held-out interval: above 0 with a planted effect, about 0 without", () => {
  assert.ok(planted.every((r) => r.held_out_ci_low > 0 && Math.abs(r.held_out_layer - 18) <= 2));
  assert.ok(planted.every((r) => r.held_out_ci_low <= 6 && r.held_out_ci_high >= 4.5));
  // Without an effect every bootstrap interval of the maximum lies above 0, the held-out ones not
  assert.ok(none.every((r) => r.ci_low > 0), none.map((r) => r.ci_low).join(", "));
  // (at 95% coverage, two misses of six would happen 3% of the time; the simulation of a
  // thousand pairs is in stats_held_out_test.ts)
  const misses = none.filter((r) => !(r.held_out_ci_low <= 0 && 0 <= r.held_out_ci_high));
  assert.ok(
    misses.length <= 1,
    misses.map((r) => `${r.held_out_ci_low} ${r.held_out_ci_high}`).join(", "),
  );
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
    "held_out_layer",
    "held_out_delta",
    "held_out_ci_low",
    "held_out_ci_high",
    "mean_paired_diff",
    "d_z",
    "t",
    "p",
    "p_holm",
    "cohens_d",
    "cohens_d_ci_low",
    "cohens_d_ci_high",
    "glass_delta_unsteered",
    "p_selection",
  ]);
});

// Reference values from scipy (tests/fixtures/scipy/make_fixtures.py): ttest_rel of the +1
// against the -1 values at the best layer, d_z, Cohen's d, Glass's delta, Holm, on a fixed sweep.
Deno.test("the paired statistics of each record are scipy's on a fixed sweep", async () => {
  const root = new URL("./fixtures/scipy/", import.meta.url);
  const expected = JSON.parse(await Deno.readTextFile(new URL("robustness_expected.json", root)));
  const sweep = await loadSweep(fromFileUrl(new URL("sweep", root)));
  const got = robustness(sweep, bestLayers(sweep), { resamples: 50, splits: 10 });
  assert.equal(got.length, expected.cases.length);
  const fields = ["best_delta", "mean_paired_diff", "d_z", "t", "p", "p_holm", "cohens_d"] as const;
  for (const [i, want] of expected.cases.entries()) {
    const r = got[i];
    assert.deepEqual([r.model, r.concept, r.best_layer], [
      want.model,
      want.concept,
      want.best_layer,
    ]);
    for (const field of [...fields, "p_selection"] as const) {
      assert.ok(
        Math.abs(r[field] - want[field]) <= 1e-9 * Math.max(1, Math.abs(want[field])),
        `${r.model} ${r.concept} ${field}: ${r[field]} vs scipy ${want[field]}`,
      );
    }
    // The fixture's glass_delta divides by the strength-0 SD: our glass_delta_unsteered
    const glass = r.glass_delta_unsteered;
    assert.ok(Math.abs(glass - want.glass_delta) <= 1e-9 * Math.max(1, Math.abs(want.glass_delta)));
  }
});

// Every draw of a record is seeded from (seed, model, concept): the record of 8B corrigible is
// the same loaded alone, with the other models, or with the other concepts. Only the
// adjustments across records (p_holm, p_selection) depend on the others, by definition.
Deno.test("a pair's record is the same whatever else is loaded with it", async () => {
  const dir = "results/logit_diff_sweep";
  const recordOf = async (options: { models?: string[]; concepts?: string[] }) => {
    const sweep = await loadSweep(dir, options);
    const records = robustness(sweep, bestLayers(sweep), { resamples: 200, splits: 20, seed: 4 });
    const found = records.find((r) => r.model === "8B" && r.concept === "corrigible")!;
    const { p_holm: _, p_selection: __, ...own } = found;
    return own;
  };
  const alone = await recordOf({ models: ["8B"], concepts: ["corrigible"] });
  assert.deepEqual(await recordOf({}), alone);
  assert.deepEqual(await recordOf({ models: ["32B", "8B"] }), alone);
  assert.deepEqual(await recordOf({ concepts: ["sycophancy", "corrigible"] }), alone);
  assert.ok(alone.ci_low < alone.best_delta && alone.held_out_ci_low < alone.held_out_delta);
});

Deno.test("pairResult: pairRecord's record, with the profile the contrasts need", async () => {
  const sweep = await loadSweep("results/logit_diff_sweep", { models: ["8B"] });
  const run = sweep.runs[0], chosen = findBest(bestLayers(sweep), run.model, run.concept)!;
  const options = { resamples: 40, splits: 6, seed: 2 };
  const { record, profile } = pairResult(run, chosen, options);
  assert.deepEqual(record, pairRecord(run, chosen, options));
  assert.deepEqual(profile, heldOutProfile(promptMatrix(run), 2));
  assert.equal(profile.layer, record?.held_out_layer);
  const absent = pairResult(run, { layer: 999, delta: 1 }, options); // no such layer: no record
  assert.equal(absent.record, undefined);
  assert.deepEqual(absent.profile, profile); // the profile does not depend on the chosen layer
});
