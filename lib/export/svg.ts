/**
 * Flattening a figure (a `<figure>` of headings, legends and Plot SVGs, possibly nested) into one
 * standalone SVG document, so the exported file carries its title, subtitle and legends.
 * @module
 */
import { FONT_FAMILY, textWidth } from "../figures/theme.ts";

import { escapeXml } from "../util/text.ts";

const MARGIN = 12;
const GAP = 4;

/** A laid-out block: its size and its SVG markup at a given position. */
interface Block {
  width: number;
  height: number;
  render(x: number, y: number): string;
}

function textBlock(text: string, size: number, attrs: string): Block {
  const height = Math.round(size * 1.5);
  return {
    width: textWidth(text, size),
    height,
    render: (x, y) =>
      `<text x="${x}" y="${y + size * 1.1}" font-size="${size}" ${attrs}>${escapeXml(text)}</text>`,
  };
}

function svgBlock(el: Element): Block {
  const width = Number(el.getAttribute("width") ?? 0);
  const height = Number(el.getAttribute("height") ?? 0);
  const markup = el.outerHTML.replace(/^<svg\b/, "<svg");
  return {
    width,
    height,
    render: (x, y) => markup.replace(/^<svg\b/, `<svg x="${x}" y="${y}"`),
  };
}

function row(blocks: Block[], gap: number): Block {
  return {
    width: blocks.reduce((w, b) => w + b.width, 0) + gap * Math.max(0, blocks.length - 1),
    height: Math.max(0, ...blocks.map((b) => b.height)),
    render: (x, y) => {
      let cx = x;
      return blocks.map((b) => {
        const out = b.render(cx, y);
        cx += b.width + gap;
        return out;
      }).join("");
    },
  };
}

function column(blocks: Block[], gap: number): Block {
  return {
    width: Math.max(0, ...blocks.map((b) => b.width)),
    height: blocks.reduce((h, b) => h + b.height, 0) + gap * Math.max(0, blocks.length - 1),
    render: (x, y) => {
      let cy = y;
      return blocks.map((b) => {
        const out = b.render(x, cy);
        cy += b.height + gap;
        return out;
      }).join("");
    },
  };
}

function layout(el: Element): Block | undefined {
  const tag = el.tagName.toLowerCase();
  if (tag === "svg") return svgBlock(el);
  if (tag === "h2") return textBlock(el.textContent ?? "", 17, 'font-weight="bold"');
  if (tag === "h3") return textBlock(el.textContent ?? "", 13, 'fill="#444"');
  if (tag === "figcaption") return textBlock(el.textContent ?? "", 11, 'fill="#444"');
  if (tag === "style") return undefined;
  const children = Array.from(el.children).map(layout).filter((b): b is Block => !!b);
  if (tag === "figure") return column(children, GAP);
  return row(children, 24);
}

/**
 * One standalone SVG document (with `xmlns`, white background, margins) for a figure element or
 * a bare Plot SVG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plotChart } from "../figures/chart.ts";
 * import { composeFigure } from "../figures/compose.ts";
 * import { createDocument } from "../figures/dom.ts";
 * const document = createDocument();
 * const chart = plotChart(document, { marks: [Plot.dotX([1, 2])] });
 * const svg = standaloneSvg(composeFigure(document, { title: "Delta", charts: [chart] }));
 * assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
 * assert.ok(svg.includes(">Delta</text>")); // the HTML title, drawn as SVG text
 * ```
 */
export function standaloneSvg(el: Element, fontFamily = FONT_FAMILY): string {
  const block = layout(el) ?? column([], 0);
  const width = Math.ceil(block.width + 2 * MARGIN);
  const height = Math.ceil(block.height + 2 * MARGIN);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${fontFamily}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    block.render(MARGIN, MARGIN) + `</svg>\n`;
}

/**
 * Width and height of a standalone SVG, from its root attributes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(svgSize('<svg xmlns="..." width="640" height="400">'), { width: 640, height: 400 });
 * ```
 */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  return { width: attr("width"), height: attr("height") };
}
