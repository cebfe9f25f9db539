import assert from "node:assert/strict";
import { modelCorrelations, modelMeans } from "../lib/stats/model_correlations.ts";
import { modelTable } from "../lib/models/qwen3.ts";
import {
  assertMatchesReference,
  defaultInputs,
  fiveStrengthInputs,
  referenceRows,
  sixModelInputs,
} from "./helpers/author_tables.ts";
import { effectRow } from "./helpers/effect_rows.ts";

const KEYS = ["x", "y"], COLUMNS = ["n", "r", "p"];

Deno.test("modelCorrelations with nominal counts equals the author's pearsonr (scipy)", async () => {
  const { analysis, models } = await sixModelInputs();
  const rows = modelCorrelations(analysis.effectSizes, models);
  assertMatchesReference(rows, await referenceRows("model_correlations.csv"), KEYS, COLUMNS);
  assert.deepEqual(rows.map((r) => `${r.x}/${r.y}`), [
    "total_params/cohens_d",
    "total_params/delta",
    "active_params/cohens_d",
    "active_params/delta",
  ]);
  assert.deepEqual(modelCorrelations(analysis.effectSizes, models, { source: "nominal" }), rows);
});

Deno.test("modelCorrelations with the report's counts equals the precise reference", async () => {
  const { analysis, models } = await sixModelInputs();
  const rows = modelCorrelations(analysis.effectSizes, models, { source: "report" });
  assertMatchesReference(
    rows,
    await referenceRows("model_correlations_precise.csv"),
    KEYS,
    COLUMNS,
  );
});

Deno.test("modelMeans averages each model over its pairs with data", async () => {
  const { analysis } = await sixModelInputs();
  const means = modelMeans(analysis.effectSizes);
  assert.deepEqual(means.map((m) => m.model), analysis.modelAvgEffect.map(([m]) => m));
  means.forEach((m, i) => assert.equal(m.cohens_d, analysis.modelAvgEffect[i][1]));
  // 235B-A22B: two pairs (no sycophancy run).
  const big = analysis.effectSizes.filter((r) => r.model === "235B-A22B");
  assert.equal(big.length, 2);
  assert.equal(means.at(-1)!.delta, (big[0].delta + big[1].delta) / 2);
});

Deno.test("modelCorrelations on the default data: four models, active equals total", async () => {
  const { analysis, models } = await defaultInputs();
  const rows = modelCorrelations(analysis.effectSizes, models);
  assert.ok(rows.every((r) => r.n === 4 && Number.isFinite(r.r) && r.p > 0 && r.p <= 1));
  // Dense models only: the active count is the total.
  assert.deepEqual(rows[2].r, rows[0].r);
  assert.deepEqual(rows[3].p, rows[1].p);
});

Deno.test("modelCorrelations needs three models with counts, else NaN", async () => {
  const { analysis, models } = await fiveStrengthInputs();
  assert.ok(modelCorrelations(analysis.effectSizes, models).every((r) => r.n === 3));
  const two = analysis.effectSizes.filter((r) => r.model !== "32B");
  for (const row of modelCorrelations(two, models)) {
    assert.equal(row.n, 2);
    assert.ok(Number.isNaN(row.r) && Number.isNaN(row.p));
  }
});

Deno.test("modelCorrelations leaves out models without a parameter count", () => {
  const row = (model: string, cohens_d: number, delta: number) =>
    effectRow(model, "c", cohens_d, delta);
  // d falls with size exactly on a line against total params: 4B, 8B, 32B (nominal 4, 8, 32).
  const effects = [row("4B", 3, 1), row("8B", 2.5, 2), row("32B", -0.5, 3), row("mine", 9, 9)];
  const models = modelTable(["4B", "8B", "32B", "mine"], { mine: 20 });
  const [totalD, totalDelta] = modelCorrelations(effects, models);
  assert.equal(totalD.n, 3);
  assert.ok(Math.abs(totalD.r + 1) < 1e-12);
  assert.equal(totalD.p, 0); // as scipy: r is exactly -1
  // Values printed by scipy 1.17 `stats.pearsonr` on the same numbers.
  assert.ok(Math.abs(totalDelta.r - 0.9244734516419051) < 1e-12); // delta 1, 2, 3
  assert.ok(Math.abs(totalDelta.p - 0.24901011701138936) < 1e-6);
  const [reportD] = modelCorrelations(effects, models, { source: "report" });
  assert.equal(reportD.n, 3); // the report's counts (4.0, 8.2, 32.8): off the line
  assert.ok(Math.abs(reportD.r + 0.9999956762771018) < 1e-12);
  assert.ok(Math.abs(reportD.p - 0.0018720791382333991) < 1e-6);
});
