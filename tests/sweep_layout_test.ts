import assert from "node:assert/strict";
import {
  compareStrings,
  modelFolderName,
  modelLabelOfFolder,
  modelSize,
  orderModels,
} from "../lib/sweep/layout.ts";

Deno.test("model folders write '-' as '_' and read back", () => {
  assert.equal(modelFolderName("30B-A3B"), "Qwen_Qwen3_30B_A3B");
  assert.equal(modelLabelOfFolder("Qwen_Qwen3_30B_A3B"), "30B-A3B");
  assert.equal(modelLabelOfFolder("Qwen_Qwen3_4B"), "4B");
  assert.equal(modelLabelOfFolder("Qwen_Qwen3_"), undefined);
  assert.equal(modelLabelOfFolder("plots"), undefined);
});

Deno.test("modelSize reads total parameters from the label", () => {
  assert.equal(modelSize("235B-A22B"), 235);
  assert.equal(modelSize("0.6B"), 0.6);
  assert.ok(Number.isNaN(modelSize("tiny")));
});

Deno.test("orderModels sorts by size, unknown sizes last, duplicates dropped", () => {
  assert.deepEqual(
    orderModels(["32B", "tiny", "4B", "30B-A3B", "14B", "4B", "0.6B"]),
    ["0.6B", "4B", "14B", "30B-A3B", "32B", "tiny"],
  );
});

Deno.test("compareStrings sorts by code unit as pandas does", () => {
  assert.deepEqual(["4B", "14B", "32B", "8B"].sort(compareStrings), ["14B", "32B", "4B", "8B"]);
  assert.deepEqual(["b", "B", "a"].sort(compareStrings), ["B", "a", "b"]);
});
