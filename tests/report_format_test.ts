import assert from "node:assert/strict";
import { numpyList, percent, percentRange, pyFixed, rule, signed } from "../lib/report/format.ts";

Deno.test("pyFixed rounds exact ties to even, as Python's format", () => {
  assert.equal(pyFixed(62.5, 0), "62");
  assert.equal(pyFixed(63.5, 0), "64");
  assert.equal(pyFixed(0.125, 2), "0.12");
  assert.equal(pyFixed(-0.125, 2), "-0.12");
  assert.equal(pyFixed(0.375, 2), "0.38");
  assert.equal(pyFixed(2.675, 2), "2.67"); // below the tie in binary
  assert.equal(pyFixed(1.005, 2), "1.00");
  assert.equal(pyFixed(10.256413, 2), "10.26");
  assert.equal(pyFixed(NaN, 2), "nan");
});

Deno.test("signed, percent, rule and numpyList format as the original prints", () => {
  assert.equal(signed(1.4842), "+1.48");
  assert.equal(signed(-0.5, 1), "-0.5");
  assert.equal(signed(0), "+0.00");
  assert.equal(percent(0.625), "62%");
  assert.equal(percent(0.5833), "58%");
  assert.equal(percent(NaN), "");
  assert.equal(percentRange([0.47, 0.78, 0.5]), "47-78%");
  assert.equal(percentRange([0.5, 0.5]), "50%");
  assert.equal(rule(3), "===");
  assert.equal(numpyList(["4B", "8B"]), "['4B' '8B']");
});
