import assert from "node:assert/strict";
import { baselineDistributions } from "../lib/figures/baseline_distributions.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { markElements, panelCount, smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("baselineDistributions: a box per model in each concept panel, a rule at 0", async () => {
  const analysis = await smallAnalysis(undefined, [["beta", "Qwen_Qwen3_4B"]]);
  const { models, concepts } = analysis.sweep;
  const fig = baselineDistributions(analysis.bestSamples, {
    document: createDocument(),
    models,
    concepts,
    missing: analysis.missingPairs,
  });
  assert.equal(fig.querySelector("h2")?.textContent, "Model's Natural Disposition (No Steering)");
  assert.equal(panelCount(fig), 2);
  assert.equal(markElements(fig, "bar").length, 3); // 4B lacks beta
  const rules = Array.from(fig.querySelectorAll('g[aria-label="rule"] > g'));
  assert.ok(rules.some((g) => g.getAttribute("stroke") === "red"));
  const notes = markElements(fig, "text").map((t) => t.textContent);
  assert.deepEqual(notes, ["no data: 4B"]);
});
