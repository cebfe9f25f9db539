import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileAtomic, writeOutputsAtomic } from "../lib/export/atomic.ts";

Deno.test("writeOutputsAtomic writes every file and leaves no temporary folder", async () => {
  const dir = join(await Deno.makeTempDir(), "out");
  const written = await writeOutputsAtomic(dir, [
    { name: "a.csv", content: "x\n1\n" },
    { name: "b.bin", content: new Uint8Array([1, 2]) },
  ]);
  assert.deepEqual(written, [join(dir, "a.csv"), join(dir, "b.bin")]);
  assert.equal(await Deno.readTextFile(join(dir, "a.csv")), "x\n1\n");
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names.sort(), ["a.csv", "b.bin"]);
});

Deno.test("writeOutputsAtomic changes nothing when a file cannot be written", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "a.csv"), "old\n");
  await assert.rejects(() =>
    writeOutputsAtomic(dir, [
      { name: "a.csv", content: "new\n" },
      { name: "no/such/sub/b.csv", content: "x" },
    ])
  );
  assert.equal(await Deno.readTextFile(join(dir, "a.csv")), "old\n");
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names, ["a.csv"]);
});

Deno.test("writeFileAtomic replaces a file whole", async () => {
  const path = join(await Deno.makeTempDir(), "s.json");
  await writeFileAtomic(path, "{}");
  await writeFileAtomic(path, '{"a":1}');
  assert.equal(await Deno.readTextFile(path), '{"a":1}');
});
