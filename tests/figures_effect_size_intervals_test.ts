import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { effectSizeIntervals } from "../lib/figures/effect_size_intervals.ts";
import { robustness } from "../lib/stats/robustness_sweep.ts";
import { markElements, panelCount, smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("effectSizeIntervals: two intervals and three estimates per model in each concept panel", async () => {
  const analysis = await smallAnalysis(undefined, [["beta", "Qwen_Qwen3_4B"]]);
  const { models, concepts } = analysis.sweep;
  const records = robustness(analysis.sweep, analysis.bestLayers, { resamples: 50, splits: 10 });
  const fig = effectSizeIntervals(records, {
    document: createDocument(),
    models,
    concepts,
    missing: analysis.missingPairs,
  });
  assert.equal(panelCount(fig), concepts.length);
  const rules = markElements(fig, "rule").filter((r) => r.tagName.toLowerCase() === "line");
  assert.equal(rules.length, 2 * records.length + concepts.length); // intervals + zero lines
  assert.equal(markElements(fig, "dot").length, 3 * records.length);
  const legend = Array.from(fig.querySelectorAll(".sweep-legend text")).map((t) => t.textContent);
  assert.deepEqual(legend, [
    "Estimate",
    "naive maximum, bootstrap interval (descriptive)",
    "held-out layer, 95% t interval",
    "split-half delta (diamonds)",
  ]);
  // Each interval's hover says which it is
  const titles = markElements(fig, "rule").map((r) => r.querySelector("title")?.textContent ?? "");
  assert.equal(
    titles.filter((t) => t.includes("chosen on half the prompts")).length,
    records.length,
  );
  assert.equal(titles.filter((t) => t.includes("layer stability")).length, records.length);
  assert.deepEqual(markElements(fig, "text").map((t) => t.textContent), ["no data: 4B"]);
});
