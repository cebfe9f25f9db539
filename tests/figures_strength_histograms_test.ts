import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { strengthBins, strengthHistograms } from "../lib/figures/strength_histograms.ts";
import { markElements, panelCount, smallAnalysis } from "./helpers/small_analysis.ts";

const analysis = await smallAnalysis();
const { models, concepts } = analysis.sweep;

Deno.test("strengthBins: 30 bins per model, concept and strength, each of area 1", () => {
  const bins = strengthBins(analysis.bestSamples);
  assert.equal(bins.length, 30 * models.length * concepts.length * 3);
  const one = bins.filter((b) => b.model === "4B" && b.concept === "alpha" && b.strength === 0);
  const area = one.reduce((a, b) => a + b.density * (b.x2 - b.x1), 0);
  assert.ok(Math.abs(area - 1) < 1e-12);
});

Deno.test("strengthHistograms: models x concepts panels, overlaid (not stacked) bars", () => {
  const fig = strengthHistograms(analysis.bestSamples, {
    document: createDocument(),
    models,
    concepts,
    bins: 10,
  });
  assert.equal(panelCount(fig), models.length * concepts.length);
  const bars = markElements(fig, "rect");
  assert.equal(bars.length, 10 * models.length * concepts.length * 3);
  const baseline = new Set(
    bars.map((b) => Number(b.getAttribute("y")) + Number(b.getAttribute("height"))),
  );
  assert.ok(baseline.size <= models.length, "every bar starts at 0 in its row");
});
