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
    /should be a number/,
  );
  assert.throws(() => parseModelOverrides("[]", "m.json"), /expected an object/);
  const dir = await Deno.makeTempDir();
  assert.deepEqual(await readModelOverrides(dir), {});
  await Deno.writeTextFile(join(dir, "models.json"), '{"4B": {"training": "distilled"}}');
  assert.deepEqual(await readModelOverrides(dir), { "4B": { training: "distilled" } });
});
