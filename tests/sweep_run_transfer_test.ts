/**
 * A read run sent through a real message port: its columns arrive intact and are moved (the
 * sender's become empty), and its reports give the same line for every row, blank lines and
 * records spanning lines included.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readRun } from "../lib/sweep/run_read.ts";
import { type PackedRun, packRun, unpackRun } from "../lib/sweep/run_transfer.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

/** Sends `message` through a MessageChannel with its transfer list. */
function send(message: PackedRun, transfer: ArrayBuffer[]): Promise<PackedRun> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.onmessage = (event) => {
      port1.close();
      port2.close();
      resolve(event.data);
    };
    port1.postMessage(message, { transfer });
  });
}

Deno.test("columns are moved, not copied; reports keep every row's line", () =>
  withTempSweep(async (dir) => {
    const runDir = join(dir, "alpha", "Qwen_Qwen3_4B");
    const path = join(runDir, "per_sample_all_layers.csv");
    const lines = (await Deno.readTextFile(path)).split("\n");
    lines.splice(5, 0, ""); // a blank line: rows after it are one line further down
    lines[8] = lines[8].replace(/,\((A|B)\),/, ',"($1),'); // a record spanning lines 9 to 11
    lines[10] = lines[10].replace(/,\((A|B)\),/, ',($1)",');
    await Deno.writeTextFile(path, lines.join("\n"));
    const loaded = await readRun({ dir: runDir, model: "4B", concept: "alpha" });
    const report = loaded.files.samplesReport;
    const expected = Array.from({ length: report.rows }, (_, r) => report.lineOfRow(r));
    const copy = {
      layer: loaded.run.samples.layer.slice(),
      codes: loaded.run.samples.matching_answer.codes.slice(),
    };
    const { message, transfer } = packRun(loaded);
    const back = unpackRun(await send(message, transfer));
    assert.equal(loaded.run.samples.layer.length, 0); // moved
    assert.deepEqual(back.run.samples.layer, copy.layer);
    assert.deepEqual(back.run.samples.matching_answer.codes, copy.codes);
    const got = Array.from(
      { length: report.rows },
      (_, r) => back.files.samplesReport.lineOfRow(r),
    );
    assert.deepEqual(got, expected);
    // Rows 2 to 7: a blank line 6, then row 6 spanning lines 9 to 11.
    assert.deepEqual(expected.slice(2, 8), [4, 5, 7, 8, 9, 12]);
    assert.deepEqual(back.files.samplesReport.spanning, report.spanning);
    assert.deepEqual(back.scan, loaded.scan);
  }));
