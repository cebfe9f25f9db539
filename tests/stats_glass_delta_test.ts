import assert from "node:assert/strict";
import { glassDeltaOf, glassDeltas, glassVsCohensD } from "../lib/stats/glass_delta.ts";
import type { BestSample } from "../lib/stats/best_samples.ts";
import {
  assertMatchesReference,
  defaultInputs,
  fiveStrengthInputs,
  referenceRows,
  sixModelInputs,
} from "./helpers/author_tables.ts";

const COLUMNS = ["mean_positive", "mean_negative", "std_negative", "delta", "glass_delta"];

const sample = (concept: string, strength: number, value: number): BestSample => ({
  model: "4B",
  concept,
  layer: 18,
  strength,
  prompt_idx: 0,
  matching_answer: "(A)",
  logit_diff_matching: value,
});

Deno.test("glassDeltas on the six-model sweep equals the author's table (pandas) within 1e-9", async () => {
  const { analysis } = await sixModelInputs();
  const rows = glassDeltas(analysis.bestSamples, analysis.effectSizes);
  assert.equal(rows.length, 17); // 235B-A22B has no sycophancy run: left out
  assertMatchesReference(
    rows,
    await referenceRows("glass_delta.csv"),
    ["model", "concept"],
    COLUMNS,
  );
  // Models outer (sweep order), concepts inner, like the effect sizes.
  assert.deepEqual(
    rows.map((r) => `${r.model}/${r.concept}`),
    analysis.effectSizes.map((r) => `${r.model}/${r.concept}`),
  );
  assert.deepEqual(rows.slice(0, 3).map((r) => r.concept), [
    "corrigible",
    "self_awareness",
    "sycophancy",
  ]);
});

Deno.test("glassDeltas keeps the effect sizes' means and delta", async () => {
  const { analysis } = await defaultInputs();
  const rows = glassDeltas(analysis.bestSamples, analysis.effectSizes);
  assert.equal(rows.length, 12);
  rows.forEach((row, i) => {
    const effect = analysis.effectSizes[i];
    assert.equal(row.mean_positive, effect.mean_positive);
    assert.equal(row.mean_negative, effect.mean_negative);
    assert.equal(row.delta, effect.delta);
    assert.ok(row.glass_delta > 0 && Number.isFinite(row.glass_delta));
  });
});

Deno.test("glassDeltas on a five-strength sweep uses only the +1 and -1 runs", async () => {
  const { analysis } = await fiveStrengthInputs();
  const rows = glassDeltas(analysis.bestSamples, analysis.effectSizes);
  assert.equal(rows.length, 6);
  for (const row of rows) {
    const effect = analysis.effectSizes.find((e) =>
      e.model === row.model && e.concept === row.concept
    )!;
    assert.equal(row.delta, effect.delta);
    assert.ok(Number.isFinite(row.glass_delta));
  }
});

Deno.test("glassDeltaOf is NaN without spread at -1 (the author's 0)", () => {
  assert.ok(Number.isNaN(glassDeltaOf([1, 2, 3], [4, 4, 4])));
  assert.ok(Number.isNaN(glassDeltaOf([1, 2, 3], [4])));
  assert.equal(glassDeltaOf([4, 6], [1, 3, NaN]), 3 / Math.SQRT2); // NaN skipped, as pandas
});

Deno.test("glassDeltas of a hand-made pair", () => {
  const samples = [
    sample("a", 1, 6),
    sample("a", 1, 10),
    sample("a", -1, 1),
    sample("a", -1, 3),
    sample("a", -1, 5),
    sample("a", 0, 100),
    sample("b", 1, 1),
  ];
  const [row] = glassDeltas(samples, [{ model: "4B", concept: "a" }]);
  assert.deepEqual(row, {
    model: "4B",
    concept: "a",
    mean_positive: 8,
    mean_negative: 3,
    std_negative: 2,
    delta: 5,
    glass_delta: 2.5,
  });
});

Deno.test("glassVsCohensD merges on model and concept and divides glass by d", async () => {
  const { analysis } = await sixModelInputs();
  const glass = glassDeltas(analysis.bestSamples, analysis.effectSizes);
  const rows = glassVsCohensD(analysis.effectSizes, glass);
  assert.equal(rows.length, 17);
  const reference = await referenceRows("glass_delta.csv");
  const row = rows.find((r) => r.model === "14B" && r.concept === "corrigible")!;
  const expected = reference.find((r) => r.model === "14B" && r.concept === "corrigible")!;
  assert.ok(Math.abs(row.glass_delta - Number(expected.glass_delta)) < 1e-9);
  assert.ok(Math.abs(row.ratio - row.glass_delta / row.cohens_d) < 1e-15);
  // Glass over d is the pooled SD over the SD at -1, sqrt((sd+² + sd-²) / 2) / sd-: at least
  // sqrt(1/2), and above 1 exactly where +1 scatters more than -1.
  for (const r of rows) assert.ok(r.ratio >= Math.SQRT1_2, `${r.model}/${r.concept}`);
  // A pair missing from either table is left out.
  assert.equal(glassVsCohensD(analysis.effectSizes, glass.slice(1)).length, 16);
});
