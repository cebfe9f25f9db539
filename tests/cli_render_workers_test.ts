/**
 * The render task has no --workers any more (the loader decides, in the notebook's load cell):
 * the flag is a usage error. What the flag's tests guaranteed stays: the outputs (every table,
 * robustness.json, the summary) and the warnings are the same, byte for byte and in the same
 * order, from one render to the next, on the default data and on a synthetic sweep with a MoE
 * model, five strengths, a missing pair and a cut-off file.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import { dataFiles, DEFAULT_DATA, renderProcess } from "./helpers/render_run.ts";
import { inTempDir } from "./helpers/temp_sweep.ts";

/** Renders `data` twice into `dir`; checks that outputs and warnings agree; returns the first. */
async function sameOutputs(data: string, dir: string, extra: string[] = []) {
  const runs = [];
  for (const name of ["one", "two"]) {
    const out = join(dir, name);
    const run = await renderProcess(["--data", data, "--out", out, "--no-figures", ...extra]);
    assert.equal(run.code, 0, run.err);
    runs.push({ ...run, files: await dataFiles(out) });
  }
  const [one, two] = runs;
  assert.deepEqual([...one.files.keys()], [...two.files.keys()]);
  for (const [name, bytes] of one.files) assert.deepEqual(two.files.get(name), bytes, name);
  assert.equal(one.err, two.err); // the same warnings, in the same order
  assert.ok(one.files.has("robustness.json") && one.files.has("analysis_summary.json"));
  return one;
}

Deno.test("the default data: the same bytes and warnings from one render to the next", () =>
  inTempDir(async (dir) => {
    const { files: written, err } = await sameOutputs(DEFAULT_DATA, dir);
    assert.ok(written.size >= 20);
    assert.equal(err.split("\n").filter((l) => l.startsWith("data quality")).length, 4);
  }));

Deno.test("a synthetic sweep with a missing pair and a cut-off file: the same bytes", () =>
  inTempDir(async (dir) => {
    const data = join(dir, "sweep");
    await writeSynthSweep(data, {
      models: [{ label: "4B", layers: 36 }, { label: "30B-A3B", layers: 48 }, {
        label: "14B",
        layers: 40,
      }],
      concepts: ["alpha", "beta", "gamma"],
      prompts: 30,
      strengths: [-2, -1, 0, 1, 2],
      seed: 11,
    });
    await Deno.remove(join(data, "beta", "Qwen_Qwen3_14B"), { recursive: true });
    const cut = join(data, "gamma", "Qwen_Qwen3_30B_A3B", "per_sample_all_layers.csv");
    const text = await Deno.readTextFile(cut);
    await Deno.writeTextFile(cut, text.split("\n").slice(0, -5).join("\n")); // no last line end
    const { err } = await sameOutputs(data, dir, ["--resamples", "500", "--seed", "7"]);
    assert.match(err, /warning: 14B\/beta skipped/);
    assert.match(err, /incomplete sweep/);
    assert.match(err, /the last line has no line end/);
  }));

Deno.test("--workers is a usage error (exit 2) before anything is read", async () => {
  for (const args of [["--workers", "2"], ["--workers=0"]]) {
    const run = await renderProcess(["--data", "/no/such/folder", ...args]);
    assert.equal(run.code, 2, run.err);
    assert.equal(run.err, "error: Unknown option '--workers' (see --help)\n");
    assert.equal(run.out, "");
  }
});
