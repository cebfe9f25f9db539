import assert from "node:assert/strict";
import { numberRange, pyFixed } from "../lib/util/format.ts";

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

Deno.test("pyFixed agrees with Python's format on exact ties and near-ties", () => {
  // Python 3: f"{0.25:.1f}", f"{0.35:.1f}", f"{-2.5:.0f}", f"{1e-7:.1f}", f"{0.5:.0f}", f"{1.5:.0f}"
  assert.equal(pyFixed(0.25, 1), "0.2");
  assert.equal(pyFixed(0.35, 1), "0.3"); // 0.35 is below the tie in binary
  assert.equal(pyFixed(-2.5, 0), "-2");
  assert.equal(pyFixed(1e-7, 1), "0.0");
  assert.equal(pyFixed(0.5, 0), "0");
  assert.equal(pyFixed(1.5, 0), "2");
  assert.equal(pyFixed(Infinity, 2), "inf");
});

Deno.test("numberRange gives lo-hi, or one number when all are equal", () => {
  assert.equal(numberRange([40, 64, 36]), "36-64");
  assert.equal(numberRange([48]), "48");
  assert.equal(numberRange([36, 36]), "36");
  assert.equal(numberRange([36, 64], "\u2013"), "36\u201364");
});
