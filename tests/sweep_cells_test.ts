import assert from "node:assert/strict";
import { floatInRange, intInRange, parseFloatCell, parseIntCell } from "../lib/sweep/cells.ts";

Deno.test("parseFloatCell reads numbers, NaN and inf spellings as pandas does", () => {
  assert.equal(parseFloatCell("-1.0"), -1);
  assert.equal(parseFloatCell("1e-3"), 0.001);
  assert.equal(parseFloatCell(".5"), 0.5);
  assert.ok(Number.isNaN(parseFloatCell("")));
  assert.ok(Number.isNaN(parseFloatCell("NaN")));
  assert.equal(parseFloatCell("-inf"), -Infinity);
  assert.equal(parseFloatCell("abc"), undefined);
  assert.equal(parseFloatCell("0x10"), undefined);
});

Deno.test("parseIntCell takes whole numbers only", () => {
  assert.equal(parseIntCell("13"), 13);
  assert.equal(parseIntCell("-2"), -2);
  assert.equal(parseIntCell("1.5"), undefined);
  assert.equal(parseIntCell(""), undefined);
  assert.equal(parseIntCell("99999999999"), undefined);
});

Deno.test("intInRange reads digits in place and falls back for anything else", () => {
  assert.equal(intInRange("a,-42,b", 2, 5), -42);
  assert.equal(intInRange("7", 0, 1), 7);
  assert.equal(intInRange(" 7", 0, 2), 7);
  assert.equal(intInRange("1.5", 0, 3), undefined);
  assert.equal(intInRange("-", 0, 1), undefined);
  assert.equal(intInRange("99999999999", 0, 11), undefined);
});

Deno.test("floatInRange agrees with parseFloatCell", () => {
  for (
    const cell of [
      "0.25",
      "-5.9965667724609375",
      "1e-3",
      "-.5",
      "0",
      "0.0",
      "",
      "NaN",
      "inf",
      "0x10",
      "1.2.3",
      "-",
      ".",
      " 3",
      "abc",
      "-Infinity",
    ]
  ) {
    const a = floatInRange(`,${cell},`, 1, 1 + cell.length), b = parseFloatCell(cell);
    assert.ok(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${cell}: ${a} vs ${b}`);
  }
});
