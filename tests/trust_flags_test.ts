/**
 * Hostile report on issue 9, flags: defect 11 (`--layer-counts 4B=36,4B=40` was accepted, last
 * wins) is a usage error, consistent with other flag mistakes; the open question (`--models 4B,4b`
 * exited 0 with missing pairs while a --layer-counts typo is an error) is now an error too.
 */
import assert from "node:assert/strict";
import { parseLayerCounts, parseRenderArgs, UsageError } from "../cli/args.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { type LoadOptions, loadSweep } from "../lib/sweep/load.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

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

Deno.test("open question: --models 4B,4b is an error suggesting 4B, as a --layer-counts typo", () =>
  withTempSweep(async (dir) => {
    for (
      const [options, message] of [
        [{ models: ["4B", "4b"] }, /--models: no "4b" in this sweep; did you mean "4B"\?/],
        [{ models: ["30b_a3b"] }, /did you mean "30B-A3B"\?/],
        [{ concepts: ["Alpha"] }, /--concepts: no "Alpha" in this sweep; did you mean "alpha"\?/],
      ] as Array<[LoadOptions, RegExp]>
    ) {
      await assert.rejects(loadSweep(dir, options), (e: unknown) => {
        assert.ok(e instanceof SweepDataError);
        assert.match(e.message, message);
        return true;
      });
    }
    // Another model (not a respelling) is still skipped with a warning, as the original does.
    const sweep = await loadSweep(dir, { models: ["4B", "8B"] });
    assert.deepEqual(sweep.missing.map((p) => p.model), ["8B", "8B"]);
  }));
