/**
 * Flattening Plot's own `<figure>` (title, subtitle, caption, swatch and ramp legends, hover
 * titles) into one standalone SVG, and rasterizing it: nothing of it is lost on the way to PNG.
 */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg, svgSize } from "../lib/export/svg.ts";
import { theme } from "../lib/figures/kit.ts";
import { type DecodedPng, decodePng } from "./helpers/png.ts";

const ROWS = ["alpha", "beta", "gamma"].flatMap((group, g) =>
  [0, 1, 2, 3].map((x) => ({ group, x, y: x * (g + 1) }))
);

/** A Plot figure with every part Plot puts around the chart. */
function fullFigure(): Element {
  return Plot.plot({
    ...theme({ height: 220 }),
    title: "The title",
    subtitle: "The subtitle",
    caption: "The caption",
    color: { legend: true, domain: ["alpha", "beta", "gamma"] },
    marks: [
      Plot.dot(ROWS, { x: "x", y: "y", fill: "group", title: (d) => `${d.group}: ${d.y}` }),
    ],
  }) as unknown as Element;
}

/** The `<text>` elements of the flattened SVG's own layer (not inside a chart): their text and
 * where they are drawn. */
function topTexts(svg: string): { text: string; x: number; y: number; size: number }[] {
  const out = [];
  let depth = 0;
  for (const m of svg.matchAll(/<(\/?)(svg|text)\b([^>]*)>([^<]*)/g)) {
    const [, close, tag, attrs, text] = m;
    if (tag === "svg") depth += close ? -1 : attrs.endsWith("/") ? 0 : 1;
    else if (!close && depth === 1) {
      const num = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(attrs)![1]);
      out.push({ text, x: num("x"), y: num("y"), size: num("font-size") });
    }
  }
  return out;
}

/** Pixels in a box of the PNG (in SVG units, at `scale`) that are not white. */
function inked(
  png: DecodedPng,
  box: { x1: number; y1: number; x2: number; y2: number },
  scale = 2,
) {
  let n = 0;
  for (let y = Math.floor(box.y1 * scale); y < Math.ceil(box.y2 * scale); y++) {
    for (let x = Math.floor(box.x1 * scale); x < Math.ceil(box.x2 * scale); x++) {
      const i = 4 * (y * png.width + x);
      if (png.rgba[i] < 250 || png.rgba[i + 1] < 250 || png.rgba[i + 2] < 250) n++;
    }
  }
  return n;
}

/** Whether a colour appears (within 2 per channel) in a box of the PNG. */
function hasColor(png: DecodedPng, box: { x: number; y: number; size: number }, hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let y = box.y * 2; y < (box.y + box.size) * 2; y++) {
    for (let x = box.x * 2; x < (box.x + box.size) * 2; x++) {
      const i = 4 * (Math.round(y) * png.width + Math.round(x));
      const d = Math.max(...[r, g, b].map((c, k) => Math.abs(png.rgba[i + k] - c)));
      if (d <= 2) return true;
    }
  }
  return false;
}

Deno.test("a Plot figure keeps its title, subtitle, caption and swatch labels as SVG text", () => {
  const svg = standaloneSvg(fullFigure());
  const texts = topTexts(svg).map((t) => t.text);
  assert.deepEqual(texts, ["The title", "The subtitle", "alpha", "beta", "gamma", "The caption"]);
  // the caption comes after the chart, the legend before it
  const at = (s: string) => svg.indexOf(`>${s}</text>`),
    chart = svg.indexOf('viewBox="0 0 940 220"');
  assert.ok(at("gamma") < chart && chart < at("The caption"));
  // each swatch is drawn, in its colour, left of its label
  const swatches = [...svg.matchAll(/<svg x="([\d.]+)" y="([\d.]+)" fill="(#\w+)" height="15"/g)];
  assert.equal(swatches.length, 3);
});

Deno.test("the rasterized Plot figure shows its title, subtitle, legend and caption", () => {
  const svg = standaloneSvg(fullFigure());
  const png = decodePng(rasterize(svg));
  const { width, height } = svgSize(svg);
  assert.deepEqual([png.width, png.height], [width * 2, height * 2]);
  for (const t of topTexts(svg)) {
    const box = { x1: t.x, y1: t.y - t.size, x2: t.x + t.text.length * t.size * 0.6, y2: t.y };
    assert.ok(inked(png, box) > 10 * t.text.length, `"${t.text}" is drawn`);
  }
  const swatches = [...svg.matchAll(/<svg x="([\d.]+)" y="([\d.]+)" fill="(#\w+)" height="15"/g)];
  for (const [, x, y, color] of swatches) {
    assert.ok(hasColor(png, { x: Number(x) + 2, y: Number(y) + 2, size: 11 }, color), color);
  }
  // the rows of text around the chart hold nothing but their texts: the margins stay white
  assert.equal(inked(png, { x1: 0, y1: 0, x2: width, y2: 8 }), 0);
});

Deno.test("Plot's ramp legend (a continuous colour scale) is kept and drawn", () => {
  const figure = Plot.plot({
    ...theme({ height: 120 }),
    color: { type: "diverging", scheme: "BuRd", pivot: 0, legend: true, label: "Mean" },
    marks: [Plot.cell([-2, -1, 0, 1, 2], { x: (d) => d, fill: (d) => d })],
  }) as unknown as Element;
  const svg = standaloneSvg(figure);
  const RAMP =
    /<svg overflow="visible" x="([\d.]+)" y="([\d.]+)"[^>]*height="(\d+)" width="(\d+)"[^>]*-ramp"/;
  const ramp = RAMP.exec(svg); // unclipped, as Plot's CSS draws it: its end labels stick out
  assert.ok(ramp, "the ramp legend is a nested SVG");
  assert.match(svg, /<image [^>]*href="data:image\/png;base64,/);
  assert.match(svg, />Mean<\/text>/);
  const png = decodePng(rasterize(svg));
  const [x, y, h, w] = ramp.slice(1).map(Number);
  // the colour ramp (18 px below the legend's top, 10 px high): blue on the left, red on the right
  const pixel = (px: number) => {
    const at = 4 * ((y + 23) * 2 * png.width + px * 2);
    return png.rgba.slice(at, at + 3);
  };
  const [left, right] = [pixel(x + 5), pixel(x + w - 5)];
  assert.ok(left[2] > left[0] + 50, `blue at the left: ${left}`);
  assert.ok(right[0] > right[2] + 50, `red at the right: ${right}`);
  // the end labels (-2 and 2) are drawn whole: ink past the ramp's right end
  assert.ok(inked(png, { x1: x + w, y1: y + 28, x2: x + w + 6, y2: y + h }) > 0);
  assert.ok(inked(png, { x1: x, y1: y, x2: x + w, y2: y + h }) > 1000);
});

Deno.test("a swatch legend wider than the chart wraps to the chart's width", () => {
  const domain = Array.from({ length: 30 }, (_, i) => `category ${i}`);
  const figure = Plot.plot({
    ...theme({ width: 400, height: 100 }),
    color: { legend: true, domain },
    marks: [Plot.dot(domain, { x: (_, i) => i, fill: (d) => d })],
  }) as unknown as Element;
  const svg = standaloneSvg(figure);
  assert.equal(svgSize(svg).width, 400 + 24);
  const labels = topTexts(svg).filter((t) => t.text.startsWith("category"));
  assert.equal(labels.length, 30);
  assert.ok(new Set(labels.map((t) => t.y)).size > 3, "several rows");
  assert.ok(labels.every((t) => t.x + t.text.length * t.size * 0.6 <= 412 + 1));
});

Deno.test("a swatch legend in columns lists one swatch and label per line", () => {
  const figure = Plot.plot({
    ...theme({ height: 100 }),
    color: { legend: true, columns: "1", domain: ["a", "b"] } as Plot.ScaleOptions,
    marks: [Plot.dot(["a", "b"], { x: (_, i) => i, fill: (d) => d })],
  }) as unknown as Element;
  const labels = topTexts(standaloneSvg(figure));
  assert.deepEqual(labels.map((t) => t.text), ["a", "b"]);
  assert.equal(labels[0].x, labels[1].x);
  assert.ok(labels[1].y > labels[0].y);
});

Deno.test("a long subtitle of a Plot figure wraps to its width; the export fits 980 px", () => {
  const figure = Plot.plot({
    ...theme({ height: 100 }),
    subtitle: "word ".repeat(200).trim(),
    marks: [Plot.dotX([1, 2])],
  }) as unknown as Element;
  const svg = standaloneSvg(figure);
  assert.equal(svgSize(svg).width, 940 + 24);
  assert.ok(topTexts(svg).length > 2);
});

Deno.test("hover text: the flattening keeps each mark's native <title>", () => {
  const svg = standaloneSvg(fullFigure());
  const titles = [...svg.matchAll(/<circle[^>]*><title>([^<]*)<\/title><\/circle>/g)].map((m) =>
    m[1]
  );
  assert.deepEqual(titles.sort(), ROWS.map((d) => `${d.group}: ${d.y}`).sort());
});
