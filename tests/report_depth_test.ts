import assert from "node:assert/strict";
import { analyse } from "../lib/stats/analysis.ts";
import { loadSweep } from "../lib/sweep/load.ts";
import {
  architectureReport,
  bestLayerPositionReport,
  hardestToSteer,
} from "../lib/report/depth.ts";
import { smallAnalysis } from "./helpers/small_analysis.ts";

const DATA = new URL("../results/logit_diff_sweep", import.meta.url).pathname;
const analysis = analyse(await loadSweep(DATA));
const STDOUT = await Deno.readTextFile(new URL("fixtures/reference/stdout.txt", import.meta.url));

Deno.test("architectureReport reproduces the original's shallow vs deep block", () => {
  const report = architectureReport(analysis);
  const from = (text: string) =>
    text.slice(text.indexOf("  4B: 36 layers"), text.indexOf("Ratio:                 1.4x"));
  assert.equal(from(report), from(STDOUT));
});

Deno.test("the depth labels come from the data: another sweep says other things", async () => {
  const small = await smallAnalysis();
  const report = architectureReport(small);
  assert.match(report, /30B-A3B: 48 layers \(DEEP\)/);
  assert.match(report, /Shallow \(36L\) vs Deep \(48L\)/);
  assert.match(report, /Shallow \(4B only\): +[\d.]+/);
  assert.match(hardestToSteer(small), /^Lowest average best delta across concepts: (4B|30B-A3B)/);
});

Deno.test("bestLayerPositionReport computes the pattern instead of asserting it", () => {
  const report = bestLayerPositionReport(analysis);
  assert.match(report, /^\s+14B\s+40\s+50%\s+62%\s+62%$/m); // 25/40 rounds to even, as Python
  assert.match(report, /4B, 8B, 14B \(shallow\): +best layers at 47-78% of depth \(median 58%\)/);
  assert.match(report, /32B \(deep\): +best layers at 69-80% of depth \(median 77%\)/);
  assert.match(report, /The ranges overlap/);
  assert.match(
    hardestToSteer(analysis),
    /best delta across concepts: 32B \(2\.96; 64 layers, deep\)/,
  );
});

Deno.test("a model of unknown depth is said to be so, not counted as shallow", () => {
  const { "8B": _, ...layerCounts } = analysis.sweep.layerCounts;
  const groups = { ...analysis.groups, shallow: analysis.groups.shallow.filter((m) => m !== "8B") };
  const partial = { ...analysis, sweep: { ...analysis.sweep, layerCounts }, groups };
  assert.match(architectureReport(partial), /^ {2}8B: layers unknown \(depth unknown\)$/m);
  const report = bestLayerPositionReport(partial);
  assert.match(report, /^ {2}4B, 14B \(shallow\): +best layers at/m);
  assert.match(report, /^ {2}8B: depth unknown, left out of the shallow\/deep pattern\.$/m);
});
