import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { createDocument } from "../lib/figures/dom.ts";
import { stack } from "../lib/figures/stack.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";

const document = createDocument();

Deno.test("standaloneSvg puts title, subtitle and charts in one sized SVG", () => {
  const chart = Plot.plot({
    document,
    width: 400,
    height: 200,
    marks: [Plot.dot([1, 2])],
  }) as unknown as Element;
  const svg = standaloneSvg(stack({ title: "A & B < C", subtitle: "Sub" }, chart));
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, />A &amp; B &lt; C<\/text>/);
  assert.match(svg, />Sub<\/text>/);
  assert.match(svg, /<svg x="12" y="\d+"[^>]*width="400"/);
  const { width, height } = svgSize(svg);
  assert.equal(width, 400 + 24);
  // title 26 + subtitle 20 + chart 200 + 2 gaps of 4 + margins 24
  assert.equal(height, 26 + 20 + 200 + 8 + 24);
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
