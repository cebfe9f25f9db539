import assert from "node:assert/strict";
import { inTemp } from "./helpers/temp_dir.ts";
import { join } from "node:path";
import { UsageError } from "../cli/args.ts";
import { checkOutFolder, usableFolder } from "../cli/out_folder.ts";
import { OutputError } from "../lib/export/output_error.ts";
import { withReadOnlyFolder } from "./helpers/read_only.ts";

Deno.test("--out: a folder or a folder to create is fine; nothing is left behind", async () => {
  await inTemp(async (root) => {
    assert.equal(await usableFolder(root), root);
    assert.equal(await usableFolder(join(root, "a", "b")), root);
    await checkOutFolder(join(root, "a", "b"));
    assert.deepEqual([...Deno.readDirSync(root)], []);
  });
});

Deno.test("--out: empty, a file, under a file, or a name too long is a usage error", async () => {
  await inTemp(async (root) => {
    const file = join(root, "f.txt");
    await Deno.writeTextFile(file, "x");
    const cases: Array<[string, RegExp]> = [
      ["", /--out needs a folder, not an empty string/],
      [file, /is a file, not a folder/],
      [join(file, "sub", "x"), /is under ".*f\.txt", which is a file/],
      [join(root, "n".repeat(256)), /a name is over 255 bytes long/],
      [join(root, ...Array(20).fill("d".repeat(250))), /the path is over 4095 bytes long/],
    ];
    for (const [out, message] of cases) {
      await assert.rejects(() => checkOutFolder(out), (e: Error) => {
        assert.ok(e instanceof UsageError, `${out}: ${e}`);
        assert.match(e.message, message);
        assert.ok(e.message.length < 200);
        return true;
      });
    }
  });
});

Deno.test("--out in a folder that cannot be written is an output error naming it", async () => {
  await inTemp(async (root) => {
    const locked = join(root, "ro");
    const done = await withReadOnlyFolder(locked, async () => {
      await assert.rejects(
        () => checkOutFolder(join(locked, "out")),
        (e: Error) =>
          e instanceof OutputError && e.message.startsWith(`${locked}: cannot write here: `),
      );
      assert.deepEqual([...Deno.readDirSync(locked)], []);
    });
    if (!done) console.warn("skipped: running as root without chattr");
  });
});
