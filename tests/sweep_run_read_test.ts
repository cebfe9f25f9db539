/**
 * Reading one run on its own: the kept columns only (the others checked all the same), its own
 * checks, and the notes that depend on it alone.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { readRun, readRunFiles } from "../lib/sweep/run_read.ts";
import { SAMPLE_COLUMNS } from "../lib/sweep/types.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

Deno.test("a run keeps the columns the analysis reads; the others are still checked", () =>
  withTempSweep(async (dir) => {
    const runDir = join(dir, "alpha", "Qwen_Qwen3_4B");
    const { run } = await readRunFiles(runDir, "4B", "alpha");
    assert.deepEqual(Object.keys(run.samples).sort(), [...SAMPLE_COLUMNS, "length"].sort());
    const path = join(runDir, "per_sample_all_layers.csv");
    const lines = (await Deno.readTextFile(path)).split("\n");
    lines[3] = lines[3].replace(/,[^,]*,([^,]*,[^,]*)$/, ",abc,$1"); // logprob_B: not kept
    await Deno.writeTextFile(path, lines.join("\n"));
    await assert.rejects(
      readRunFiles(runDir, "4B", "alpha"),
      (e: Error) =>
        e instanceof SweepDataError &&
        e.message === `${path}:4:8 (column "logprob_B"): not a number: "abc"`,
    );
  }));

Deno.test("readRun scans the keys and writes the run's own notes", () =>
  withTempSweep(async (dir) => {
    const runDir = join(dir, "beta", "Qwen_Qwen3_30B_A3B");
    const path = join(runDir, "per_sample_all_layers.csv");
    const text = await Deno.readTextFile(path);
    const [header, first, ...rest] = text.split("\n");
    await Deno.writeTextFile(path, [header, first, first, ...rest].join("\n"));
    const loaded = await readRun({ dir: runDir, model: "30B-A3B", concept: "beta" });
    assert.equal(loaded.scan.duplicates, 1);
    assert.deepEqual(loaded.scan.firstRepeat, [0, 1]);
    assert.equal(loaded.quality, undefined); // every answer is (A) or (B)
    assert.equal(loaded.bestLayer, undefined);
  }));

Deno.test("summary.json of another run is an error naming it", () =>
  withTempSweep(async (dir) => {
    const runDir = join(dir, "alpha", "Qwen_Qwen3_4B");
    const info = join(runDir, "summary.json");
    await Deno.writeTextFile(info, (await Deno.readTextFile(info)).replace('"4B"', '"8B"'));
    await assert.rejects(
      readRun({ dir: runDir, model: "4B", concept: "alpha" }),
      (e: Error) =>
        e instanceof SweepDataError &&
        e.message === `${info}: summary.json is for 8B/alpha but the folder is for 4B/alpha`,
    );
  }));
