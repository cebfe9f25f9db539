/**
 * The Model Comparisons section as the render task writes it: each CSV file equals the author's
 * pandas/scipy tables (`fixtures/reference/author_6x3/`) on the six-model sweep, and the section
 * runs on the default four-model data.
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { COMPARISON_SECTIONS } from "../lib/pipeline/sections/comparisons.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { dataSteps, fileName, fileText } from "../lib/pipeline/files.ts";
import { computeResults, type Results } from "../lib/pipeline/results.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { sixModelSweep } from "./helpers/figure_svgs.ts";
import { assertMatchesReference, referenceJson, referenceRows } from "./helpers/author_tables.ts";

async function sixModelResults(): Promise<Results> {
  const dir = await sixModelSweep();
  try {
    return computeResults(await loadSweep(dir), { resamples: 10, splits: 2 });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const six = await sixModelResults();
const files = new Map(dataSteps(COMPARISON_SECTIONS).map((s) => [fileName(s), s]));
const written = (name: string) => csvParse(fileText(files.get(name)!, six));

/** Each file with a reference, its key columns and its value columns. */
const CASES: [string, string[], string[]][] = [
  ["glass_delta.csv", ["model", "concept"], [
    "mean_positive",
    "mean_negative",
    "std_negative",
    "delta",
    "glass_delta",
  ]],
  ["strength_spread.csv", ["model", "strength"], ["std_mean"]],
  ["baseline_dispositions.csv", ["model", "concept"], ["baseline_mean"]],
  ["best_layer_depth.csv", ["model"], ["layer_frac_mean"]],
  ["model_correlations.csv", ["x", "y"], ["n", "r", "p"]],
  ["model_correlations_precise.csv", ["x", "y"], ["n", "r", "p"]],
];

for (const [name, keys, columns] of CASES) {
  Deno.test(`${name} as written equals the author's table on the six-model sweep`, async () => {
    assertMatchesReference(written(name), await referenceRows(name), keys, columns);
  });
}

Deno.test("group_effects.csv as written equals the author's groups; depth rows are added", async () => {
  const rows = written("group_effects.csv");
  const columns = ["n_pairs", "cohens_d_mean", "cohens_d_std", "delta_mean", "delta_std"];
  const authors = rows.filter((r) => r.attribute !== "depth");
  assertMatchesReference(authors, await referenceRows("group_effects.csv"), [
    "attribute",
    "group",
  ], columns);
  assert.deepEqual(rows.filter((r) => r.attribute === "depth").map((r) => r.group), [
    "deep",
    "shallow",
  ]);
});

Deno.test("layer_frac_vs_d.csv as written equals the author's pair-level correlation", async () => {
  const [row] = written("layer_frac_vs_d.csv");
  const reference = await referenceJson("layer_frac_vs_d.json");
  assert.equal(Number(row.n), reference.n);
  assert.ok(Math.abs(Number(row.r) - reference.r) < 1e-9, `r ${row.r}`);
  assert.ok(Math.abs(Number(row.p) - reference.p) < 1e-6, `p ${row.p}`);
});

Deno.test("glass_vs_cohens_d.csv: the ratio of the two effect sizes of every pair with data", () => {
  const rows = written("glass_vs_cohens_d.csv");
  assert.equal(rows.length, 17); // 6 models x 3 concepts, 235B-A22B has no sycophancy run
  for (const row of rows) {
    const ratio = Number(row.glass_delta) / Number(row.cohens_d);
    assert.ok(Math.abs(Number(row.ratio) - ratio) < 1e-12, `${row.model} ${row.concept}`);
  }
});

Deno.test("the section runs on the default data: one full-RL model, no MoE model", async () => {
  const results = computeResults(await loadSweep("results/logit_diff_sweep"), {
    resamples: 10,
    splits: 2,
  });
  const text = (name: string) => csvParse(fileText(files.get(name)!, results));
  assert.equal(text("glass_delta.csv").length, 12);
  assert.deepEqual(text("group_effects.csv").map((r) => `${r.attribute}:${r.group}`), [
    "training:distilled",
    "training:full-rl",
    "architecture:dense",
    "depth:deep",
    "depth:shallow",
  ]);
  assert.equal(text("model_correlations.csv").length, 4);
});

Deno.test("model correlations carry a permutation p over the models: a count of the 720 orderings", () => {
  for (const row of written("model_correlations.csv")) {
    const p = Number(row.p_permutation);
    assert.ok(p >= 1 / 720 && p <= 1, `${row.x} ${row.y}`);
    assert.ok(Math.abs(p * 720 - Math.round(p * 720)) < 1e-9, `${row.x} ${row.y}: ${p}`);
  }
  const active = written("model_correlations.csv").find((r) =>
    r.x === "active_params" && r.y === "delta"
  )!;
  assert.equal(Number(active.p_permutation), 9 / 720); // r = -0.91: 9 orderings as extreme
});

Deno.test("the correlations report puts each of the author's p beside a test over the models", () => {
  const step = COMPARISON_SECTIONS.flatMap((s) => s.steps).find((s) =>
    s.name === "correlations_report"
  );
  assert.ok(step?.kind === "report");
  const text = step.text(six);
  assert.match(
    text,
    /delta vs active parameters: +r = -0\.91, p = 0\.011 \(Student t\), p = 0\.013/,
  );
  assert.match(text, /over the 17 pairs: r = -0\.55, p = 0\.022 \(the author's\)/);
  assert.match(text, /over the 6 models' means: r = -0\.50, p = 0\.319 \(permutation\)/);
  assert.match(text, /with the model as the unit the association is not shown/);
});

Deno.test("the robustness report on the default data: one deep model, said so", async () => {
  const results = computeResults(await loadSweep("results/logit_diff_sweep"), {
    resamples: 200,
    splits: 20,
  });
  const step = PIPELINE.flatMap((s) => s.steps).find((s) => s.name === "robustness_report");
  assert.ok(step?.kind === "report");
  const text = step.text(results);
  assert.match(text, /corrigible: shown for 32B: its effect is below each shallow model's/);
  assert.match(text, /With 1 deep model \(32B\), these contrasts compare that model/);
  assert.match(text, /Training and depth split these models the same way/);
  assert.doesNotMatch(text, /holds: every deep model/);
});
