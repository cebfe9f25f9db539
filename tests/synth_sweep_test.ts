import assert from "node:assert/strict";
import { plantedDelta, synthLayers, synthRun } from "../lib/synth/sweep.ts";
import { normal, seededRandom } from "../lib/util/random.ts";
import { mean, std } from "../lib/stats/describe.ts";
import { parseTypedCsv } from "../lib/sweep/csv.ts";
import { SAMPLE_SCHEMA } from "../lib/sweep/types.ts";

const model = { label: "4B", layers: 36 };
const spec = { models: [model], concepts: ["c"], prompts: 400, effect: 6, noise: 2 };

Deno.test("seededRandom is reproducible and normal has mean 0, sd 1", () => {
  const a = seededRandom(3), b = seededRandom(3);
  assert.equal(a(), b());
  const rand = seededRandom(11);
  const draws = Array.from({ length: 20000 }, () => normal(rand));
  assert.ok(Math.abs(mean(draws)) < 0.03);
  assert.ok(Math.abs(std(draws) - 1) < 0.03);
});

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
