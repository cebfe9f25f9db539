/**
 * Hostile names: a model named like a method of every JavaScript object ("toString",
 * "constructor") is an ordinary unknown model, never a lookup of Object.prototype (the layer
 * count read "function toString() { [native code] }", a --layer-counts nobody passed).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSweep } from "../lib/sweep/load.ts";
import { groupLabel } from "../lib/models/groups.ts";
import { modelTable, parseModelOverrides } from "../lib/models/qwen3.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

/** Renames model `from` to `to`: its folders, and every cell and summary.json naming it. */
async function renameModel(dir: string, from: string, to: string) {
  for await (const concept of Deno.readDir(dir)) {
    if (!concept.isDirectory) continue;
    const old = join(dir, concept.name, `Qwen_Qwen3_${from}`);
    const renamed = join(dir, concept.name, `Qwen_Qwen3_${to}`);
    await Deno.rename(old, renamed);
    for (const file of ["per_sample_all_layers.csv", "summary.json"]) {
      const path = join(renamed, file);
      const text = await Deno.readTextFile(path);
      await Deno.writeTextFile(
        path,
        text.replaceAll(`${from},`, `${to},`).replaceAll(`"${from}"`, `"${to}"`),
      );
    }
  }
}

Deno.test("a model named toString loads with its summary.json's layer count", () =>
  withTempSweep(async (dir) => {
    const first = (await loadSweep(dir)).models[0];
    await renameModel(dir, first, "toString");
    const sweep = await loadSweep(dir);
    assert.ok(sweep.models.includes("toString"));
    assert.equal(typeof sweep.layerCounts["toString"], "number");
    const [info] = modelTable(["toString"], sweep.layerCounts);
    assert.deepEqual([info.architecture, info.training], ["unknown", "unknown"]);
  }));

Deno.test("models.json fields and group labels named like Object methods are not lookups", () => {
  assert.throws(
    () => parseModelOverrides('{"4B": {"toString": "x"}}', "models.json"),
    /unknown field "toString"/,
  );
  assert.equal(groupLabel("constructor"), "constructor");
  const [info] = modelTable(["constructor"], {});
  assert.ok(Number.isNaN(info.layers)); // no count known: NaN, not a function
});
