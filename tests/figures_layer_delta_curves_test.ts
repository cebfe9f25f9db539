import assert from "node:assert/strict";
import { createDocument } from "../lib/figures/dom.ts";
import {
  layerCurvesChart,
  layerDeltaCurves,
  modelLineLegend,
} from "../lib/figures/layer_delta_curves.ts";
import { markElements, panelCount, smallAnalysis } from "./helpers/small_analysis.ts";

const document = createDocument();
const analysis = await smallAnalysis();
const { models, concepts, layerCounts } = analysis.sweep;

Deno.test("layerDeltaCurves: one panel per concept, one line per model, titled", () => {
  const fig = layerDeltaCurves(analysis.layerSummaries, { document, models, concepts });
  assert.equal(fig.querySelector("h2")?.textContent, "Steering Effect (Delta) by Layer");
  assert.equal(panelCount(fig), concepts.length);
  const lines = markElements(fig, "line");
  assert.equal(lines.length, models.length * concepts.length);
  const dots = markElements(fig, "dot");
  assert.equal(dots.length, analysis.layerSummaries.length);
  const legendNames = Array.from(fig.querySelectorAll(".sweep-legend text")).map((t) =>
    t.textContent
  );
  assert.deepEqual(legendNames, ["Model", ...models]);
});

Deno.test("the normalized variant plots layer / layer count", () => {
  const fig = layerDeltaCurves(analysis.layerSummaries, {
    document,
    models,
    concepts,
    x: "layer_frac",
  });
  assert.equal(
    fig.querySelector("h2")?.textContent,
    "Steering Effect by Normalized Layer Position",
  );
  const labels = Array.from(fig.querySelectorAll('g[aria-label="x-axis label"] text')).map((t) =>
    t.textContent
  );
  assert.deepEqual(labels, ["Normalized Layer Position"]);
});

Deno.test("the deep models given are dashed and the legend says the depth", () => {
  const chart = layerCurvesChart(analysis.layerSummaries, {
    document,
    models,
    concepts,
    layerCounts: { ...layerCounts, "30B-A3B": 64 },
    deep: ["30B-A3B"],
  });
  const dashed = Array.from(chart.querySelectorAll('g[aria-label="line"] > g'))
    .filter((g) => g.getAttribute("stroke-dasharray") === "6,3");
  assert.equal(dashed.length, concepts.length);
  assert.ok(dashed.every((g) => g.children.length === 1));
  const legend = modelLineLegend(document, models, { "4B": 36, "30B-A3B": 64 }, ["30B-A3B"]);
  assert.deepEqual(Array.from(legend.querySelectorAll("text")).map((t) => t.textContent), [
    "Model",
    "4B (36L)",
    "30B-A3B (64L)",
  ]);
  assert.equal(legend.querySelectorAll("line[stroke-dasharray]").length, 1);
});

Deno.test("figures 1 and 2 draw every model solid, as their legend, even given deep models", () => {
  const fig = layerDeltaCurves(analysis.layerSummaries, {
    document,
    models,
    concepts,
    layerCounts: { ...layerCounts, "30B-A3B": 64 },
    deep: ["30B-A3B"],
  });
  assert.equal(fig.querySelectorAll('g[aria-label="line"] [stroke-dasharray]').length, 0);
  assert.equal(fig.querySelectorAll(".sweep-legend line[stroke-dasharray]").length, 0);
});

Deno.test("a concept missing a model says so in its panel", async () => {
  const partial = await smallAnalysis(undefined, [["beta", "Qwen_Qwen3_30B_A3B"]]);
  const fig = layerDeltaCurves(partial.layerSummaries, {
    document,
    models,
    concepts,
    missing: partial.missingPairs,
  });
  const notes = Array.from(fig.querySelectorAll('g[aria-label="text"] text')).map((t) =>
    t.textContent
  );
  assert.deepEqual(notes, ["no data: 30B-A3B"]);
  assert.equal(markElements(fig, "line").length, 3);
});
