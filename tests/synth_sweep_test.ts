import assert from "node:assert/strict";
import { join } from "node:path";
import {
  pandasFloat,
  plantedDelta,
  synthLayers,
  synthRun,
  writeSynthSweep,
} from "../lib/synth/sweep.ts";
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

/** The per-sample rows of a run's CSV text as records of cells (text). */
function rows(samples: string): Record<string, string>[] {
  const [header, ...lines] = samples.trimEnd().split("\n");
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((c, i) => [names[i], c])));
}

Deno.test("full precision: float64 text as pandas writes it, log-probabilities as real", () => {
  const full = synthRun({ ...spec, prompts: 40, precision: "full" }, model, "c", 5);
  const samples = rows(full.samples);
  const numbers = samples.map((r) => ({
    a: Number(r.logprob_A),
    b: Number(r.logprob_B),
    ab: Number(r.logit_diff_AB),
    matching: Number(r.logit_diff_matching),
  }));
  for (const [k, row] of samples.entries()) {
    const { a, b, ab, matching } = numbers[k];
    // Each cell is the shortest text of its double, in Python's notation.
    for (const name of ["strength", "logprob_A", "logprob_B", "logit_diff_AB"] as const) {
      assert.equal(row[name], pandasFloat(Number(row[name])), name);
    }
    assert.ok(a < 0 && b < 0, `log-probabilities below 0: ${a}, ${b}`);
    assert.equal(ab, a - b); // computed from them, in float64
    assert.equal(matching, row.matching_answer === "(A)" ? ab : -ab);
  }
  assert.ok(new Set(numbers.map((n) => n.a)).size > samples.length / 2, "logprob_A varies");
  const long = samples.filter((r) => r.logprob_A.replace(/[-.]/g, "").length >= 16).length;
  assert.ok(long > samples.length / 2, `most values have 16-17 digits (${long})`);
  // The baseline (strength 0) is the same at every layer, logprobs included.
  const baseline = samples.filter((r) => r.strength === "0.0");
  const first = baseline.filter((r) => r.layer === baseline[0].layer);
  for (const row of baseline) {
    const same = first[Number(row.prompt_idx)];
    assert.deepEqual([row.logprob_A, row.logprob_B], [same.logprob_A, same.logprob_B]);
  }
  // The loader reads it, with the planted effect where the rounded sweep has it.
  const read = parseTypedCsv(full.samples, "s.csv", SAMPLE_SCHEMA);
  assert.equal(read.length, 40 * 3 * 25);
  const info = JSON.parse(full.info);
  assert.ok(Math.abs(info.best_layer - 18) <= 2, `best layer ${info.best_layer}`);
});

Deno.test("rounded values: the same draws as full precision, to 1/1024, with logprob_A -1", () => {
  const small = { ...spec, prompts: 30, strengths: [-2, -0.5, 0, 0.5, 2] };
  const full = rows(synthRun({ ...small, precision: "full" }, model, "c", 3).samples);
  const rounded = rows(synthRun(small, model, "c", 3).samples); // "rounded" is the default
  assert.deepEqual(
    rows(synthRun({ ...small, precision: "rounded" }, model, "c", 3).samples),
    rounded,
  );
  assert.equal(full.length, rounded.length);
  for (const [k, row] of rounded.entries()) {
    const value = Number(row.logit_diff_matching);
    assert.equal(value * 1024, Math.round(value * 1024));
    assert.equal(row.logprob_A, "-1");
    assert.equal(Number(row.logprob_A) - Number(row.logprob_B), Number(row.logit_diff_AB));
    assert.equal(row.strength, full[k].strength);
    assert.ok(Math.abs(Number(full[k].logit_diff_matching) - value) <= 1 / 2048 + 1e-12);
  }
  assert.deepEqual([...new Set(rounded.map((r) => r.strength))], [
    "-2.0",
    "-0.5",
    "0.0",
    "0.5",
    "2.0",
  ]);
});

Deno.test("pandasFloat writes a double as Python's repr does", () => {
  // repr() of these floats in CPython 3.
  const cases: [number, string][] = [
    [0, "0.0"],
    [-0, "-0.0"],
    [1, "1.0"],
    [-4.537770065161113, "-4.537770065161113"],
    [0.1, "0.1"],
    [1e-4, "0.0001"],
    [9.999999999999999e-5, "9.999999999999999e-05"],
    [1.5e-5, "1.5e-05"],
    [1e15, "1000000000000000.0"],
    [9999999999999998, "9999999999999998.0"],
    [1e16, "1e+16"],
    [1.2345678901234567e19, "1.2345678901234567e+19"],
    [1e22, "1e+22"],
    [5e-324, "5e-324"],
    [2.2250738585072014e-308, "2.2250738585072014e-308"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [123456.789, "123456.789"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, ""],
  ];
  for (const [x, text] of cases) assert.equal(pandasFloat(x), text, String(x));
});
