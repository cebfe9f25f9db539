/**
 * Hostile report on issue 9, defect 4: a decimal that overflows a double (`1e400`, 200,000 nines)
 * is not silently read as an infinity (then written as missing): it is a not-a-number error at
 * its line and column, in a message of bounded length. Only the inf spellings are infinities.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { floatInRange, parseFloatCell } from "../lib/sweep/cells.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

Deno.test("defect 4: overflowing decimals are no numbers; inf spellings and 1.7e308 still are", () => {
  for (const cell of ["1e400", "-1e400", "9".repeat(400), "+1E309"]) {
    assert.equal(parseFloatCell(cell), undefined, cell);
    assert.equal(floatInRange(`x,${cell},y`, 2, 2 + cell.length), undefined, cell);
  }
  assert.equal(parseFloatCell("inf"), Infinity);
  assert.equal(parseFloatCell("-Infinity"), -Infinity);
  assert.equal(floatInRange("1.7e308", 0, 7), 1.7e308);
});

for (const cell of ["1e400", "9".repeat(200_000)]) {
  Deno.test(`defect 4: a ${cell.length}-character overflowing cell stops the load at line:column`, () =>
    withTempSweep(async (dir) => {
      const path = join(dir, "alpha", "Qwen_Qwen3_4B", "per_sample_all_layers.csv");
      const lines = (await Deno.readTextFile(path)).split("\n");
      const at = lines[0].split(",").indexOf("logit_diff_matching");
      const cells = lines[5].split(",");
      const column = at + 1; // columns are counted in fields
      cells[at] = cell;
      lines[5] = cells.join(",");
      await Deno.writeTextFile(path, lines.join("\n"));
      await assert.rejects(loadSweep(dir), (e: unknown) => {
        assert.ok(e instanceof SweepDataError);
        assert.ok(e.message.startsWith(`${path}:6:${column} `), e.message.slice(0, 300));
        assert.match(e.message, /not a number/);
        assert.ok(e.message.length < 400, `${e.message.length} characters`);
        return true;
      });
    }));
}
