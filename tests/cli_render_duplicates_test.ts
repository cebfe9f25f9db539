/**
 * Repeated (layer, strength, prompt_idx) rows in a per-sample file. The render task has no
 * --allow-duplicates any more (the loader's options live in the notebook's load cell, where
 * `tests/render_edits_test.ts` sets allowDuplicates and checks that every output counts the rows
 * alike): the flag is a usage error, and by default repeated keys stop the render with one line
 * naming the file and both lines, the output folder left as it was.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { snapshot } from "./helpers/folder_snapshot.ts";
import { renderProcess } from "./helpers/render_run.ts";
import { inTempDir, tempSweep } from "./helpers/temp_sweep.ts";

Deno.test("--allow-duplicates is a usage error (exit 2) before anything is read or written", () =>
  inTempDir(async (root) => {
    const out = join(root, "out");
    const run = await renderProcess([
      "--data",
      join(root, "nothing"),
      "--out",
      out,
      "--allow-duplicates",
    ]);
    assert.equal(run.code, 2, run.err);
    assert.equal(run.err, "error: Unknown option '--allow-duplicates' (see --help)\n");
    assert.equal(run.out, "");
    assert.deepEqual(await snapshot(root), {});
  }));

Deno.test("repeated keys stop the render: exit 1, one line naming the file and both lines", async () => {
  const data = await tempSweep();
  try {
    const file = join(data, "alpha", "Qwen_Qwen3_4B", "per_sample_all_layers.csv");
    const lines = (await Deno.readTextFile(file)).split("\n");
    await Deno.writeTextFile(file, [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join("\n"));
    await inTempDir(async (out) => {
      await Deno.writeTextFile(join(out, "best_layers.csv"), "previous");
      const before = await snapshot(out);
      const run = await renderProcess(["--data", data, "--out", out, "--no-figures"]);
      assert.equal(run.code, 1, run.err);
      const errors = run.err.trim().split("\n").filter((l) => l.startsWith("error:"));
      assert.equal(errors.length, 1, run.err);
      assert.ok(errors[0].startsWith(`error: ${file}:`), errors[0]);
      assert.match(errors[0], /is on line 2 and again on line 4/);
      assert.doesNotMatch(run.err, /\n\s+at |cell \d+/);
      assert.deepEqual(await snapshot(out), before);
    });
  } finally {
    await Deno.remove(data, { recursive: true });
  }
});
