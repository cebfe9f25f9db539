import assert from "node:assert/strict";
import { median } from "./helpers/notebook_bench.ts";

Deno.test("median of the bench's runs: middle value, or the mean of the two middle ones", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([2.85]), 2.85);
});
