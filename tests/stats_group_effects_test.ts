import assert from "node:assert/strict";
import { groupEffects } from "../lib/stats/group_effects.ts";
import {
  assertMatchesReference,
  defaultInputs,
  fiveStrengthInputs,
  referenceRows,
  sixModelInputs,
} from "./helpers/author_tables.ts";
import { effectRow } from "./helpers/effect_rows.ts";

const COLUMNS = ["n_pairs", "cohens_d_mean", "cohens_d_std", "delta_mean", "delta_std"];

Deno.test("groupEffects on the six-model sweep equals the author's tables (pandas) within 1e-9", async () => {
  const { analysis, attributes } = await sixModelInputs();
  const rows = groupEffects(analysis.effectSizes, attributes);
  // The reference has the author's two attributes; depth is ours.
  const authors = rows.filter((r) => r.attribute !== "depth");
  assertMatchesReference(
    authors,
    await referenceRows("group_effects.csv"),
    ["attribute", "group"],
    COLUMNS,
  );
  assert.deepEqual(rows.map((r) => `${r.attribute}:${r.group}`), [
    "training:distilled",
    "training:full-rl",
    "architecture:dense",
    "architecture:moe",
    "depth:deep",
    "depth:shallow",
  ]);
  // Every attribute partitions the 17 pairs.
  for (const attribute of ["training", "architecture", "depth"]) {
    const n = rows.filter((r) => r.attribute === attribute).reduce((s, r) => s + r.n_pairs, 0);
    assert.equal(n, 17, attribute);
  }
  // depth: 32B, 30B-A3B (48 layers) and 235B-A22B are past the 40-layer cut.
  assert.equal(rows.find((r) => r.group === "deep")!.n_pairs, 8);
});

Deno.test("groupEffects on the default data: one full-RL model, no MoE", async () => {
  const { analysis, attributes } = await defaultInputs();
  const rows = groupEffects(analysis.effectSizes, attributes);
  assert.deepEqual(rows.map((r) => `${r.attribute}:${r.group}:${r.n_pairs}`), [
    "training:distilled:9",
    "training:full-rl:3",
    "architecture:dense:12",
    "depth:deep:3",
    "depth:shallow:9",
  ]);
  const rl = rows.find((r) => r.group === "full-rl")!;
  const deep = rows.find((r) => r.group === "deep")!;
  assert.deepEqual({ ...rl, attribute: "depth", group: "deep" }, deep); // both are 32B alone
});

Deno.test("groupEffects on a synthetic sweep groups the models it knows", async () => {
  const { analysis, attributes } = await fiveStrengthInputs();
  const rows = groupEffects(analysis.effectSizes, attributes);
  assert.deepEqual(rows.map((r) => `${r.attribute}:${r.group}:${r.n_pairs}`), [
    "training:distilled:4",
    "training:full-rl:2",
    "architecture:dense:4",
    "architecture:moe:2",
    "depth:deep:4",
    "depth:shallow:2",
  ]);
});

Deno.test("groupEffects leaves out models without a group and keeps negative effects", () => {
  const row = (model: string, cohens_d: number, delta: number) =>
    effectRow(model, "c", cohens_d, delta);
  const effects = [row("a", -1, -2), row("b", 3, 6), row("c", 5, 10), row("x", 100, 100)];
  const attributes = {
    training: { a: "t1", b: "t1", c: "t0" },
    architecture: {},
    depth: { a: "shallow", b: "shallow", c: "shallow" },
  };
  const rows = groupEffects(effects, attributes);
  assert.deepEqual(rows.map((r) => [r.attribute, r.group, r.n_pairs]), [
    ["training", "t0", 1],
    ["training", "t1", 2],
    ["depth", "shallow", 3],
  ]);
  // The author's cohens_d > 0 filter would drop "a"; a pair with data stays.
  assert.equal(rows[1].cohens_d_mean, 1);
  assert.equal(rows[1].cohens_d_std, 2 * Math.SQRT2);
  assert.equal(rows[1].delta_mean, 2);
  assert.ok(Number.isNaN(rows[0].cohens_d_std));
  assert.equal(rows[2].cohens_d_mean, 7 / 3);
});
