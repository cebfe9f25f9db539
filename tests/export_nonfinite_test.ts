/** One rule for non-finite numbers in every output: NaN and ±Infinity are a missing value. */
import assert from "node:assert/strict";
import { analyse } from "../lib/stats/analysis.ts";
import { robustness } from "../lib/stats/robustness.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import { formatCell } from "../lib/util/csv.ts";
import { TABLE_OUTPUTS } from "../lib/export/json.ts";
import { tempSweep } from "./helpers/temp_sweep.ts";

const dir = await tempSweep();
const base = analyse(await loadSweep(dir));
await Deno.remove(dir, { recursive: true });
base.robustness = robustness(base.sweep, base.bestLayers, { resamples: 20 });
const poisoned = {
  ...base,
  effectSizes: base.effectSizes.map((r, i) => ({
    ...r,
    cohens_d: [Infinity, -Infinity][i] ?? NaN,
  })),
  shallowVsDeep: base.shallowVsDeep.map((r) => ({ ...r, ratio: Infinity })),
  modelAvgEffect: base.modelAvgEffect.map(([m]): [string, number] => [m, -Infinity]),
  robustness: base.robustness.map((r) => ({ ...r, t: Infinity, p: NaN, d_z: -Infinity })),
};

Deno.test("formatCell writes every non-finite number as an empty cell", () => {
  for (const x of [NaN, Infinity, -Infinity]) assert.equal(formatCell(x), "");
  assert.equal(formatCell(1e308), "1e+308");
});

Deno.test("no output writes Infinity or NaN: JSON has null, CSV an empty cell", () => {
  for (const output of TABLE_OUTPUTS) {
    const text = output.build(poisoned);
    assert.doesNotMatch(text, /Infinity|NaN|\binf\b/i, output.name);
  }
  const build = (name: string) => TABLE_OUTPUTS.find((o) => o.name === name)!.build(poisoned);
  const summary = JSON.parse(build("analysis_summary.json"));
  assert.equal(summary.effect_sizes[0].cohens_d, null);
  assert.equal(summary.effect_sizes[1].cohens_d, null);
  assert.ok(Object.values(summary.model_avg_effect).every((v) => v === null));
  const records = JSON.parse(build("robustness.json"));
  assert.ok(records.every((r: { t: unknown; d_z: unknown }) => r.t === null && r.d_z === null));
  const effects = build("effect_sizes.csv").split("\n");
  assert.ok(effects[1].endsWith(","), effects[1]);
  assert.ok(effects[2].endsWith(","), effects[2]);
  const ratioColumn = build("shallow_vs_deep.csv").split("\n")[0].split(",").indexOf("ratio");
  for (const line of build("shallow_vs_deep.csv").trim().split("\n").slice(1)) {
    assert.equal(line.split(",")[ratioColumn], "", line);
  }
});
