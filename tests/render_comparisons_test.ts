/**
 * The notebook's Model Comparisons cells as `deno task render` runs them: each CSV file equals the
 * author's pandas/scipy tables (`fixtures/reference/author_6x3/`) on the six-model sweep, the
 * printed reports put each of the author's p-values beside a test over the models, and the cells
 * run on the default four-model data too.
 */
import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { assertMatchesReference, referenceJson, referenceRows } from "./helpers/author_tables.ts";
import { DEFAULT_DATA, renderInProcess, sixModelSweepIn } from "./helpers/render_run.ts";
import { inTemp } from "./helpers/temp_dir.ts";

let six!: Awaited<ReturnType<typeof renderInProcess>>;
await inTemp(async (dir) => {
  const data = await sixModelSweepIn(dir);
  six = await renderInProcess(["--data", data, "--no-figures", "--resamples", "10"]);
});
const written = (name: string) => {
  const text = six.files.get(name);
  assert.ok(text !== undefined, `the run saved no ${name}`);
  return csvParse(text);
};

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
  Deno.test(`${name} as rendered equals the author's table on the six-model sweep`, async () => {
    assertMatchesReference(written(name), await referenceRows(name), keys, columns);
  });
}

Deno.test("group_effects.csv as rendered equals the author's groups; depth rows are added", async () => {
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

Deno.test("layer_frac_vs_d.csv as rendered equals the author's pair-level correlation", async () => {
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

Deno.test("the printed correlations report puts each of the author's p beside a test over the models", () => {
  const text = six.printed;
  assert.match(
    text,
    /delta vs active parameters: +r = -0\.91, p = 0\.011 \(Student t\), p = 0\.013/,
  );
  assert.match(text, /over the 17 pairs: r = -0\.55, p = 0\.022 \(the author's\)/);
  assert.match(text, /over the 6 models' means: r = -0\.50, p = 0\.319 \(permutation\)/);
  assert.match(text, /with the model as the unit the association is not shown/);
});

Deno.test("the cells run on the default data (one full-RL model, no MoE); the robustness report says so", async () => {
  const rendered = await renderInProcess([
    "--data",
    DEFAULT_DATA,
    "--no-figures",
    "--resamples",
    "200",
  ]);
  const table = (name: string) => csvParse(rendered.files.get(name)!);
  assert.equal(table("glass_delta.csv").length, 12);
  assert.deepEqual(table("group_effects.csv").map((r) => `${r.attribute}:${r.group}`), [
    "training:distilled",
    "training:full-rl",
    "architecture:dense",
    "depth:deep",
    "depth:shallow",
  ]);
  assert.equal(table("model_correlations.csv").length, 4);
  const text = rendered.printed;
  assert.match(text, /corrigible: shown for 32B: its effect is below each shallow model's/);
  assert.match(text, /With 1 deep model \(32B\), these contrasts compare that model/);
  assert.match(text, /Training and depth split these models the same way/);
  assert.doesNotMatch(text, /holds: every deep model/);
});
