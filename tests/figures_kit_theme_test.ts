/** The kit's `theme`: the base options of every figure cell, checked on real Plot figures. */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";
import { conceptFacet, FIGURE_WIDTH, modelColor, theme } from "../lib/figures/kit.ts";
import { decodePng } from "./helpers/png.ts";

const ROWS = ["4B", "8B"].flatMap((model, m) =>
  ["corrigible", "sycophancy"].flatMap((concept) =>
    Array.from({ length: 10 }, (_, layer) => ({ model, concept, layer, delta: (layer - 4) * m }))
  )
);

function curves(options: Plot.PlotOptions = {}): Element {
  return Plot.plot({
    ...theme(options),
    fx: conceptFacet(["corrigible", "sycophancy"]),
    color: modelColor(["4B", "8B"]),
    marks: [Plot.lineY(ROWS, { fx: "concept", x: "layer", y: "delta", stroke: "model" })],
  }) as unknown as Element;
}

Deno.test("theme gives a fresh document, the figure font, white, margins, 940 px and no grid", () => {
  const a = theme(), b = theme();
  assert.notEqual(a.document, b.document);
  assert.equal(typeof a.document?.createElement, "function");
  assert.deepEqual(
    [a.width, a.grid, a.marginTop, a.marginRight, a.marginBottom, a.marginLeft],
    [FIGURE_WIDTH, false, 40, 24, 42, 56],
  );
  assert.equal(FIGURE_WIDTH, 940);
  assert.deepEqual(a.style, {
    fontFamily: "DejaVu Sans, sans-serif",
    fontSize: "12px",
    background: "white",
    overflow: "visible",
  });
});

Deno.test("options given to theme override its own; a style (object or CSS text) is merged", () => {
  const options = theme({ width: 600, grid: true, marginLeft: 80, height: 300 });
  assert.deepEqual([options.width, options.grid, options.marginLeft, options.height], [
    600,
    true,
    80,
    300,
  ]);
  assert.deepEqual(theme({ style: { fontSize: "14px" } }).style, {
    fontFamily: "DejaVu Sans, sans-serif",
    fontSize: "14px",
    background: "white",
    overflow: "visible",
  });
  assert.deepEqual(theme({ style: "color: red; font-size: 14px" }).style, {
    fontFamily: "DejaVu Sans, sans-serif",
    fontSize: "14px",
    background: "white",
    overflow: "visible",
    color: "red",
  });
  const chart = Plot.plot({ ...theme({ style: "color: red" }), marks: [Plot.dotX([1])] });
  assert.match(chart.getAttribute("style") ?? "", /font-size:12px.*color:red/);
  const margins = theme({ margin: 10 });
  assert.deepEqual([margins.margin, margins.marginTop, margins.marginLeft], [
    10,
    undefined,
    undefined,
  ]);
});

Deno.test("a themed facetted figure carries the font on its plot and fits a 980 px column", () => {
  const figure = curves();
  const plot = Array.from(figure.querySelectorAll("svg")).find((s) => s.hasAttribute("viewBox"))!;
  assert.equal(plot.getAttribute("width"), "940");
  assert.match(plot.getAttribute("style")!, /font-family:DejaVu Sans, sans-serif;font-size:12px/);
  const svg = standaloneSvg(figure);
  const { width, height } = svgSize(svg);
  assert.ok(width <= 980, `${width} px wide`);
  const png = decodePng(rasterize(svg));
  assert.deepEqual([png.width, png.height], [width * 2, height * 2]);
});

Deno.test("drawn unclipped (overflow visible), the figure rasterizes to the same picture", () => {
  const svg = standaloneSvg(curves());
  assert.match(svg, /overflow:visible/);
  const open = decodePng(rasterize(svg, 1));
  const clipped = decodePng(rasterize(svg.replaceAll("overflow:visible", ""), 1));
  let largest = 0;
  for (let i = 0; i < open.rgba.length; i++) {
    largest = Math.max(largest, Math.abs(open.rgba[i] - clipped.rgba[i]));
  }
  assert.ok(largest <= 8, `largest difference of a channel: ${largest}`); // antialiasing only
});

Deno.test("the grid is off unless asked for", () => {
  const gridLines = (options: Plot.PlotOptions) =>
    (Plot.plot({ ...theme(options), marks: [Plot.dotX([1, 2])] }) as unknown as Element)
      .querySelectorAll('g[aria-label="x-grid"]').length;
  assert.equal(gridLines({}), 0);
  assert.equal(gridLines({ grid: true }), 1);
});
