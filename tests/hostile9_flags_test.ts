/**
 * Hostile report on issue 9, flags: defect 11 (`--layer-counts 4B=36,4B=40` was accepted, last
 * wins) is a usage error, consistent with other flag mistakes.
 */
import assert from "node:assert/strict";
import { parseLayerCounts, parseRenderArgs, UsageError } from "../cli/args.ts";

Deno.test("defect 11: a model given twice in --layer-counts is a usage error naming it", () => {
  for (const value of ["4B=36,4B=40", "4B=36, 4B =36", "constructor=3,constructor=4"]) {
    assert.throws(() => parseLayerCounts(value), (e: unknown) => {
      assert.ok(e instanceof UsageError, String(e));
      assert.match(e.message, /gives ".+" twice/);
      return true;
    });
  }
  assert.throws(() => parseRenderArgs(["--layer-counts", "4B=36,4B=40"]), UsageError);
  assert.deepEqual(parseLayerCounts("4B=36,8B=36,constructor=2"), {
    "4B": 36,
    "8B": 36,
    constructor: 2,
  });
});
