import assert from "node:assert/strict";
import { columnText, formatTableValue, tableText } from "../lib/util/table_text.ts";

const rows = [{ model: "4B", layer: 18, delta: 14.011423 }, { model: "<b>", layer: 9, delta: NaN }];

Deno.test("formatTableValue rounds non-integers to 3 decimals", () => {
  assert.equal(formatTableValue(14.011423), "14.011");
  assert.equal(formatTableValue(18), "18");
  assert.equal(formatTableValue(NaN), "NaN");
  assert.equal(formatTableValue(["a", "b"]), "a, b");
  assert.equal(formatTableValue(1.23456, 1), "1.2");
  assert.equal(formatTableValue(7.4712e-10), "7.47e-10");
  assert.equal(formatTableValue(-0.0004), "-4.00e-4");
});

Deno.test("tableText aligns columns to the right", () => {
  assert.equal(tableText(rows), "model  layer   delta\n   4B     18  14.011\n  <b>      9     NaN");
});

Deno.test("columnText formats a column one way: decimals throughout once any value has them", () => {
  const stability = [{ s: 1 }, { s: 0.9755 }, { s: NaN }];
  assert.deepEqual(columnText(stability, "s"), ["1.000", "0.976", "NaN"]);
  assert.deepEqual(columnText([{ n: 18 }, { n: 9 }], "n"), ["18", "9"]);
  assert.deepEqual(columnText(stability, "s", { formats: { s: (v) => `<${v}>` } }), [
    "<1>",
    "<0.9755>",
    "<NaN>",
  ]);
  assert.match(tableText(stability), /1\.000\n/);
});
