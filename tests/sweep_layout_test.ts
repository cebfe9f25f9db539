import assert from "node:assert/strict";
import {
  compareStrings,
  folderLabel,
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

Deno.test("folderLabel: a Qwen3 folder's label, else the folder name itself", () => {
  assert.equal(folderLabel("Qwen_Qwen3_4B"), "4B");
  assert.equal(folderLabel("meta_llama_Llama_3.1_8B_Instruct"), "meta_llama_Llama_3.1_8B_Instruct");
  assert.equal(folderLabel("my-run-2"), "my-run-2");
});

Deno.test("modelSize reads total parameters from the label", () => {
  assert.equal(modelSize("235B-A22B"), 235);
  assert.equal(modelSize("0.6B"), 0.6);
  assert.ok(Number.isNaN(modelSize("tiny")));
});

Deno.test("modelSize of another family: the last <number>B token of the label", () => {
  assert.equal(modelSize("Llama-3.1-8B"), 8);
  assert.equal(modelSize("Llama-3.1-70B-Instruct"), 70);
  assert.equal(modelSize("meta_llama_Llama_3.1_8B_Instruct"), 8);
  assert.equal(modelSize("gemma-2-9b"), 9);
  assert.equal(modelSize("4B-dpo"), 4);
  assert.equal(modelSize("30B-A3B"), 30); // A3B is the active count, not a size token
  assert.ok(Number.isNaN(modelSize("Mixtral-8x7B")));
  assert.ok(Number.isNaN(modelSize("Qwen3")));
});

Deno.test("orderModels sorts by size, unknown sizes last, duplicates dropped", () => {
  assert.deepEqual(
    orderModels(["32B", "tiny", "4B", "30B-A3B", "14B", "4B", "0.6B"]),
    ["0.6B", "4B", "14B", "30B-A3B", "32B", "tiny"],
  );
});

Deno.test("orderModels: equal sizes by label, then the labels without a size by label", () => {
  assert.deepEqual(
    orderModels(["zeta", "Llama-3.1-8B", "32B", "alpha", "8B", "4B-dpo", "4B", "Mixtral-8x7B"]),
    ["4B", "4B-dpo", "8B", "Llama-3.1-8B", "32B", "Mixtral-8x7B", "alpha", "zeta"],
  );
  const labels = ["b", "Llama-3.1-8B", "a", "8B", "c"];
  const orders = [labels, [...labels].reverse(), [labels[2], labels[4], labels[0], labels[3]]];
  for (const order of orders) {
    const sorted = orderModels(order);
    assert.deepEqual(sorted, orderModels(sorted), "a consistent order whatever the input's");
  }
});

Deno.test("compareStrings sorts by code unit as pandas does", () => {
  assert.deepEqual(["4B", "14B", "32B", "8B"].sort(compareStrings), ["14B", "32B", "4B", "8B"]);
  assert.deepEqual(["b", "B", "a"].sort(compareStrings), ["B", "a", "b"]);
});
