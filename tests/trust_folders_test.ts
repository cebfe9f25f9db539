/**
 * Hostile report on issue 9, folders: defect 8 (a concept folder named in NFD while its CSV cells
 * are NFC), defect 9 (an unrelated bad entry in the data folder aborted the run with a raw OS
 * message), defect 13 (`--data` naming a file said "no such folder").
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

/** Renames concept `from` to `to` (folder and every cell naming it). */
async function renameConcept(dir: string, from: string, folder: string, cell: string) {
  await Deno.rename(join(dir, from), join(dir, folder));
  for await (const model of Deno.readDir(join(dir, folder))) {
    for (const file of ["per_sample_all_layers.csv", "summary.json"]) {
      const path = join(dir, folder, model.name, file);
      const text = await Deno.readTextFile(path);
      await Deno.writeTextFile(path, text.replaceAll(from, cell));
    }
  }
}

Deno.test("defect 8: a concept folder in NFD matches CSV cells in NFC", () =>
  withTempSweep(async (dir) => {
    const name = "sélf_awäreness";
    await renameConcept(dir, "alpha", name.normalize("NFD"), name.normalize("NFC"));
    const sweep = await loadSweep(dir);
    assert.equal(sweep.runs.length, 4);
    assert.ok(sweep.concepts.some((c) => c.normalize("NFC") === name.normalize("NFC")));
  }));

Deno.test("defect 8: a concept that differs beyond normalization is still an error", () =>
  withTempSweep(async (dir) => {
    await renameConcept(dir, "alpha", "alpha2", "alpha3");
    await assert.rejects(loadSweep(dir), /concept is "alpha3" but the folder is for "alpha2"/);
  }));

Deno.test("defect 9: a symbolic link loop in the data folder is skipped with a note", () =>
  withTempSweep(async (dir) => {
    await Deno.symlink("self", join(dir, "self"));
    await Deno.symlink("self", join(dir, "alpha", "self"));
    const sweep = await loadSweep(dir);
    assert.deepEqual(sweep.concepts, ["alpha", "beta"]);
    assert.equal(sweep.runs.length, 4);
    for (const path of [join(dir, "self"), join(dir, "alpha", "self")]) {
      const note = sweep.notes.find((n) => n.includes(path));
      assert.ok(note, sweep.notes.join("\n"));
      assert.match(note, /^note: skipped .*: a symbolic link loop/);
      assert.doesNotMatch(note, /os error/);
    }
  }));

Deno.test({
  name: "defect 9: an unreadable folder (lost+found) is skipped with a note",
  ignore: Deno.uid() === 0, // root reads every folder: the case cannot arise
  fn: () =>
    withTempSweep(async (dir) => {
      await Deno.mkdir(join(dir, "lost+found"), { mode: 0 });
      try {
        const sweep = await loadSweep(dir);
        assert.equal(sweep.runs.length, 4);
        const note = sweep.notes.find((n) => n.includes("lost+found"));
        assert.match(note ?? "", /^note: skipped .*lost\+found: cannot list this folder/);
      } finally {
        await Deno.chmod(join(dir, "lost+found"), 0o755);
      }
    }),
});

Deno.test("defect 13: --data naming a file, or a link loop, says what it is", () =>
  withTempSweep(async (dir) => {
    const file = join(dir, "alpha", "Qwen_Qwen3_4B", "summary.json");
    await assert.rejects(loadSweep(file), (e: unknown) => {
      assert.ok(e instanceof SweepDataError);
      assert.equal(e.message, `${file}: a file, not a folder (the sweep's data folder)`);
      return true;
    });
    await Deno.symlink("loop", join(dir, "loop"));
    await assert.rejects(loadSweep(join(dir, "loop")), /: a symbolic link loop .*not a folder/);
  }));
