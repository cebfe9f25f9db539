import assert from "node:assert/strict";
import { bestLayerDepth, layerFracVsD } from "../lib/stats/best_layer_depth.ts";
import type { BestLayerRow } from "../lib/stats/best_layers.ts";
import type { EffectSizeRow } from "../lib/stats/effect_sizes.ts";
import { pearson } from "../lib/stats/pearson.ts";
import {
  assertMatchesReference,
  defaultInputs,
  fiveStrengthInputs,
  P_TOLERANCE,
  referenceJson,
  referenceRows,
  sixModelInputs,
  VALUE_TOLERANCE,
} from "./helpers/author_tables.ts";

const best = (model: string, concept: string, layer: number): BestLayerRow => ({
  model,
  concept,
  layer,
  delta: 1,
  baseline_mean: 0,
  positive_mean: 1,
  negative_mean: 0,
});
const effect = (model: string, concept: string, cohens_d: number): EffectSizeRow => ({
  model,
  concept,
  mean_positive: 1,
  mean_negative: 0,
  delta: 1,
  cohens_d,
});

Deno.test("bestLayerDepth on the six-model sweep equals the author's table (pandas) within 1e-9", async () => {
  const { sweep, analysis } = await sixModelInputs();
  const rows = bestLayerDepth(analysis.bestLayers, sweep.models, sweep.layerCounts);
  assertMatchesReference(
    rows,
    await referenceRows("best_layer_depth.csv"),
    ["model"],
    ["layer_frac_mean"],
  );
  assert.deepEqual(rows.map((r) => r.model), sweep.models);
});

Deno.test("layerFracVsD on the six-model sweep equals the author's pearsonr (scipy)", async () => {
  const { sweep, analysis } = await sixModelInputs();
  const result = layerFracVsD(analysis.bestLayers, analysis.effectSizes, sweep.layerCounts);
  const reference = await referenceJson("layer_frac_vs_d.json");
  assert.deepEqual(Object.keys(result), ["n", "r", "p"]);
  assert.equal(result.n, reference.n);
  assert.ok(Math.abs(result.r - reference.r) <= VALUE_TOLERANCE, `r ${result.r}`);
  assert.ok(Math.abs(result.p - reference.p) <= P_TOLERANCE, `p ${result.p}`);
});

Deno.test("bestLayerDepth and layerFracVsD on the default data", async () => {
  const { sweep, analysis } = await defaultInputs();
  const rows = bestLayerDepth(analysis.bestLayers, sweep.models, sweep.layerCounts);
  assert.deepEqual(rows.map((r) => r.model), ["4B", "8B", "14B", "32B"]);
  // The mean of bestLayerPosition's per-concept fractions.
  rows.forEach((row, i) => {
    const fractions = Object.values(analysis.bestLayerPosition[i].fractions);
    const expected = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    assert.ok(Math.abs(row.layer_frac_mean - expected) < 1e-12, row.model);
  });
  const result = layerFracVsD(analysis.bestLayers, analysis.effectSizes, sweep.layerCounts);
  assert.equal(result.n, 12);
  assert.ok(result.r >= -1 && result.r <= 1 && result.p > 0 && result.p <= 1);
});

Deno.test("bestLayerDepth on a synthetic sweep finds the planted peak at half the depth", async () => {
  const { sweep, analysis } = await fiveStrengthInputs();
  const rows = bestLayerDepth(analysis.bestLayers, sweep.models, sweep.layerCounts);
  assert.equal(rows.length, 3);
  for (const row of rows) assert.ok(Math.abs(row.layer_frac_mean - 0.5) < 0.06, row.model);
});

Deno.test("bestLayerDepth leaves out models without a best layer, NaN without a count", () => {
  const rows = bestLayerDepth(
    [best("4B", "a", 9), best("4B", "b", 27), best("x", "a", 3)],
    ["8B", "4B", "x"],
    { "4B": 36, "8B": 36 },
  );
  assert.deepEqual(rows.map((r) => r.model), ["4B", "x"]);
  assert.equal(rows[0].layer_frac_mean, 0.5);
  assert.ok(Number.isNaN(rows[1].layer_frac_mean));
});

Deno.test("layerFracVsD pairs the effect sizes with their best layers", () => {
  const layers = [best("4B", "a", 9), best("4B", "b", 18), best("8B", "a", 27), best("x", "a", 1)];
  const effects = [
    effect("4B", "a", 3),
    effect("4B", "b", 1),
    effect("8B", "a", 2),
    effect("8B", "b", 5), // no best layer: left out
    effect("x", "a", 9), // no layer count: left out
  ];
  const result = layerFracVsD(layers, effects, { "4B": 36, "8B": 36 });
  assert.deepEqual(result, pearson([0.25, 0.5, 0.75], [3, 1, 2]));
  assert.equal(result.n, 3);
  assert.ok(Math.abs(result.r + 0.5) < 1e-12); // fractions 1/4, 1/2, 3/4 against 3, 1, 2
});
