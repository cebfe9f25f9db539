import assert from "node:assert/strict";
import { join } from "node:path";
import {
  modelTable,
  parseModelOverrides,
  QWEN3_MODELS,
  readModelOverrides,
} from "../lib/models/qwen3.ts";

Deno.test("the Qwen3 table has the layer counts of the configs", () => {
  const layers = Object.fromEntries(Object.values(QWEN3_MODELS).map((m) => [m.label, m.layers]));
  assert.deepEqual(layers, {
    "0.6B": 28,
    "1.7B": 28,
    "4B": 36,
    "8B": 36,
    "14B": 40,
    "32B": 64,
    "30B-A3B": 48,
    "235B-A22B": 94,
  });
  assert.equal(QWEN3_MODELS["30B-A3B"].architecture, "moe");
  assert.equal(QWEN3_MODELS["32B"].training, "full-rl");
  assert.equal(QWEN3_MODELS["14B"].training, "distilled");
});

Deno.test("modelTable: overrides win, the sweep's layer count wins, unknown models work", () => {
  const table = modelTable(["4B", "mine"], { "4B": 40, mine: 20 }, {
    "4B": { training: "full-rl" },
    mine: { architecture: "dense" },
  });
  assert.equal(table[0].layers, 40);
  assert.equal(table[0].training, "full-rl");
  assert.equal(table[0].hidden_size, 2560);
  assert.deepEqual(table[1], {
    label: "mine",
    layers: 20,
    architecture: "dense",
    training: "unknown",
  });
});

Deno.test("models.json is checked field by field", async () => {
  assert.deepEqual(parseModelOverrides('{"x": {"layers": 12}}', "m.json"), { x: { layers: 12 } });
  assert.throws(
    () => parseModelOverrides('{"x": {"depth": 12}}', "m.json"),
    /m\.json: model "x": unknown field "depth"/,
  );
  assert.throws(
    () => parseModelOverrides('{"x": {"layers": "12"}}', "m.json"),
    /m\.json: model "x": field "layers" should be a positive whole number/,
  );
  assert.throws(
    () => parseModelOverrides('{"x": {"layers": 12.5}}', "m.json"),
    /field "layers" should be a positive whole number/,
  );
  assert.throws(
    () => parseModelOverrides('{"x": {"total_params_b": -8}}', "m.json"),
    /field "total_params_b" should be a positive number/,
  );
  assert.throws(
    () => parseModelOverrides('{"x": {"training": ""}}', "m.json"),
    /field "training" should be a non-empty string/,
  );
  assert.throws(() => parseModelOverrides("[]", "m.json"), /expected an object/);
  const dir = await Deno.makeTempDir();
  assert.deepEqual(await readModelOverrides(dir), {});
  await Deno.writeTextFile(join(dir, "models.json"), '{"4B": {"training": "distilled"}}');
  assert.deepEqual(await readModelOverrides(dir), { "4B": { training: "distilled" } });
});

Deno.test("another family: models.json gives what it knows, the rest is unknown", () => {
  const overrides = parseModelOverrides(
    JSON.stringify({
      "Llama-3.1-8B": {
        layers: 32,
        total_params_b: 8.03,
        active_params_b: 8.03,
        architecture: "dense",
        training: "rlhf",
      },
      "4B-dpo": { training: "unknown", architecture: "dense" },
    }),
    "models.json",
  );
  const counts = { "4B": 36, "4B-dpo": 36, "Llama-3.1-8B": 32, "Mistral-7B": 32 };
  const [qwen, dpo, llama, mistral] = modelTable(
    ["4B", "4B-dpo", "Llama-3.1-8B", "Mistral-7B"],
    counts,
    overrides,
  );
  assert.equal(qwen.training, "distilled"); // the Qwen3 facts as before
  assert.deepEqual(dpo, {
    label: "4B-dpo",
    layers: 36,
    architecture: "dense",
    training: "unknown",
  });
  assert.deepEqual(llama, {
    label: "Llama-3.1-8B",
    layers: 32,
    total_params_b: 8.03,
    active_params_b: 8.03,
    architecture: "dense",
    training: "rlhf",
  });
  // no entry: the layer count of its summary.json, every other attribute unknown
  assert.deepEqual(mistral, {
    label: "Mistral-7B",
    layers: 32,
    architecture: "unknown",
    training: "unknown",
  });
  // models.json's layers count only where the sweep gives none
  assert.equal(modelTable(["Llama-3.1-8B"], {}, overrides)[0].layers, 32);
  assert.equal(modelTable(["Llama-3.1-8B"], { "Llama-3.1-8B": 30 }, overrides)[0].layers, 30);
});
