/** discover.ts: concepts and run folders of a sweep folder, and each run's model label. */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  discoverConcepts,
  modelsInConcept,
  runLabel,
  runsInConcept,
} from "../lib/sweep/discover.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

const run4 = (dir: string, concept = "alpha") => join(dir, concept, "Qwen_Qwen3_4B");

Deno.test("discoverConcepts lists concept folders holding a run folder; others get a note", () =>
  withTempSweep(async (dir) => {
    await Deno.mkdir(join(dir, "empty"));
    await Deno.mkdir(join(dir, ".backup", "Qwen_Qwen3_4B"), { recursive: true });
    await Deno.symlink("nowhere", join(dir, "dangling"));
    await Deno.writeTextFile(join(dir, "best_layers.csv"), "model\n"); // an output: passed over
    await Deno.writeTextFile(join(dir, "models.json"), "{}");
    const notes: string[] = [];
    assert.deepEqual(await discoverConcepts(dir, notes), ["alpha", "beta"]);
    assert.deepEqual(notes, [
      `note: skipped ${join(dir, "dangling")}: a symbolic link to nothing (its target does not ` +
      "exist)",
      `note: skipped ${join(dir, "empty")}: no run folder in it (a run folder holds ` +
      "per_sample_all_layers.csv, layer_summary.csv, summary.json)",
    ]); // the hidden folder is ignored, as a shell glob ignores it
    assert.deepEqual((await modelsInConcept(join(dir, "alpha"))).sort(), ["30B-A3B", "4B"]);
  }));

Deno.test("a run folder or run file out of place at the top is named in a note", () =>
  withTempSweep(async (dir) => {
    await Deno.rename(join(dir, "beta", "Qwen_Qwen3_4B"), join(dir, "Qwen_Qwen3_4B"));
    await Deno.copyFile(
      join(run4(dir), "summary.json"),
      join(dir, "summary.json"),
    );
    const notes: string[] = [];
    assert.deepEqual(await discoverConcepts(dir, notes), ["alpha", "beta"]);
    assert.deepEqual(notes, [
      `note: skipped ${join(dir, "Qwen_Qwen3_4B")}: a run folder with no concept folder around ` +
      "it (the layout is <data>/<concept>/<run folder>/)",
      `note: skipped ${join(dir, "summary.json")}: a run file outside any run folder (the ` +
      "layout is <data>/<concept>/<run folder>/)",
    ]);
  }));

Deno.test("in a concept folder, any folder holding run files is a run; the rest get a note", () =>
  withTempSweep(async (dir) => {
    const alpha = join(dir, "alpha");
    await Deno.rename(run4(dir), join(alpha, "my-run-2"));
    await Deno.mkdir(join(alpha, "plots"));
    await Deno.writeTextFile(join(alpha, "README"), "notes");
    await Deno.writeTextFile(join(alpha, "layer_summary.csv"), "layer\n");
    const notes: string[] = [];
    const runs = await runsInConcept(alpha, notes);
    assert.deepEqual(runs.map((r) => [r.name, r.model, r.from]), [
      ["Qwen_Qwen3_30B_A3B", "30B-A3B", "csv"],
      ["my-run-2", "4B", "csv"], // its CSV's label, whatever the folder's name
    ]);
    assert.deepEqual(notes, [
      `note: skipped ${join(alpha, "README")}: a file in a concept folder, which holds run folders`,
      `note: skipped ${join(alpha, "layer_summary.csv")}: a run file outside any run folder ` +
      "(the layout is <data>/<concept>/<run folder>/layer_summary.csv)",
      `note: skipped ${join(alpha, "plots")}: not a run folder: it holds none of ` +
      "per_sample_all_layers.csv, layer_summary.csv, summary.json",
    ]);
  }));

Deno.test("runLabel: the CSV's model, else summary.json's, else the folder name", () =>
  withTempSweep(async (dir) => {
    const run = run4(dir);
    assert.deepEqual(await runLabel(run), { model: "4B", from: "csv" });
    await Deno.remove(join(run, "per_sample_all_layers.csv"));
    assert.deepEqual(await runLabel(run), { model: "4B", from: "summary.json" });
    await Deno.remove(join(run, "summary.json"));
    assert.deepEqual(await runLabel(run), { model: "4B", from: "folder name" });
    const other = join(dir, "beta", "old copy");
    await Deno.mkdir(other);
    await Deno.writeTextFile(join(other, "layer_summary.csv"), "layer\n");
    assert.deepEqual(await runLabel(other), { model: "old copy", from: "folder name" });
    // an incomplete run whose model nothing names is no model of the sweep: a note
    const notes: string[] = [];
    const runs = await runsInConcept(join(dir, "beta"), notes);
    assert.deepEqual(runs.map((r) => r.model), ["30B-A3B", "4B"]);
    assert.deepEqual(notes, [
      `note: skipped ${other}: a run folder without per_sample_all_layers.csv, and no file ` +
      "names its model",
    ]);
  }));

Deno.test("runLabel reads the first data row: a BOM, quotes, CRLF and blank lines", () =>
  withTempSweep(async (dir) => {
    const file = join(run4(dir), "per_sample_all_layers.csv");
    const lines = (await Deno.readTextFile(file)).trimEnd().split("\n");
    const header = lines[0].split(",").map((name) => `"${name}"`).join(",");
    const rows = lines.slice(1).map((row) => row.replace(/^4B,/, '"4B",'));
    await Deno.writeTextFile(file, "\ufeff" + [header, "", ...rows].join("\r\n") + "\r\n");
    assert.deepEqual(await runLabel(run4(dir)), { model: "4B", from: "csv" });
  }));

Deno.test("a CSV and a summary.json naming different models are an error naming both", () =>
  withTempSweep(async (dir) => {
    const info = join(run4(dir), "summary.json");
    const text = await Deno.readTextFile(info);
    await Deno.writeTextFile(info, text.replace('"model": "4B"', '"model": "4B-base"'));
    const samples = join(run4(dir), "per_sample_all_layers.csv");
    await assert.rejects(runLabel(run4(dir)), (e: unknown) => {
      assert.ok(e instanceof SweepDataError);
      assert.equal(
        e.message,
        `${info}: model is "4B-base" but ${samples}:2 (column "model") says "4B": the run's ` +
          "files disagree on its model",
      );
      return true;
    });
  }));

Deno.test("two run folders of one concept with the same model are an error naming both", () =>
  withTempSweep(async (dir) => {
    const copy = join(dir, "alpha", "4B-again");
    await Deno.mkdir(copy);
    for await (const file of Deno.readDir(run4(dir))) {
      await Deno.copyFile(join(run4(dir), file.name), join(copy, file.name));
    }
    await assert.rejects(runsInConcept(join(dir, "alpha")), (e: unknown) => {
      assert.ok(e instanceof SweepDataError);
      assert.ok(e.message.startsWith(`${run4(dir)}: model "4B"`), e.message);
      assert.ok(e.message.includes(`as in ${copy}`), e.message);
      return true;
    });
  }));
