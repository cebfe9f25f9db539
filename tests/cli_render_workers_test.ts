/**
 * `deno task render --workers N`: the outputs (every table, robustness.json, the summary) are
 * byte for byte the same with one worker and with two, on the default data and on a synthetic
 * sweep with a MoE model, five strengths, a missing pair and a cut-off file; so are the warnings,
 * in the same order. A bad --workers is a usage error.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeSynthSweep } from "../lib/synth/sweep.ts";
import { inTempDir } from "./helpers/temp_sweep.ts";

const ROOT = new URL("..", import.meta.url).pathname;

async function render(...args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli/render.ts"), "--no-figures", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code, out: text.decode(stdout), err: text.decode(stderr) };
}

/** Every file of a folder (hidden ones included), by name. */
async function files(dir: string): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile) found.set(entry.name, await Deno.readFile(join(dir, entry.name)));
  }
  return found;
}

/**
 * Renders `data` with 1 and with 2 workers, and in this thread (no --workers: a small sweep)
 * into `dir`; checks that outputs and warnings agree.
 */
async function sameOutputs(data: string, dir: string, extra: string[] = []) {
  const runs = [];
  for (const workers of ["1", "2", ""]) {
    const out = join(dir, `out${workers}`);
    const flags = workers ? ["--workers", workers] : [];
    const run = await render("--data", data, "--out", out, ...flags, ...extra);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, workers ? new RegExp(`with ${workers} workers?`) : /in this thread/);
    runs.push({ ...run, files: await files(out) });
  }
  const [one, ...others] = runs;
  for (const other of others) {
    assert.deepEqual([...one.files.keys()].sort(), [...other.files.keys()].sort());
    for (const [name, bytes] of one.files) assert.deepEqual(other.files.get(name), bytes, name);
    assert.equal(one.err, other.err); // the same warnings, in the same order
  }
  assert.ok(one.files.has("robustness.json") && one.files.has("analysis_summary.json"));
  return one;
}

Deno.test("the default data: the same bytes with one worker, two, and in this thread", () =>
  inTempDir(async (dir) => {
    const { files: written, err } = await sameOutputs("results/logit_diff_sweep", dir);
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

Deno.test("a bad --workers is a usage error (exit 2) before anything is read", async () => {
  const run = await render("--workers", "0");
  assert.equal(run.code, 2);
  assert.match(run.err, /--workers needs a whole number from 1 to 64, not "0"/);
});
