import assert from "node:assert/strict";
import type { EffectSizeRow } from "../lib/stats/effect_sizes.ts";
import { GROUP_TEST_COLUMNS, groupTests } from "../lib/stats/group_tests.ts";
import { combinations } from "../lib/stats/combinations.ts";
import { groupedDefault, groupedSixModel } from "./helpers/model_attributes.ts";
import { effectRow } from "./helpers/effect_rows.ts";

const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol;
const row = (model: string, concept: string, value: number) =>
  effectRow(model, concept, value / 10, value);

/** The author's group_effects.csv (pandas), by "attribute/group" (RL, MoE as our group names). */
async function authorGroupEffects() {
  const names: Record<string, string> = { RL: "full-rl", MoE: "moe" };
  const lines = (await Deno.readTextFile(
    "tests/fixtures/reference/author_6x3/group_effects.csv",
  )).trim().split("\n").slice(1);
  return new Map(lines.map((line) => {
    const [attribute, group, n, d, , delta] = line.split(",");
    return [`${attribute}/${names[group] ?? group}`, { n: Number(n), d: Number(d), delta: +delta }];
  }));
}

Deno.test("six-model sweep: differences of the author's group means, sizes, min p", async () => {
  const grouped = await groupedSixModel();
  const rows = groupTests(grouped.effectSizes, grouped.attributes);
  assert.deepEqual(rows.map((r) => Object.keys(r)), rows.map(() => [...GROUP_TEST_COLUMNS]));
  assert.deepEqual(
    rows.map((r) => [r.attribute, r.group_a, r.group_b, r.n_models_a, r.n_models_b]),
    [
      ["training", "distilled", "full-rl", 4, 2],
      ["architecture", "dense", "moe", 4, 2],
      ["depth", "deep", "shallow", 3, 3], // 30B-A3B (48 layers) is deep
    ],
  );
  const author = await authorGroupEffects();
  for (const r of rows.slice(0, 2)) {
    const a = author.get(`${r.attribute}/${r.group_a}`)!,
      b = author.get(`${r.attribute}/${r.group_b}`)!;
    assert.deepEqual([r.n_pairs_a, r.n_pairs_b], [a.n, b.n]);
    assert.ok(close(r.cohens_d_diff, a.d - b.d), `${r.attribute} Cohen's d`);
    assert.ok(close(r.delta_diff, a.delta - b.delta), `${r.attribute} delta`);
  }
  assert.deepEqual(rows.map((r) => r.min_attainable_p), [1 / 15, 1 / 15, 2 / 20]);
  assert.ok(rows.every((r) => r.method === "exact"));
});

Deno.test("six-model sweep: each p is the share of relabellings of models at least as extreme", async () => {
  const { effectSizes, attributes } = await groupedSixModel();
  const models = ["4B", "8B", "14B", "30B-A3B", "32B", "235B-A22B"];
  const rows = groupTests(effectSizes, attributes);
  for (const r of rows) {
    for (const [value, p] of [["delta", r.p_delta], ["cohens_d", r.p_cohens_d]] as const) {
      // every way to pick group a's models, its difference straight from the rows
      const diff = (inA: Set<string>) => {
        const mean = (rs: EffectSizeRow[]) => rs.reduce((s, x) => s + x[value], 0) / rs.length;
        return mean(effectSizes.filter((e) => inA.has(e.model))) -
          mean(effectSizes.filter((e) => !inA.has(e.model)));
      };
      const observed = diff(
        new Set(models.filter((m) => attributes[r.attribute][m] === r.group_a)),
      );
      const all = [...combinations(6, r.n_models_a)].map((c) =>
        diff(new Set(c.map((i) => models[i])))
      );
      const extreme = all.filter((t) => Math.abs(t) >= Math.abs(observed) - 1e-9).length;
      assert.equal(p, extreme / all.length, `${r.attribute} ${value}`);
    }
  }
  // the two full-RL models have the lowest deltas: the most extreme of the 15 relabellings
  assert.equal(rows[0].p_delta, 1 / 15);
});

Deno.test("default data: training and depth are the same test; no architecture row", async () => {
  const { effectSizes, attributes } = await groupedDefault();
  const [training, depth, ...rest] = groupTests(effectSizes, attributes);
  assert.deepEqual(rest, []); // every model is dense
  assert.deepEqual([training.group_a, training.group_b, depth.group_a, depth.group_b], [
    "distilled",
    "full-rl",
    "deep",
    "shallow",
  ]);
  assert.equal(depth.delta_diff, -training.delta_diff); // deep = full RL = 32B
  // mean delta per model (3 pairs each): 4B 9.15, 8B 6.03, 14B 7.54, 32B 2.96: 32B, alone, is
  // the farthest from the others, so the observed labelling is the most extreme of 4
  assert.deepEqual([training.p_delta, depth.p_delta, training.min_attainable_p], [
    0.25,
    0.25,
    0.25,
  ]);
  // by Cohen's d (4B 1.24, 8B 0.93, 14B 1.52, 32B 0.92), 14B alone is farther: 2 of 4
  assert.deepEqual([training.p_cohens_d, depth.p_cohens_d], [0.5, 0.5]);
});

Deno.test("models without data, empty groups, one model per group, three groups", () => {
  const attributes = {
    training: { a: "x", b: "y", c: "z", d: "x", nodata: "w" },
    architecture: { a: "dense", b: "moe" }, // c and d unknown
    depth: { a: "shallow", b: "shallow", c: "shallow", d: "shallow", nodata: "deep" },
  };
  const rows = groupTests(
    [row("a", "k", 1), row("a", "l", 3), row("b", "k", 5), row("c", "k", 9), row("d", "k", 2)],
    attributes,
  );
  // nodata has no pair: group w has no model and no row; depth has one group left
  assert.deepEqual(rows.map((r) => [r.attribute, r.group_a, r.group_b]), [
    ["training", "x", "y"],
    ["training", "x", "z"],
    ["training", "y", "z"],
    ["architecture", "dense", "moe"],
  ]);
  const [xy, , , arch] = rows;
  assert.deepEqual([xy.n_models_a, xy.n_pairs_a, xy.n_models_b, xy.n_pairs_b], [2, 3, 1, 1]);
  assert.equal(xy.delta_diff, 2 - 5); // (1 + 3 + 2) / 3 vs 5
  assert.ok(close(xy.cohens_d_diff, 0.2 - 0.5, 1e-15));
  // one model per group: two relabellings, tied in |T|: p = 1, and nothing smaller was possible
  assert.deepEqual([arch.p_delta, arch.p_cohens_d, arch.min_attainable_p], [1, 1, 1]);
  assert.equal(arch.delta_diff, 2 - 5);
});

Deno.test("Monte Carlo beyond the exact limit: reproducible, near the exact p", () => {
  const models = Array.from({ length: 12 }, (_, i) => `m${i}`);
  const rows = models.flatMap((m, i) => [row(m, "k", i + (i % 3)), row(m, "l", i * 0.5)]);
  const attributes = {
    training: Object.fromEntries(models.map((m, i) => [m, i % 2 ? "x" : "y"])),
    architecture: {},
    depth: {},
  };
  const [exact] = groupTests(rows, attributes); // C(12, 6) = 924
  const options = { exactLimit: 500, resamples: 20_000, seed: 3 };
  const [mc] = groupTests(rows, attributes, options);
  assert.deepEqual([exact.method, mc.method], ["exact", "monte-carlo"]);
  assert.deepEqual(groupTests(rows, attributes, options), [mc]);
  assert.equal(mc.min_attainable_p, exact.min_attainable_p);
  assert.equal(mc.delta_diff, exact.delta_diff);
  for (const key of ["p_delta", "p_cohens_d"] as const) {
    const se = Math.sqrt((exact[key] * (1 - exact[key])) / 20_000);
    assert.ok(
      Math.abs(mc[key] - exact[key]) < 4 * se + 1e-4,
      `${key}: ${mc[key]} vs ${exact[key]}`,
    );
  }
});
