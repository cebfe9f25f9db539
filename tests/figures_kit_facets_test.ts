/** The kit's facet scales: concept and model panels in the sweep's order, titled. */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg } from "../lib/export/svg.ts";
import { conceptFacet, modelFacet, theme } from "../lib/figures/kit.ts";
import { decodePng } from "./helpers/png.ts";

const CONCEPTS = ["sycophancy", "corrigible", "self_awareness"]; // not sorted
const MODELS = ["4B", "14B", "32B"]; // sorted as strings: 14B, 32B, 4B

const ROWS = MODELS.flatMap((model) =>
  CONCEPTS.map((concept, i) => ({ model, concept, x: i, y: model.length }))
);

function axisTexts(chart: Element, label: string): (string | null)[] {
  return Array.from(
    chart.querySelectorAll(`g[aria-label="${label}"] text`),
    (t) => t.textContent,
  );
}

Deno.test("conceptFacet: panels in the given order, titled, with no axis label", () => {
  const chart = Plot.plot({
    ...theme({ height: 160 }),
    fx: conceptFacet(CONCEPTS),
    marks: [Plot.dot(ROWS, { fx: "concept", x: "x", y: "y" })],
  }) as unknown as Element;
  assert.deepEqual(axisTexts(chart, "fx-axis tick label"), [
    "Sycophancy",
    "Corrigible",
    "Self Awareness",
  ]);
  assert.equal(chart.querySelectorAll('g[aria-label="fx-axis label"]').length, 0);
});

Deno.test("conceptFacet as fy and modelFacet as fx: a models x concepts grid in order", () => {
  const chart = Plot.plot({
    ...theme({ height: 400, marginRight: 100 }),
    fx: modelFacet(MODELS),
    fy: conceptFacet(CONCEPTS),
    marks: [Plot.dot(ROWS, { fx: "model", fy: "concept", x: "x", y: "y" })],
  }) as unknown as Element;
  assert.deepEqual(axisTexts(chart, "fx-axis tick label"), MODELS);
  assert.deepEqual(axisTexts(chart, "fy-axis tick label"), [
    "Sycophancy",
    "Corrigible",
    "Self Awareness",
  ]);
  const svg = standaloneSvg(chart);
  const png = decodePng(rasterize(svg, 1));
  assert.ok(png.rgba.some((v) => v < 128), "drawn");
});

Deno.test("extra options override the facet's", () => {
  assert.equal(conceptFacet(["a"], { axis: "bottom" }).axis, "bottom");
  assert.equal(modelFacet(["4B"], { label: "Model" }).label, "Model");
});
