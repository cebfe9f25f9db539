import assert from "node:assert/strict";
import { confounds, nestings, oneGroup, sameSplits } from "../lib/stats/confounds.ts";
import { modelPairs } from "../lib/stats/model_pairs.ts";
import { groupedDefault, groupedSixModel } from "./helpers/model_attributes.ts";

Deno.test("default data: training and depth split the models alike; every model is dense", async () => {
  const { effectSizes, attributes } = await groupedDefault();
  const found = confounds(modelPairs(effectSizes).map((m) => m.model), attributes);
  assert.deepEqual(found.sameSplits, [{
    attributes: ["training", "depth"],
    blocks: [
      { groups: ["distilled", "shallow"], models: ["4B", "8B", "14B"] },
      { groups: ["full-rl", "deep"], models: ["32B"] }, // the only deep model is the only full-RL one
    ],
    models: ["4B", "8B", "14B", "32B"],
  }]);
  assert.deepEqual(found.nestings, []);
  assert.deepEqual(found.oneGroup, [{
    attribute: "architecture",
    group: "dense",
    models: ["4B", "8B", "14B", "32B"],
    unknown: [],
  }]);
});

Deno.test("six-model sweep: no two attributes alike, but full RL and MoE sit inside deep", async () => {
  const { effectSizes, attributes } = await groupedSixModel();
  const found = confounds(modelPairs(effectSizes).map((m) => m.model), attributes);
  assert.deepEqual(found.sameSplits, []);
  assert.deepEqual(found.oneGroup, []);
  assert.deepEqual(
    found.nestings.map((n) => [n.attribute, n.group, n.within.attribute, n.within.group]),
    [
      ["training", "full-rl", "depth", "deep"],
      ["architecture", "moe", "depth", "deep"],
      ["depth", "shallow", "training", "distilled"],
      ["depth", "shallow", "architecture", "dense"],
    ],
  );
  assert.deepEqual(found.nestings[0].models, ["32B", "235B-A22B"]);
});

Deno.test("the same split whatever the group names; a different split is not", () => {
  const models = ["a", "b", "c", "d"];
  const attributes = {
    training: { a: "p", b: "p", c: "q", d: "q" },
    architecture: { a: "u", b: "u", c: "v", d: "v" },
    depth: { a: "deep", b: "shallow", c: "deep", d: "shallow" },
  };
  assert.deepEqual(sameSplits(models, attributes).map((s) => s.attributes), [
    ["training", "architecture"],
  ]);
  assert.deepEqual(sameSplits(models, attributes)[0].blocks.map((b) => b.groups), [
    ["p", "u"],
    ["q", "v"],
  ]);
  assert.deepEqual(nestings(models, attributes), []); // depth crosses both
  // three groups against two (q and r merged) is no same split, but q and r nest in v (and, one
  // model each, in that model's depth group)
  const coarser = { ...attributes, training: { a: "p", b: "p", c: "q", d: "r" } };
  assert.deepEqual(sameSplits(models, coarser), []);
  assert.deepEqual(
    nestings(models, coarser).filter((n) => n.attribute === "training")
      .map((n) => [n.group, n.within.group]),
    [["p", "u"], ["q", "v"], ["r", "v"], ["q", "deep"], ["r", "shallow"]],
  );
});

Deno.test("unknown attributes: compared on the models known to both; no group at all", () => {
  const attributes = {
    training: { a: "p", b: "p", c: "q" }, // d unknown
    architecture: {},
    depth: { a: "shallow", b: "shallow", c: "deep", d: "deep" },
  };
  const [split] = sameSplits(["a", "b", "c", "d"], attributes);
  assert.deepEqual([split.attributes, split.models], [["training", "depth"], ["a", "b", "c"]]);
  assert.deepEqual(oneGroup(["a", "b", "c", "d"], attributes), [
    { attribute: "architecture", group: undefined, models: [], unknown: ["a", "b", "c", "d"] },
  ]);
  // only models with data count: without c, training has one group left
  assert.deepEqual(oneGroup(["a", "b", "d"], attributes)[0], {
    attribute: "training",
    group: "p",
    models: ["a", "b"],
    unknown: ["d"],
  });
  assert.deepEqual(sameSplits(["a", "b", "d"], attributes), []);
});
