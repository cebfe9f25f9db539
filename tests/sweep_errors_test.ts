import assert from "node:assert/strict";
import { assertNoNulByte, formatPlace, SweepDataError } from "../lib/sweep/errors.ts";

Deno.test("formatPlace writes file:line:column and the column name", () => {
  assert.equal(formatPlace({ file: "a.csv" }), "a.csv");
  assert.equal(formatPlace({ file: "a.csv", line: 2 }), "a.csv:2");
  assert.equal(
    formatPlace({ file: "a.csv", line: 2, column: 4, columnName: "layer" }),
    'a.csv:2:4 (column "layer")',
  );
});

Deno.test("SweepDataError keeps its place and prefixes the message", () => {
  const err = new SweepDataError("bad", { file: "x.json", line: 1, column: 3 });
  assert.equal(err.message, "x.json:1:3: bad");
  assert.equal(err.place.column, 3);
  assert.ok(err instanceof Error);
});

Deno.test("assertNoNulByte names the line of a NUL byte, counting from firstLine", () => {
  assertNoNulByte(new TextEncoder().encode("a,b\n1,2\n"), "ok.csv");
  assert.throws(
    () => assertNoNulByte(new Uint8Array([97, 10, 98, 0]), "g.csv"),
    /^SweepDataError: g\.csv:2: binary data/,
  );
  assert.throws(() => assertNoNulByte(new Uint8Array([0]), "g.csv", 40), /g\.csv:40: binary/);
});
