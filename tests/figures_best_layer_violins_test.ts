import assert from "node:assert/strict";
import { bestLayerViolins, violinShapes } from "../lib/figures/best_layer_violins.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { markElements, panelCount, smallAnalysis } from "./helpers/small_analysis.ts";

const document = createDocument();
const analysis = await smallAnalysis();
const { models, concepts } = analysis.sweep;

Deno.test("violinShapes: one outline per model and strength, dodged, widest at the peak", () => {
  const { outlines, quartiles } = violinShapes(analysis.bestSamples, models, concepts);
  const ids = new Set(outlines.map((p) => p.id));
  assert.equal(ids.size, models.length * concepts.length * 3);
  assert.equal(quartiles.length, ids.size * 3);
  assert.equal(quartiles.filter((q) => q.median).length, ids.size);
  const slot = 0.8 / 3;
  for (const concept of concepts) {
    const widths = outlines.filter((p) => p.concept === concept).map((p) => p.right - p.left);
    assert.ok(Math.abs(Math.max(...widths) - slot * 0.96) < 1e-12);
  }
  // model 0, strength -1 is centred at -slot; model 1, strength +1 at 1 + slot
  const centre = (id: string) => {
    const p = outlines.find((o) => o.id === id)!;
    return (p.left + p.right) / 2;
  };
  assert.ok(Math.abs(centre(`alpha/4B/-1`) + slot) < 1e-12);
  assert.ok(Math.abs(centre(`alpha/30B-A3B/1`) - (1 + slot)) < 1e-12);
});

Deno.test("violins end at the data range (cut = 0)", () => {
  const { outlines } = violinShapes(analysis.bestSamples, models, concepts);
  const values = analysis.bestSamples
    .filter((s) => s.model === "4B" && s.concept === "alpha" && s.strength === 1)
    .map((s) => s.logit_diff_matching);
  const ys = outlines.filter((p) => p.id === "alpha/4B/1").map((p) => p.value);
  assert.equal(Math.min(...ys), Math.min(...values));
  assert.equal(Math.max(...ys), Math.max(...values));
});

Deno.test("bestLayerViolins: a panel per concept, an area per violin, the strength legend", () => {
  const fig = bestLayerViolins(analysis.bestSamples, { document, models, concepts });
  assert.equal(panelCount(fig), concepts.length);
  assert.equal(markElements(fig, "area").length, models.length * concepts.length * 3);
  const legend = Array.from(fig.querySelectorAll(".sweep-legend text")).map((t) => t.textContent);
  assert.deepEqual(legend, ["Strength", "\u22121.0", "0.0", "+1.0"]);
  const ticks = Array.from(fig.querySelectorAll('g[aria-label="x-axis tick label"] text')).map((
    t,
  ) => t.textContent);
  assert.deepEqual(ticks.slice(0, 2), models);
});
