import assert from "node:assert/strict";
import { baselineDispositions, strengthSpread } from "../lib/stats/best_layer_spread.ts";
import type { BestSample } from "../lib/stats/best_samples.ts";
import { findBest } from "../lib/stats/best_layers.ts";
import { mean, std } from "../lib/stats/describe.ts";
import {
  assertMatchesReference,
  defaultInputs,
  FIVE_STRENGTHS,
  fiveStrengthInputs,
  referenceRows,
  sixModelInputs,
} from "./helpers/author_tables.ts";

const sample = (model: string, concept: string, strength: number, value: number): BestSample => ({
  model,
  concept,
  layer: 18,
  strength,
  prompt_idx: 0,
  matching_answer: "(A)",
  logit_diff_matching: value,
});

Deno.test("strengthSpread on the six-model sweep equals the author's table (pandas) within 1e-9", async () => {
  const { sweep, analysis } = await sixModelInputs();
  const rows = strengthSpread(analysis.bestSamples, sweep.models);
  assertMatchesReference(
    rows,
    await referenceRows("strength_spread.csv"),
    ["model", "strength"],
    ["std_mean"],
  );
  // Models in sweep order, strengths ascending within each.
  assert.deepEqual(rows.slice(0, 4).map((r) => `${r.model}:${r.strength}`), [
    "4B:-1",
    "4B:0",
    "4B:1",
    "8B:-1",
  ]);
});

Deno.test("baselineDispositions on the six-model sweep equals the author's table within 1e-9", async () => {
  const { sweep, analysis } = await sixModelInputs();
  const rows = baselineDispositions(analysis.bestSamples, sweep.models, sweep.concepts);
  assert.equal(rows.length, 17); // 235B-A22B has no sycophancy run
  assertMatchesReference(
    rows,
    await referenceRows("baseline_dispositions.csv"),
    ["model", "concept"],
    ["baseline_mean"],
  );
  assert.deepEqual(rows.slice(0, 4).map((r) => `${r.model}:${r.concept}`), [
    "4B:corrigible",
    "4B:self_awareness",
    "4B:sycophancy",
    "8B:corrigible",
  ]);
});

Deno.test("baselineDispositions agrees with the layer summaries' baseline_mean", async () => {
  const { sweep, analysis } = await defaultInputs();
  const rows = baselineDispositions(analysis.bestSamples, sweep.models, sweep.concepts);
  assert.equal(rows.length, 12);
  for (const row of rows) {
    const best = findBest(analysis.bestLayers, row.model, row.concept)!;
    assert.ok(
      Math.abs(row.baseline_mean - best.baseline_mean) < 1e-6,
      `${row.model}/${row.concept}`,
    );
  }
});

Deno.test("strengthSpread takes every strength of the data (five on a synthetic sweep)", async () => {
  const { sweep, analysis } = await fiveStrengthInputs();
  const rows = strengthSpread(analysis.bestSamples, sweep.models);
  assert.equal(rows.length, 3 * FIVE_STRENGTHS.length);
  assert.deepEqual(rows.slice(0, 5).map((r) => r.strength), FIVE_STRENGTHS);
  // The generator adds noise at every strength but 0, where each prompt keeps its baseline at
  // every layer: the spread at 0 is that of the baselines, the same at the first layer.
  for (const model of sweep.models) {
    const at = (strength: number) =>
      rows.find((r) => r.model === model && r.strength === strength)!;
    const firstLayerSds = sweep.runs.filter((run) => run.model === model).map((run) => {
      const s = run.samples, first = s.layer[0];
      return std(
        s.logit_diff_matching.filter((_, i) => s.layer[i] === first && s.strength[i] === 0),
      );
    });
    assert.ok(Math.abs(at(0).std_mean - mean(firstLayerSds)) < 1e-12, model);
    assert.ok(at(0).std_mean < at(-2).std_mean && at(0).std_mean < at(2).std_mean, model);
  }
});

Deno.test("strengthSpread skips an SD that cannot be computed, NaN when none can", () => {
  const samples = [
    sample("4B", "a", -1, 0),
    sample("4B", "a", -1, 2),
    sample("4B", "b", -1, 1),
    sample("4B", "b", -1, 5),
    sample("4B", "c", -1, 7), // one value: no SD, skipped in the mean
    sample("4B", "a", 1, 3),
    sample("8B", "a", -1, 1),
  ];
  const rows = strengthSpread(samples, ["14B", "4B", "8B"]);
  assert.deepEqual(rows.map((r) => `${r.model}:${r.strength}`), [
    "4B:-1",
    "4B:1",
    "8B:-1",
    "8B:1",
  ]); // 14B has no samples: no rows
  assert.equal(rows[0].std_mean, (Math.SQRT2 + 2 * Math.SQRT2) / 2);
  assert.ok(Number.isNaN(rows[1].std_mean));
  assert.ok(Number.isNaN(rows[3].std_mean)); // 8B has no +1 samples at all
});

Deno.test("baselineDispositions is NaN for a pair without strength 0", () => {
  const samples = [sample("4B", "a", 1, 3), sample("4B", "b", 0, 2), sample("4B", "b", 0, 5)];
  const rows = baselineDispositions(samples, ["4B"], ["a", "b", "c"]);
  assert.deepEqual(rows.map((r) => r.concept), ["a", "b"]);
  assert.ok(Number.isNaN(rows[0].baseline_mean));
  assert.equal(rows[1].baseline_mean, 3.5);
});
