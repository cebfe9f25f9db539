/** One rule for non-finite numbers in every output: NaN and ±Infinity are a missing value. */
import assert from "node:assert/strict";
import { formatCell } from "../lib/util/csv.ts";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { dataSteps, fileName, fileText } from "../lib/pipeline/files.ts";
import { computeResults } from "../lib/pipeline/results.ts";
import { loadTempSweep } from "./helpers/temp_sweep.ts";

const results = computeResults(await loadTempSweep(), { resamples: 20 });
const base = results.analysis;
const poisonedAnalysis = {
  ...base,
  effectSizes: base.effectSizes.map((r, i) => ({
    ...r,
    cohens_d: [Infinity, -Infinity][i] ?? NaN,
  })),
  shallowVsDeep: base.shallowVsDeep.map((r) => ({ ...r, ratio: Infinity })),
  modelAvgEffect: base.modelAvgEffect.map(([m]): [string, number] => [m, -Infinity]),
};
const poisoned = {
  ...results,
  analysis: poisonedAnalysis,
  robustness: results.robustness.map((r) => ({ ...r, t: Infinity, p: NaN, d_z: -Infinity })),
};

Deno.test("formatCell writes every non-finite number as an empty cell", () => {
  for (const x of [NaN, Infinity, -Infinity]) assert.equal(formatCell(x), "");
  assert.equal(formatCell(1e308), "1e+308");
});

Deno.test("no output writes Infinity or NaN: JSON has null, CSV an empty cell", () => {
  const steps = dataSteps(PIPELINE);
  for (const step of steps) {
    assert.doesNotMatch(fileText(step, poisoned), /Infinity|NaN|\binf\b/i, fileName(step));
  }
  const build = (name: string) => fileText(steps.find((s) => fileName(s) === name)!, poisoned);
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
