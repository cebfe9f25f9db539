import assert from "node:assert/strict";
import { numpyList, percent, percentRange, rule, signed } from "../lib/report/format.ts";

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
