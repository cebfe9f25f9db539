import assert from "node:assert/strict";
import { join } from "node:path";
import { readTypedCsvFile, TypedCsvReader } from "../lib/sweep/csv_reader.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";

const SCHEMA = { layer: "int", delta: "float", model: "string" } as const;

Deno.test("rows split across chunks anywhere read the same as in one piece", () => {
  const text = "layer,delta,model\n1,0.5,4B\n2,-1.25,4B\n3,NaN,4B\n";
  for (let cut = 0; cut <= text.length; cut++) {
    const reader = new TypedCsvReader("s.csv", SCHEMA);
    reader.push(text.slice(0, cut));
    reader.push(text.slice(cut));
    const t = reader.end();
    assert.deepEqual([...t.layer], [1, 2, 3], `cut at ${cut}`);
    assert.deepEqual([...t.delta].map(String), ["0.5", "-1.25", "NaN"]);
  }
});

Deno.test("expected text columns are checked at their line and column", () => {
  const reader = new TypedCsvReader("s.csv", SCHEMA, { model: "4B" });
  assert.throws(
    () => reader.push("layer,delta,model\n1,0.5,4B\n2,0.5,8B\n"),
    (e: unknown) =>
      e instanceof SweepDataError &&
      e.message === 's.csv:3:3 (column "model"): model is "8B" but the folder is for "4B"',
  );
});

Deno.test("readTypedCsvFile streams a file larger than its chunk", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "big.csv");
  const rows = 200_000;
  const lines = ["layer,delta,model"];
  for (let i = 0; i < rows; i++) lines.push(`${i % 40},${i / 1024},4B`);
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  assert.ok((await Deno.stat(path)).size > 2 * (1 << 20));
  const t = await readTypedCsvFile(path, SCHEMA, { model: "4B" });
  assert.equal(t.length, rows);
  assert.equal(t.layer[rows - 1], (rows - 1) % 40);
  assert.equal(t.delta[123_456], 123_456 / 1024);
});

Deno.test("readTypedCsvFile names the line of a NUL byte past the first chunk", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "bad.csv");
  const lines = ["layer,delta,model"];
  for (let i = 0; i < 100_000; i++) lines.push(`${i},1,4B`);
  const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
  bytes[bytes.length - 3] = 0; // on the last line, 100,001
  await Deno.writeFile(path, bytes);
  await assert.rejects(() => readTypedCsvFile(path, SCHEMA), /bad\.csv:100001: binary data/);
  await Deno.writeFile(path, new Uint8Array([0x6c, 0x0a, 0xc3, 0x28]));
  await assert.rejects(() => readTypedCsvFile(path, SCHEMA), /bad\.csv: not valid UTF-8/);
});
