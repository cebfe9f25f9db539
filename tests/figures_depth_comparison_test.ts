import assert from "node:assert/strict";
import { depthComparison, depthSubtitle } from "../lib/figures/depth_comparison.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { markElements, smallAnalysis } from "./helpers/small_analysis.ts";

Deno.test("depthSubtitle says which models are shallow and deep, from the layer counts", () => {
  assert.equal(
    depthSubtitle(["4B", "8B", "14B", "32B"], { "4B": 36, "8B": 36, "14B": 40, "32B": 64 }, [
      "32B",
    ]),
    "Solid = shallow (36–40 layers: 4B, 8B, 14B), dashed = deep (64 layers: 32B)",
  );
  assert.equal(
    depthSubtitle(["4B"], { "4B": 36 }, []),
    "Solid = shallow (36 layers: 4B), dashed = deep (none in this sweep)",
  );
});

Deno.test("depthComparison: raw and normalized rows, deep model dashed", async () => {
  const analysis = await smallAnalysis();
  const { models, concepts, layerCounts } = analysis.sweep;
  const fig = depthComparison(analysis.layerSummaries, {
    document: createDocument(),
    models,
    concepts,
    layerCounts,
    deep: analysis.groups.deep,
  });
  const charts = Array.from(fig.children).filter((c) => c.tagName.toLowerCase() === "svg");
  assert.equal(charts.length, 2);
  const xLabels = Array.from(fig.querySelectorAll('g[aria-label="x-axis label"] text')).map((t) =>
    t.textContent
  );
  assert.deepEqual(xLabels, ["Layer", "Normalized Layer Position"]);
  assert.equal(markElements(fig, "line").length, 2 * models.length * concepts.length);
  const dashed = Array.from(
    fig.querySelectorAll('g[aria-label="line"] > g[stroke-dasharray="6,3"]'),
  );
  assert.equal(dashed.length, 2 * concepts.length); // 30B-A3B has 48 layers: deep
  // No visible dots: invisible ones carry each point's hover text.
  const dots = markElements(fig, "dot");
  assert.equal(dots.length, 2 * analysis.layerSummaries.length);
  assert.ok(dots.every((d) => d.closest("[fill-opacity]")?.getAttribute("fill-opacity") === "0"));
});
