import assert from "node:assert/strict";
import { join } from "node:path";
import { plantedDelta, synthLayers, synthRun, writeSynthSweep } from "../lib/synth/sweep.ts";
import { parseTypedCsv } from "../lib/sweep/csv.ts";
import { SAMPLE_SCHEMA } from "../lib/sweep/types.ts";

const model = { label: "4B", layers: 36 };
const spec = { models: [model], concepts: ["c"], prompts: 400, effect: 6, noise: 2 };

Deno.test("plantedDelta peaks at the chosen depth", () => {
  assert.equal(plantedDelta(spec, model, 18), 6);
  assert.ok(plantedDelta(spec, model, 22) < 1);
  assert.deepEqual(synthLayers(spec, model).slice(0, 2), [11, 12]);
});

Deno.test("synthRun writes the real layout with the planted delta at the peak", () => {
  const files = synthRun(spec, model, "c", 5);
  const samples = parseTypedCsv(files.samples, "s.csv", SAMPLE_SCHEMA);
  assert.equal(samples.length, 400 * 3 * 25);
  const info = JSON.parse(files.info);
  assert.equal(info.num_layers, 36);
  assert.ok(Math.abs(info.best_layer - 18) <= 1, `best layer ${info.best_layer}`);
  assert.ok(Math.abs(info.best_delta - 6) < 1, `best delta ${info.best_delta}`);
});

Deno.test("writeSynthSweep writes each run's three files through the given writer, seeds in order", async () => {
  const written = new Map<string, string>();
  const runs: { dir: string; rows: number }[] = [];
  const spec = {
    models: [model, { label: "mine", layers: 10 }],
    concepts: ["x"],
    prompts: 3,
    seed: 9,
  };
  const out = await Deno.makeTempDir({ prefix: "synth-test-" });
  const dirs = await writeSynthSweep(out, spec, {
    writeFile: (path, text) => Promise.resolve(void written.set(path, text)),
    onRun: ({ dir, rows }) => runs.push({ dir, rows }),
  }).finally(() => Deno.remove(out, { recursive: true }));
  assert.deepEqual(dirs, [join(out, "x", "Qwen_Qwen3_4B"), join(out, "x", "Qwen_Qwen3_mine")]);
  assert.equal(written.size, 6);
  assert.deepEqual(runs.map((r) => r.rows), [25 * 3 * 3, 7 * 3 * 3]);
  // the second run is synthRun with the next seed
  assert.equal(
    written.get(join(dirs[1], "per_sample_all_layers.csv")),
    synthRun(spec, spec.models[1], "x", 10).samples,
  );
  // the header is the loader's schema, column for column
  const header = written.get(join(dirs[0], "per_sample_all_layers.csv"))!.split("\n")[0];
  assert.deepEqual(header.split(","), Object.keys(SAMPLE_SCHEMA));
});
