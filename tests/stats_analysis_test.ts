import assert from "node:assert/strict";
import { analyse, analysisSummary } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { assertJsonClose, REFERENCE } from "./helpers/golden.ts";
import { loadTempSweep } from "./helpers/temp_sweep.ts";

const DATA = new URL("../results/logit_diff_sweep", import.meta.url).pathname;

Deno.test("analysis_summary on the default data equals the pandas reference within 1e-9", async () => {
  const summary = analysisSummary(analyse(await loadSweep(DATA)));
  const reference = JSON.parse(
    await Deno.readTextFile(new URL("analysis_summary.json", REFERENCE)),
  );
  const { missing_pairs, ...original } = summary;
  assert.deepEqual(missing_pairs, []);
  assertJsonClose(JSON.parse(JSON.stringify(original)), reference);
});

Deno.test("a missing pair is left out of records and averages and listed", async () => {
  const sweep = await loadTempSweep(
    undefined,
    (dir) => Deno.remove(`${dir}/beta/Qwen_Qwen3_30B_A3B`, { recursive: true }),
  );
  const analysis = analyse(sweep);
  const summary = analysisSummary(analysis);
  assert.deepEqual(summary.missing_pairs, [{ model: "30B-A3B", concept: "beta" }]);
  assert.equal(summary.best_layers.length, 3);
  assert.equal(summary.effect_sizes.length, 3);
  const alpha30 = summary.effect_sizes.find((r) => r.model === "30B-A3B")!;
  assert.equal(summary.model_avg_effect["30B-A3B"], alpha30.cohens_d);
  assert.ok(Number.isNaN(analysis.cohensDPivot.cells[1][1]));
});
