import assert from "node:assert/strict";
import { inTemp } from "./helpers/temp_dir.ts";
import { join } from "node:path";
import { writeFileAtomic, writeOutputsAtomic } from "../lib/export/atomic.ts";
import { LOCK_FILE } from "../lib/export/lock.ts";
import { JOURNAL_FILE, MANIFEST_FILE, readManifest } from "../lib/export/journal.ts";
import { snapshot } from "./helpers/folder_snapshot.ts";

const files = (entries: Record<string, string>) =>
  Object.entries(entries).map(([name, content]) => ({ name, content }));

async function listing(dir: string): Promise<string[]> {
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

Deno.test("writeOutputsAtomic writes every file, a manifest, and no temporary folder", async () => {
  await inTemp(async (root) => {
    const dir = join(root, "out");
    const { written } = await writeOutputsAtomic(dir, [
      { name: "a.csv", content: "x\n1\n" },
      { name: "b.bin", content: new Uint8Array([1, 2]) },
    ]);
    assert.deepEqual(written, [join(dir, "a.csv"), join(dir, "b.bin")]);
    assert.equal(await Deno.readTextFile(join(dir, "a.csv")), "x\n1\n");
    assert.deepEqual(await listing(dir), [MANIFEST_FILE, "a.csv", "b.bin"]);
    assert.deepEqual(await readManifest(dir), ["a.csv", "b.bin"]);
  });
});

Deno.test("outputs of the previous run not written again are removed, and only those", async () => {
  await inTemp(async (dir) => {
    await Deno.mkdir(join(dir, "corrigible"));
    await Deno.writeTextFile(join(dir, "corrigible", "per_sample_all_layers.csv"), "input");
    await Deno.writeTextFile(join(dir, "notes.png"), "a user's file");
    await writeOutputsAtomic(dir, files({ "t.csv": "1", "fig.png": "P", "fig.svg": "S" }));
    const { removed } = await writeOutputsAtomic(dir, files({ "t.csv": "2" }));
    assert.deepEqual(removed.sort(), [join(dir, "fig.png"), join(dir, "fig.svg")]);
    assert.deepEqual(await listing(dir), [MANIFEST_FILE, "corrigible", "notes.png", "t.csv"]);
    assert.equal(await Deno.readTextFile(join(dir, "notes.png")), "a user's file");
    assert.equal(
      await Deno.readTextFile(join(dir, "corrigible", "per_sample_all_layers.csv")),
      "input",
    );
  });
});

Deno.test("a folder in the way of an output: a one-line error, the folder as it was", async () => {
  await inTemp(async (dir) => {
    await writeOutputsAtomic(dir, files({ "a.csv": "old", "b.csv": "old" }));
    await Deno.mkdir(join(dir, "b.csv.d"));
    await Deno.mkdir(join(dir, "c.csv"));
    await Deno.writeTextFile(join(dir, "c.csv", "x"), "user");
    const before = await snapshot(dir);
    await assert.rejects(
      () => writeOutputsAtomic(dir, files({ "a.csv": "new", "c.csv": "new" })),
      (e: Error) =>
        e.message === `${join(dir, "c.csv")}: is a folder; an output file cannot replace it`,
    );
    assert.deepEqual(await snapshot(dir), before);
  });
});

Deno.test("a name with a folder part or a hidden name is refused before anything is written", async () => {
  await inTemp(async (dir) => {
    for (const name of ["no/such/b.csv", "../x.csv", ".hidden", ""]) {
      await assert.rejects(() => writeOutputsAtomic(dir, files({ [name]: "x" })), /plain, unique/);
    }
    assert.deepEqual(await listing(dir), []);
  });
});

Deno.test("a folder the run had to create is removed again when the write fails", async () => {
  await inTemp(async (root) => {
    const dir = join(root, "a", "b");
    await assert.rejects(() =>
      writeOutputsAtomic(dir, files({ "x.csv": "1" }), {
        checkpoint: (_, label) => {
          if (label === "stage x.csv") throw new Error("disk full");
        },
      })
    );
    assert.deepEqual(await listing(root), []);
  });
});

Deno.test("a second run while one holds the lock is refused, naming the lock file", async () => {
  await inTemp(async (dir) => {
    await writeOutputsAtomic(dir, files({ "a.csv": "old" }));
    const lock = await Deno.open(join(dir, LOCK_FILE), { create: true, write: true });
    assert.ok(await lock.tryLock(true));
    try {
      const child = await new Deno.Command(Deno.execPath(), {
        args: [
          "eval",
          `
          import { writeOutputsAtomic } from "${new URL(
            "../lib/export/atomic.ts",
            import.meta.url,
          )}";
          try { await writeOutputsAtomic(${
            JSON.stringify(dir)
          }, [{ name: "a.csv", content: "new" }]); }
          catch (e) { console.error(e.message); Deno.exit(1); }`,
        ],
        stderr: "piped",
      }).output();
      assert.equal(child.code, 1);
      assert.equal(
        new TextDecoder().decode(child.stderr).trim(),
        `${
          join(dir, LOCK_FILE)
        }: another render is writing this folder; try again when it has finished`,
      );
      assert.equal(await Deno.readTextFile(join(dir, "a.csv")), "old");
    } finally {
      lock.close();
    }
  });
});

Deno.test("staging folders of killed runs (this version's or an earlier one's) are removed", async () => {
  await inTemp(async (dir) => {
    await Deno.mkdir(join(dir, ".render-0123456789abcdef", "new"), { recursive: true });
    await Deno.mkdir(join(dir, ".render-42e3821881072aa"));
    await Deno.mkdir(join(dir, ".render-mine"));
    await writeOutputsAtomic(dir, files({ "a.csv": "1" }));
    assert.deepEqual(await listing(dir), [".render-mine", MANIFEST_FILE, "a.csv"]);
  });
});

Deno.test("writeFileAtomic replaces a file whole", async () => {
  await inTemp(async (dir) => {
    const path = join(dir, "s.json");
    await writeFileAtomic(path, "{}");
    await writeFileAtomic(path, '{"a":1}');
    assert.equal(await Deno.readTextFile(path), '{"a":1}');
  });
});

Deno.test("a journal whose staging folder is gone is refused, nothing removed", async () => {
  await inTemp(async (dir) => {
    await writeOutputsAtomic(dir, files({ "a.csv": "1" }));
    const journal = { stage: ".render-0123456789abcdef", old: ["a.csv"], new: ["a.csv"] };
    await Deno.writeTextFile(join(dir, JOURNAL_FILE), JSON.stringify(journal));
    const before = await snapshot(dir);
    await assert.rejects(
      () => writeOutputsAtomic(dir, files({ "a.csv": "2" })),
      /staging folder \.render-0123456789abcdef is missing/,
    );
    assert.deepEqual(await snapshot(dir), before);
  });
});
