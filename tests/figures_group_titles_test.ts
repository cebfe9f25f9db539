import assert from "node:assert/strict";
import {
  attributeLabel,
  dotTitle,
  groupHeading,
  groupTitle,
  modelTitle,
} from "../lib/figures/group_titles.ts";

const group = (group: string, n = 0, mean = NaN, sd = NaN) => ({
  group,
  models: ["32B", "235B-A22B"],
  n,
  mean,
  sd,
});

Deno.test("dotTitle: model · Concept, then Cohen's d and delta with a minus sign, then the group", () => {
  assert.equal(
    dotTitle(
      { model: "8B", concept: "self_awareness", delta: -0.5, cohens_d: -0.0123 },
      "architecture: dense",
    ),
    "8B · Self Awareness\nCohen's d \u22120.01 (delta \u22120.50) at the best layer\narchitecture: dense",
  );
});

Deno.test("groupTitle: the author's RL group (tests/fixtures/reference/author_6x3)", () => {
  assert.equal(
    groupTitle(group("full-rl", 5, 1.00726748368627, 0.28080947602070144), "training"),
    "full RL · training (32B, 235B-A22B)\n" +
      "mean Cohen's d 1.01 over 5 pairs, each at its best layer\nSD 0.28",
  );
  const one = groupTitle(group("moe", 1, 1.3, NaN), "architecture").split("\n");
  assert.deepEqual(one.slice(1), ["mean Cohen's d 1.30 over 1 pair, each at its best layer"]);
});

Deno.test("modelTitle: one concept, none missing", () => {
  assert.equal(
    modelTitle({ model: "4B", mean: 0.5, concepts: ["a_b"] }, ["a_b"], "training: distilled"),
    "4B · all concepts\nmean Cohen's d 0.50 over 1 concept, each at its best layer\n" +
      "training: distilled",
  );
});

Deno.test("groupHeading: mean and pairs, or why there is none", () => {
  assert.equal(groupHeading(group("distilled", 12, 1.2192)), "distilled\nmean 1.22, 12 pairs");
  assert.equal(groupHeading(group("moe")), "MoE\nno data");
  assert.equal(groupHeading(group("unknown", 3, NaN)), "unknown\nno group");
});

Deno.test("attributeLabel: groups compared, or no comparison", () => {
  assert.equal(
    attributeLabel("architecture", [group("dense"), group("moe")]),
    "By architecture: dense vs MoE",
  );
  assert.equal(
    attributeLabel("depth", [group("shallow")]),
    "By depth: only shallow models in this sweep, no comparison",
  );
  assert.equal(
    attributeLabel("training", [group("unknown")]),
    "By training: no model has a group, no comparison (unknown: no group)",
  );
});
