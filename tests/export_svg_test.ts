import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { composeFigure } from "../lib/figures/compose.ts";
import { swatchLegend } from "../lib/figures/legends.ts";
import { createDocument } from "../lib/figures/dom.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";

const document = createDocument();

Deno.test("standaloneSvg puts title, subtitle, legend and chart in one sized SVG", () => {
  const chart = Plot.plot({
    document,
    width: 400,
    height: 200,
    marks: [Plot.dot([1, 2])],
  }) as unknown as Element;
  const legend = swatchLegend(document, "Model", [{ label: "4B", color: "red" }]);
  const fig = composeFigure(document, {
    title: "A & B < C",
    subtitle: "Sub",
    legends: [legend],
    charts: [chart],
  });
  const svg = standaloneSvg(fig);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, />A &amp; B &lt; C<\/text>/);
  assert.match(svg, />Sub<\/text>/);
  assert.match(svg, /<svg x="12" y="\d+"[^>]*width="400"/);
  const { width, height } = svgSize(svg);
  assert.equal(width, 400 + 24);
  // title 26 + subtitle 20 + legend 20 + chart 200 + 3 gaps of 4 + margins 24
  assert.equal(height, 26 + 20 + 20 + 200 + 12 + 24);
});

Deno.test("standaloneSvg wraps a bare Plot SVG", () => {
  const chart = Plot.plot({
    document,
    width: 300,
    height: 100,
    marks: [Plot.dot([1])],
  }) as unknown as Element;
  assert.deepEqual(svgSize(standaloneSvg(chart)), { width: 324, height: 124 });
});
