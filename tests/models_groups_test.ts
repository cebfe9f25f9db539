import assert from "node:assert/strict";
import { depthOf, modelGroups, SHALLOW_MAX_LAYERS } from "../lib/models/groups.ts";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";

Deno.test("modelGroups cuts at 40 layers (40 is shallow, 41 deep), in the sweep's model order", () => {
  assert.equal(SHALLOW_MAX_LAYERS, 40);
  const groups = modelGroups(["32B", "14B", "x", "4B"], { "4B": 36, "14B": 40, "32B": 64, x: 41 });
  assert.deepEqual(groups.shallow, ["14B", "4B"]);
  assert.deepEqual(groups.deep, ["32B", "x"]);
  assert.equal(depthOf(groups, "14B"), "shallow");
});

Deno.test("a model without a layer count is in no group", () => {
  const groups = modelGroups(["4B", "new"], { "4B": 36 });
  assert.deepEqual([groups.shallow, groups.deep], [["4B"], []]);
  assert.equal(depthOf(groups, "new"), undefined);
});

// That one cut reaches every output (the shallow_vs_deep table, the group effects, the printed
// reports and the depth figure): tests/render_edits_test.ts changes it in the notebook's cell.

Deno.test("the default cut keeps the original's split of the committed sweep", async () => {
  const sweep = await loadSweep("results/logit_diff_sweep");
  assert.deepEqual(analyse(sweep).groups.deep, ["32B"]);
  assert.deepEqual(modelGroups(sweep.models, sweep.layerCounts).shallow, ["4B", "8B", "14B"]);
  const cut = modelGroups(sweep.models, sweep.layerCounts, { shallowMaxLayers: 36 });
  assert.deepEqual(cut.deep, ["14B", "32B"]);
});

Deno.test("modelAttributes: training and architecture from the metadata, depth from the cut", async () => {
  const { modelAttributes, groupMembers, groupLabel, ATTRIBUTES } = await import(
    "../lib/models/groups.ts"
  );
  const { modelTable } = await import("../lib/models/qwen3.ts");
  const labels = ["4B", "8B", "14B", "30B-A3B", "32B", "235B-A22B"];
  const layers = { "4B": 36, "8B": 36, "14B": 40, "30B-A3B": 48, "32B": 64, "235B-A22B": 94 };
  const models = modelTable(labels, layers, { "8B": { training: "full-rl" } });
  const attributes = modelAttributes(models, modelGroups(labels, layers));
  assert.deepEqual(ATTRIBUTES, ["training", "architecture", "depth"]);
  assert.deepEqual(groupMembers(attributes.training, labels), [
    ["distilled", ["4B", "14B", "30B-A3B"]],
    ["full-rl", ["8B", "32B", "235B-A22B"]], // the override wins
  ]);
  assert.deepEqual(groupMembers(attributes.architecture, labels), [
    ["dense", ["4B", "8B", "14B", "32B"]],
    ["moe", ["30B-A3B", "235B-A22B"]],
  ]);
  assert.deepEqual(groupMembers(attributes.depth, labels), [
    ["deep", ["30B-A3B", "32B", "235B-A22B"]],
    ["shallow", ["4B", "8B", "14B"]],
  ]);
  assert.deepEqual([groupLabel("full-rl"), groupLabel("moe"), groupLabel("x")], [
    "full RL",
    "MoE",
    "x",
  ]);
});

Deno.test("a model of unknown training or architecture is in no group of that attribute", async () => {
  const { modelAttributes } = await import("../lib/models/groups.ts");
  const { modelTable } = await import("../lib/models/qwen3.ts");
  const models = modelTable(["mine", "4B"], { mine: 12, "4B": 36 });
  const attributes = modelAttributes(models, modelGroups(["mine", "4B"], { mine: 12, "4B": 36 }));
  assert.deepEqual(attributes.training, { "4B": "distilled" });
  assert.deepEqual(attributes.architecture, { "4B": "dense" });
  assert.deepEqual(attributes.depth, { mine: "shallow", "4B": "shallow" });
});

Deno.test("unknownModels: the models an attribute leaves out, in the given order", async () => {
  const { unknownModels } = await import("../lib/models/groups.ts");
  const training = { "4B": "distilled", "32B": "full-rl", toString: "x" };
  assert.deepEqual(unknownModels(training, ["mine", "4B", "Llama-3.1-8B", "32B"]), [
    "mine",
    "Llama-3.1-8B",
  ]);
  assert.deepEqual(unknownModels({}, ["constructor"]), ["constructor"]); // no Object lookups
});
