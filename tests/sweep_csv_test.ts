import assert from "node:assert/strict";
import { parseTypedCsv } from "../lib/sweep/csv.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";

const SCHEMA = { layer: "int", delta: "float", answer: "string" } as const;

Deno.test("parseTypedCsv gives typed columns in file order, ignoring extra columns", () => {
  const t = parseTypedCsv("answer,extra,delta,layer\n(A),x,0.5,3\n(B),y,NaN,4\n", "s.csv", SCHEMA);
  assert.equal(t.length, 2);
  assert.ok(t.layer instanceof Int32Array);
  assert.deepEqual([...t.layer], [3, 4]);
  assert.equal(t.delta[0], 0.5);
  assert.ok(Number.isNaN(t.delta[1]));
  assert.deepEqual(t.answer, { codes: Int32Array.from([0, 1]), values: ["(A)", "(B)"] });
});

Deno.test("parseTypedCsv names file, line and column of a bad cell", () => {
  assert.throws(
    () => parseTypedCsv("layer,delta,answer\n3,0.5,(A)\n4,abc,(B)\n", "s.csv", SCHEMA),
    (e: unknown) =>
      e instanceof SweepDataError &&
      e.message === 's.csv:3:2 (column "delta"): not a number: "abc"' &&
      e.place.line === 3 && e.place.column === 2,
  );
  assert.throws(
    () => parseTypedCsv("layer,delta,answer\n3.5,0.5,(A)\n", "s.csv", SCHEMA),
    /s\.csv:2:1 \(column "layer"\): not a whole number: "3\.5"/,
  );
});

Deno.test("parseTypedCsv reports a missing column, a ragged row and an empty file", () => {
  assert.throws(
    () => parseTypedCsv("layer,answer\n3,(A)\n", "s.csv", SCHEMA),
    /s\.csv:1: missing column "delta"/,
  );
  assert.throws(
    () => parseTypedCsv("layer,delta,answer\n3,0.5,(A)\n4,0.5\n", "s.csv", SCHEMA),
    /s\.csv:3:3: ragged row: 2 fields where the header has 3/,
  );
  assert.throws(
    () => parseTypedCsv("layer,delta,answer\n3,0.5,(A),9\n", "s.csv", SCHEMA),
    /s\.csv:2:4: ragged row: 4 fields/,
  );
  assert.throws(() => parseTypedCsv("", "e.csv", SCHEMA), /e\.csv:1: empty file/);
});

Deno.test("parseTypedCsv skips blank lines and CRLF endings, as pandas", () => {
  const t = parseTypedCsv("layer,delta,answer\r\n3,0.5,(A)\r\n\r\n4,1,(B)\r\n", "s.csv", SCHEMA);
  assert.deepEqual([...t.layer], [3, 4]);
  assert.throws(
    () => parseTypedCsv("layer,delta,answer\n\n3,x,(A)\n", "s.csv", SCHEMA),
    /s\.csv:3:2 \(column "delta"\)/,
  );
});

Deno.test("parseTypedCsv reads quoted fields, commas and newlines inside them included", () => {
  const t = parseTypedCsv('layer,delta,answer\n3,0.5,"(A), or\nnot"\n4,"1",(B)\n', "s.csv", SCHEMA);
  assert.deepEqual(t.answer.values, ["(A), or\nnot", "(B)"]);
  assert.deepEqual([...t.delta], [0.5, 1]);
  assert.throws(
    () => parseTypedCsv('layer,delta,answer\n3,0.5,"a\nb"\n4,x,(B)\n', "s.csv", SCHEMA),
    /s\.csv:4:2/,
  );
});

Deno.test("parseTypedCsv accepts a header-only file as zero rows", () => {
  assert.equal(parseTypedCsv("layer,delta,answer\n", "s.csv", SCHEMA).length, 0);
});
