import assert from "node:assert/strict";
import { join } from "node:path";
import { inTempDir } from "./helpers/temp_sweep.ts";
import { readCsvFile, readTypedCsvFile } from "../lib/sweep/csv_file.ts";

const SCHEMA = { layer: "int", delta: "float", model: "string" } as const;

/** The bytes of a CSV of `rows` rows `i,1,4B` after its header, lines ended by `end`. */
function numberedCsv(rows: number, end: string): Uint8Array {
  const lines = ["layer,delta,model"];
  for (let i = 0; i < rows; i++) lines.push(`${i},1,4B`);
  return new TextEncoder().encode(lines.join(end) + end);
}

Deno.test("readTypedCsvFile streams a file larger than its chunk", () =>
  inTempDir(async (dir) => {
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
  }));

Deno.test("readTypedCsvFile names the line of a NUL byte past the first chunk", () =>
  inTempDir(async (dir) => {
    const path = join(dir, "bad.csv");
    const bytes = numberedCsv(100_000, "\n");
    bytes[bytes.length - 3] = 0; // on the last line, 100,001
    await Deno.writeFile(path, bytes);
    await assert.rejects(() => readTypedCsvFile(path, SCHEMA), /bad\.csv:100001: binary data/);
  }));

Deno.test("issue 9 #10: invalid UTF-8 names its line and column, past the first chunk too", () =>
  inTempDir(async (dir) => {
    const path = join(dir, "bad.csv");
    const bytes = numberedCsv(100_000, "\r\n");
    bytes[bytes.length - 3] = 0xff; // "99999,1,4B": the B, column 10 of line 100,001
    await Deno.writeFile(path, bytes);
    await assert.rejects(
      () => readTypedCsvFile(path, SCHEMA),
      /bad\.csv:100001:10: not valid UTF-8 text \(byte 0xff\)/,
    );
  }));

Deno.test("issue 9 #10: a folder or a FIFO given as a CSV says what it is", () =>
  inTempDir(async (dir) => {
    await assert.rejects(() => readTypedCsvFile(dir, SCHEMA), /: is a folder, not a regular file$/);
    const fifo = join(dir, "pipe.csv");
    const made = await new Deno.Command("mkfifo", { args: [fifo] }).output();
    assert.ok(made.success);
    await assert.rejects(
      () => readTypedCsvFile(fifo, SCHEMA),
      /pipe\.csv: is a FIFO, not a regular/,
    );
    await assert.rejects(
      () => readTypedCsvFile(join(dir, "no.csv"), SCHEMA),
      /no\.csv: does not exist/,
    );
  }));

Deno.test("readCsvFile reports lines and the line of each row", () =>
  inTempDir(async (dir) => {
    const path = join(dir, "r.csv");
    await Deno.writeTextFile(path, 'layer,delta,model\n\n1,0.5,4B\n2,"1",4B\n');
    const { columns, report } = await readCsvFile(path, SCHEMA);
    assert.deepEqual([...columns.delta], [0.5, 1]);
    assert.deepEqual([report.lines, report.blank, report.rows], [4, 1, 2]);
    assert.deepEqual([report.lineOfRow(0), report.lineOfRow(1)], [3, 4]);
  }));
