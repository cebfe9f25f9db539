import assert from "node:assert/strict";
import { join } from "node:path";
import { inTempDir } from "./helpers/temp_sweep.ts";
import { assertRegularFile, pathKind, subfolders } from "../lib/sweep/files.ts";

Deno.test("pathKind follows links and names folders, FIFOs and broken links", () =>
  inTempDir(async (dir) => {
    await Deno.writeTextFile(join(dir, "f.csv"), "a\n");
    await Deno.symlink(join(dir, "f.csv"), join(dir, "link.csv"));
    await Deno.symlink(join(dir, "gone"), join(dir, "broken.csv"));
    assert.ok((await new Deno.Command("mkfifo", { args: [join(dir, "p")] }).output()).success);
    assert.equal(await pathKind(join(dir, "f.csv")), "file");
    assert.equal(await pathKind(join(dir, "link.csv")), "file");
    assert.equal(await pathKind(dir), "folder");
    assert.equal(await pathKind(join(dir, "p")), "FIFO");
    assert.equal(await pathKind(join(dir, "broken.csv")), "broken link");
    assert.equal(await pathKind(join(dir, "none")), "missing");
    await assertRegularFile(join(dir, "link.csv"));
    await assert.rejects(
      () => assertRegularFile(join(dir, "broken.csv")),
      /symbolic link to nothing/,
    );
  }));

Deno.test("subfolders: links to folders count, hidden names and files do not", () =>
  inTempDir(async (dir) => {
    for (const name of ["b", ".backup", "a"]) await Deno.mkdir(join(dir, name));
    await Deno.writeTextFile(join(dir, "c"), "");
    await Deno.symlink(join(dir, "a"), join(dir, "linked"));
    await Deno.symlink(join(dir, "c"), join(dir, "file-link"));
    assert.deepEqual(await subfolders(dir), ["a", "b", "linked"]);
  }));
