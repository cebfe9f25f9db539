import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import { heatmapColor, heatmapGrid, strengthHeatmap } from "../lib/figures/heatmaps.ts";
import { markElements, smallAnalysis } from "./helpers/small_analysis.ts";

const document = createDocument();
const analysis = await smallAnalysis();
const { models, concepts } = analysis.sweep;

Deno.test("heatmapColor is diverging, centred at 0 and symmetric", () => {
  const color = heatmapColor([
    { model: "m", concept: "c", layer: 1, strength: 1, mean_logit_diff: 3 },
    { model: "m", concept: "c", layer: 1, strength: -1, mean_logit_diff: -1 },
  ]);
  assert.equal(color.type, "diverging");
  assert.equal(color.pivot, 0);
  assert.deepEqual(color.domain, [-3, 3]);
  assert.equal(color.scheme, "BuRd");
});

Deno.test("heatmapGrid: a row of concept panels per model, one cell per layer and strength", () => {
  const fig = heatmapGrid(analysis.heatmapMeans, { document, models, concepts });
  const charts = Array.from(fig.children).filter((c) =>
    c.tagName.toLowerCase() === "svg" && !c.querySelector("image")
  );
  assert.equal(charts.length, models.length);
  assert.equal(markElements(fig, "bar").length, analysis.heatmapMeans.length);
  assert.ok(fig.querySelector("svg image"), "colour ramp legend");
  const yLabels = Array.from(fig.querySelectorAll('g[aria-label="y-axis label"] text')).map((t) =>
    t.textContent
  );
  assert.deepEqual(yLabels, models.map((m) => `${m} · Layer`));
});

Deno.test("strengthHeatmap shows one model and concept", () => {
  const fig = strengthHeatmap(analysis.heatmapMeans, {
    document,
    models: ["4B"],
    concepts: ["beta"],
  });
  assert.equal(fig.querySelector("h2")?.textContent, "4B - Beta");
  const own = analysis.heatmapMeans.filter((c) => c.model === "4B" && c.concept === "beta");
  assert.equal(markElements(fig, "bar").length, own.length);
});
