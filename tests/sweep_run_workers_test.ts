/**
 * Loading on workers gives what loading in this thread gives, whatever the number of workers:
 * the same sweep (columns, layer summaries, layer counts), the same notes in the same order, the
 * same error (message and kind) when the data is bad, the first bad run's in the sweep's order
 * when several are.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { type LoadOptions, loadSweep } from "../lib/sweep/load.ts";
import type { Sweep } from "../lib/sweep/types.ts";
import { workerCount } from "../lib/sweep/run_workers.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

const WORKERS = [1, 2, 3];

/** The sweep's content, comparable with deepEqual. */
const content = (sweep: Sweep) => ({ ...sweep, runs: sweep.runs.map((r) => ({ ...r })) });

/** Loads `dir` in process and with each number of workers; checks they agree; returns one. */
async function agree(dir: string, options: LoadOptions = {}) {
  const expected = await loadSweep(dir, options); // small: read in this thread
  for (const workers of WORKERS) {
    const sweep = await loadSweep(dir, { ...options, workers });
    assert.deepEqual(content(sweep), content(expected), `${workers} workers`);
  }
  return expected;
}

/** The error `load` throws. */
async function errorOf(load: () => Promise<unknown>): Promise<Error> {
  try {
    await load();
  } catch (error) {
    return error as Error;
  }
  throw new Error("no error");
}

/** Checks that every number of workers throws loadSweep's error (kind and message). */
async function sameError(dir: string, options: LoadOptions = {}): Promise<string> {
  const expected = await errorOf(() => loadSweep(dir, options));
  assert.ok(expected instanceof SweepDataError, expected.message);
  for (const workers of WORKERS) {
    const error = await errorOf(() => loadSweep(dir, { ...options, workers }));
    assert.ok(error instanceof SweepDataError, `${workers} workers: ${error.message}`);
    assert.equal(error.message, expected.message, `${workers} workers`);
  }
  return expected.message;
}

const runDir = (dir: string, concept: string, model: string) =>
  join(dir, concept, `Qwen_Qwen3_${model.replace("-", "_")}`);

async function edit(path: string, change: (text: string) => string) {
  await Deno.writeTextFile(path, change(await Deno.readTextFile(path)));
}

Deno.test("the default sweep: the same sweep and notes with any workers", async () => {
  const sweep = await agree("results/logit_diff_sweep");
  assert.equal(sweep.notes.length, 4); // the four data-quality notes of sycophancy
});

Deno.test("warnings of several runs come in the sweep's order whatever the workers", () =>
  withTempSweep(async (dir) => {
    const samples = (concept: string, model: string) =>
      join(runDir(dir, concept, model), "per_sample_all_layers.csv");
    // beta/30B-A3B: cut off (a missing last row, no line end); alpha/4B: answers other than A/B;
    // beta/4B: a record spanning lines (a stray quote); alpha/30B-A3B: no summary.json.
    await edit(samples("beta", "30B-A3B"), (t) => t.slice(0, t.lastIndexOf("\n", t.length - 2)));
    await edit(samples("alpha", "4B"), (t) => t.replaceAll(",(A),", ",(C),"));
    await edit(samples("beta", "4B"), (t) => {
      const lines = t.split("\n");
      lines[5] = lines[5].replace(/,\((A|B)\),/, ',"($1),');
      lines[9] = lines[9].replace(/,\((A|B)\),/, ',($1)",');
      return lines.join("\n");
    });
    await Deno.remove(join(runDir(dir, "alpha", "30B-A3B"), "summary.json"));
    const sweep = await agree(dir);
    const which = sweep.notes.map((n) => {
      const run = /(alpha|beta)\/Qwen_Qwen3_(\w+)\/(\w+)\.csv(:[\d-]+)?: (\w+ \w+)/.exec(n)!;
      return `${run[1]}/${run[2]}/${run[3]}: ${run[5]}`;
    });
    assert.deepEqual(which, [
      "alpha/4B/per_sample_all_layers: 450 of", // data quality: (C) answers
      "beta/4B/per_sample_all_layers: 1 of", // data quality: the record swallowing lines
      "beta/4B/per_sample_all_layers: incomplete sweep", // that record's lost rows
      "beta/4B/per_sample_all_layers: a quoted", // the record spanning lines 6-10
      "beta/30B_A3B/per_sample_all_layers: incomplete sweep",
      "beta/30B_A3B/per_sample_all_layers: the last",
    ]);
  }));

Deno.test("a bad cell: the same error, at its file, line and column", () =>
  withTempSweep(async (dir) => {
    await edit(
      join(runDir(dir, "beta", "4B"), "per_sample_all_layers.csv"),
      (t) => t.replace(/\n4B,beta,/, "\n4B,beta,x"),
    );
    assert.match(await sameError(dir), /per_sample_all_layers\.csv:2:3 \(column "layer"\)/);
  }));

Deno.test("two bad runs: the error is the first one's in the sweep's order", () =>
  withTempSweep(async (dir) => {
    // alpha/30B-A3B (second run) is bad on its last line; beta/4B (third), on its first row,
    // so that a worker finds it first.
    await edit(
      join(runDir(dir, "alpha", "30B-A3B"), "per_sample_all_layers.csv"),
      (t) => t.replace(/,([^,\n]*)\n$/, ",oops\n"),
    );
    await edit(
      join(runDir(dir, "beta", "4B"), "per_sample_all_layers.csv"),
      (t) => t.replace(/\n4B,beta,/, "\n4B,beta,x"),
    );
    assert.match(await sameError(dir), /alpha\/Qwen_Qwen3_30B_A3B\/.*not a number: "oops"/);
  }));

Deno.test("checks across runs: a repeated key, a layer out of range, counts that disagree", () =>
  withTempSweep(async (dir) => {
    const samples = join(runDir(dir, "beta", "30B-A3B"), "per_sample_all_layers.csv");
    const original = await Deno.readTextFile(samples);
    const lines = original.split("\n");
    await Deno.writeTextFile(
      samples,
      [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join("\n"),
    );
    assert.match(await sameError(dir), /is on line 2 and again on line 4/);
    const allowed = await agree(dir, { allowDuplicates: true });
    assert.ok(allowed.notes.some((n) => n.includes("1 rows repeat a")));
    await Deno.writeTextFile(samples, original);
    assert.match(await sameError(dir, { layerCounts: { "30B-A3B": 40 } }), /outside 30B-A3B's 40/);
    await edit(
      join(runDir(dir, "beta", "4B"), "summary.json"),
      (t) => t.replace(/"num_layers": *36/, '"num_layers": 37'),
    );
    assert.match(await sameError(dir), /num_layers is 37 but/);
  }));

Deno.test("a folder where a CSV should be, and an empty file: the same error", () =>
  withTempSweep(async (dir) => {
    const layers = join(runDir(dir, "beta", "4B"), "layer_summary.csv");
    await Deno.writeTextFile(layers, "");
    assert.match(await sameError(dir), /layer_summary\.csv:1: empty file/);
    await Deno.remove(layers);
    await Deno.mkdir(layers);
    assert.match(await sameError(dir), /is a folder, not a regular file/);
  }));

Deno.test("without summary.json a run takes its layer count from another run, on workers too", () =>
  withTempSweep(async (dir) => {
    await Deno.remove(join(runDir(dir, "alpha", "4B"), "summary.json"));
    const sweep = await agree(dir);
    assert.ok(sweep.runs.some((r) => r.model === "4B" && r.concept === "alpha" && !r.info));
  }));

Deno.test("workerCount: two by default, at most the runs, a bad count refused", () => {
  assert.equal(workerCount(undefined, 36), Math.min(2, navigator.hardwareConcurrency));
  assert.equal(workerCount(5, 2), 2);
  for (const bad of [0, 65, 1.5, NaN]) assert.throws(() => workerCount(bad, 3), RangeError);
});
