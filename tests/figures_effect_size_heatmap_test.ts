import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { effectColor, effectSizeHeatmap } from "../lib/figures/effect_size_heatmap.ts";
import { markElements, smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("effectColor is RdYlGn centred at 0, symmetric", () => {
  const color = effectColor([
    { model: "m", concept: "c", mean_positive: 0, mean_negative: 0, delta: 0, cohens_d: -0.5 },
    { model: "m", concept: "d", mean_positive: 0, mean_negative: 0, delta: 0, cohens_d: 1.5 },
  ]);
  assert.deepEqual([color.scheme, color.pivot, color.domain], ["RdYlGn", 0, [-1.5, 1.5]]);
});

Deno.test("effectSizeHeatmap annotates each cell with 2 decimals and marks missing pairs", async () => {
  const analysis = await smallAnalysis(undefined, [["alpha", "Qwen_Qwen3_4B"]]);
  const { models, concepts } = analysis.sweep;
  const fig = effectSizeHeatmap(analysis.effectSizes, {
    document: createDocument(),
    models,
    concepts,
    missing: analysis.missingPairs,
  });
  assert.equal(markElements(fig, "cell").length, 3);
  // The text itself, without the hover <title> inside the element.
  const texts = markElements(fig, "text").map((t) =>
    Array.from(t.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join("")
  );
  assert.deepEqual(texts.slice(0, 3), analysis.effectSizes.map((r) => r.cohens_d.toFixed(2)));
  assert.equal(texts[3], "no data");
});
