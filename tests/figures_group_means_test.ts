import assert from "node:assert/strict";
import { csvParse } from "d3-dsv";
import { drawnGroups, modelSlots, modelTicks } from "../lib/figures/group_means.ts";
import { sixModelAnalysis } from "./helpers/six_model_analysis.ts";

const { analysis, attributes } = await sixModelAnalysis();
const { models } = analysis.sweep;

/** The author's group_effects table on the six-model sweep (pandas), with the author's names. */
const REFERENCE = csvParse(
  await Deno.readTextFile("tests/fixtures/reference/author_6x3/group_effects.csv"),
);
const AUTHOR_NAME: Record<string, string> = {
  distilled: "distilled",
  "full-rl": "RL",
  dense: "dense",
  moe: "MoE",
};

Deno.test("drawnGroups: the author's group_effects means, SDs and pair counts, within 1e-9", () => {
  for (const attribute of ["training", "architecture"] as const) {
    const groups = drawnGroups(analysis.effectSizes, attribute, attributes[attribute], models);
    assert.equal(groups.length, 2, attribute);
    for (const g of groups) {
      const ref = REFERENCE.find((r) =>
        r.attribute === attribute && r.group === AUTHOR_NAME[g.group]
      );
      assert.ok(ref, `${attribute}/${g.group}`);
      assert.equal(g.n, Number(ref.n_pairs));
      assert.ok(Math.abs(g.mean - Number(ref.cohens_d_mean)) < 1e-9, `${g.group} mean`);
      assert.ok(Math.abs(g.sd - Number(ref.cohens_d_std)) < 1e-9, `${g.group} sd`);
    }
  }
});

Deno.test("drawnGroups: groups sorted by name with their models in model order; unknown last", () => {
  const training = { ...attributes.training };
  delete (training as Record<string, string>)["8B"];
  const groups = drawnGroups(analysis.effectSizes, "training", training, models);
  assert.deepEqual(groups.map((g) => [g.group, g.models]), [
    ["distilled", ["4B", "14B", "30B-A3B"]],
    ["full-rl", ["32B", "235B-A22B"]],
    ["unknown", ["8B"]],
  ]);
  assert.equal(groups[2].n, 3); // its pairs counted, but no mean: it is not a group
  assert.ok(Number.isNaN(groups[2].mean));
  assert.equal(groups[0].n, 9);
});

Deno.test("drawnGroups skips a missing pair and a pair without a Cohen's d", () => {
  const rows = [
    { model: "4B", concept: "a", delta: 1, cohens_d: 1 },
    { model: "8B", concept: "a", delta: 1, cohens_d: NaN },
    { model: "8B", concept: "b", delta: 1, cohens_d: 2 },
  ];
  const [g] = drawnGroups(rows, "training", { "4B": "distilled", "8B": "distilled" }, ["4B", "8B"]);
  assert.deepEqual([g.n, g.mean], [2, 1.5]);
  assert.ok(Math.abs(g.sd - Math.SQRT1_2) < 1e-15); // sd of [1, 2], ddof 1
  const [empty] = drawnGroups([], "training", { "4B": "distilled" }, ["4B"]);
  assert.equal(empty.n, 0);
  assert.ok(Number.isNaN(empty.mean)); // no pairs: no mean, never 0
});

Deno.test("modelTicks: 235B-A22B (no sycophancy run) averages its two concepts", () => {
  const means = modelTicks(analysis.effectSizes, models);
  assert.equal(means.length, 6);
  const big = means.find((m) => m.model === "235B-A22B")!;
  assert.deepEqual(big.concepts, ["corrigible", "self_awareness"]);
  const d = analysis.effectSizes.filter((r) => r.model === "235B-A22B").map((r) => r.cohens_d);
  assert.equal(d.length, 2);
  assert.ok(Math.abs(big.mean - (d[0] + d[1]) / 2) < 1e-12);
});

Deno.test("modelSlots: models side by side, groups apart", () => {
  const groups = drawnGroups(analysis.effectSizes, "architecture", attributes.architecture, models);
  const slots = modelSlots(groups, 0.7);
  assert.deepEqual([...slots], [
    ["4B", 0],
    ["8B", 1],
    ["14B", 2],
    ["32B", 3],
    ["30B-A3B", 4.7],
    ["235B-A22B", 5.7],
  ]);
});
