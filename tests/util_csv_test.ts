import assert from "node:assert/strict";
import { formatCell, toCsv } from "../lib/util/csv.ts";

Deno.test("formatCell writes NaN empty, booleans as pandas, lists joined", () => {
  assert.equal(formatCell(NaN), "");
  assert.equal(formatCell(null), "");
  assert.equal(formatCell(true), "True");
  assert.equal(formatCell(false), "False");
  assert.equal(formatCell(["4B", "8B"]), "4B|8B");
  assert.equal(formatCell(0.1 + 0.2), "0.30000000000000004");
});

Deno.test("toCsv quotes where needed and ends with a newline", () => {
  assert.equal(
    toCsv([{ a: 1, b: "x,y" }, { a: NaN, b: 'q"' }], ["a", "b"]),
    'a,b\n1,"x,y"\n,"q"""\n',
  );
});
