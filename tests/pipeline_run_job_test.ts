/**
 * A loading worker's job: the run read and packed, and its record computed only when the sweep
 * can still load with the run as it is (no repeated key unless allowed, layers within the
 * count); otherwise left undefined, for the main thread to report or compute.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runJob } from "../lib/pipeline/run_job.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

const ROBUSTNESS = { resamples: 20, seed: 1 };

Deno.test("a run is analysed unless its load is bound to fail", () =>
  withTempSweep(async (dir) => {
    const runDir = join(dir, "alpha", "Qwen_Qwen3_4B");
    const task = { dir: runDir, model: "4B", concept: "alpha" };
    const job = { task, allowDuplicates: false, robustness: ROBUSTNESS };
    const plain = await runJob(job);
    assert.equal(plain.result.analysis?.record?.model, "4B");
    assert.equal(plain.transfer.length, 5);
    const outside = await runJob({ ...job, layerCount: 30 }); // layers go up to 35
    assert.equal(outside.result.analysis, undefined);
    const path = join(runDir, "per_sample_all_layers.csv");
    const [header, first, ...rest] = (await Deno.readTextFile(path)).split("\n");
    await Deno.writeTextFile(path, [header, first, first, ...rest].join("\n"));
    assert.equal((await runJob(job)).result.analysis, undefined); // a repeated key: an error later
    const allowed = await runJob({ ...job, allowDuplicates: true });
    assert.equal(allowed.result.analysis?.record?.model, "4B");
  }));
