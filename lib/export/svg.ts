/**
 * Flattening a figure (a `<figure>` of headings, legends and Plot SVGs, possibly nested) into one
 * standalone SVG document, so the exported file carries its title, subtitle and legends: the
 * builders' figures (`compose.ts`) and Plot's own (`title`, `subtitle`, `caption`, swatch and
 * ramp legends). The charts are copied as they are, hover `<title>`s included.
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

/** Greedy word wrap of a text to lines of at most `maxWidth` (estimated) pixels. */
function wrapText(text: string, size: number, maxWidth: number): string[] {
  if (textWidth(text, size) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** A text, wrapped to `maxWidth`, a `<text>` per line. */
function textBlock(text: string, size: number, attrs: string, maxWidth = Infinity): Block {
  const lines = wrapText(text, size, maxWidth);
  const height = Math.round(size * 1.5);
  const more = attrs ? ` ${attrs}` : "";
  return {
    width: Math.max(0, ...lines.map((line) => textWidth(line, size))),
    height: height * lines.length,
    render: (x, y) =>
      lines.map((line, i) =>
        `<text x="${x}" y="${y + i * height + size * 1.1}" font-size="${size}"${more}>` +
        `${escapeXml(line)}</text>`
      ).join(""),
  };
}

/** A Plot SVG placed at x, y; `visible`: drawn unclipped (`overflow="visible"`). */
function svgBlock(el: Element, visible = false): Block {
  const width = Number(el.getAttribute("width") ?? 0);
  const height = Number(el.getAttribute("height") ?? 0);
  const markup = el.outerHTML;
  const open = `<svg${visible ? ' overflow="visible"' : ""}`;
  return {
    width,
    height,
    render: (x, y) => markup.replace(/^<svg\b/, `${open} x="${x}" y="${y}"`),
  };
}

/** Blocks side by side, aligned at their tops or centred vertically. */
function row(blocks: Block[], gap: number, align: "top" | "center" = "top"): Block {
  const height = Math.max(0, ...blocks.map((b) => b.height));
  return {
    width: blocks.reduce((w, b) => w + b.width, 0) + gap * Math.max(0, blocks.length - 1),
    height,
    render: (x, y) => {
      let cx = x;
      return blocks.map((b) => {
        const out = b.render(cx, align === "center" ? y + (height - b.height) / 2 : y);
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

/** Blocks in rows of at most `maxWidth` (each row as wide as fits; a block wider starts one). */
function wrapped(blocks: Block[], gap: number, maxWidth: number): Block {
  const rows: Block[][] = [];
  let width = Infinity;
  for (const b of blocks) {
    if (width + gap + b.width > maxWidth) {
      rows.push([b]);
      width = b.width;
    } else {
      rows[rows.length - 1].push(b);
      width += gap + b.width;
    }
  }
  return column(rows.map((r) => row(r, gap, "center")), 2);
}

/** The same block with room below it. */
function padded(block: Block, bottom: number): Block {
  return { ...block, height: block.height + bottom };
}

/** Plot's swatch legend (`color: { legend: true }` on an ordinal scale): an HTML `<div>` of
 * swatches, each an `<svg>` and its label, as text nodes (wrapping layout) or `<div>`s
 * (`columns`). Drawn at the font size of its inline style (Plot's CSS: 10 px). */
function swatchesBlock(el: Element, maxWidth: number): Block {
  const size = Number(/font-size:\s*([\d.]+)px/.exec(el.getAttribute("style") ?? "")?.[1] ?? 10);
  const items = Array.from(el.children)
    .filter((item) => item.tagName.toLowerCase() !== "style")
    .map((item) => {
      const parts = Array.from(item.childNodes).flatMap((node): Block[] => {
        if ((node as Element).tagName?.toLowerCase() === "svg") return [svgBlock(node as Element)];
        const text = node.textContent?.trim();
        return text ? [textBlock(text, size, "")] : [];
      });
      return row(parts, size / 2, "center");
    });
  const columns = /-swatches-columns\b/.test(el.getAttribute("class") ?? "");
  return padded(columns ? column(items, 1) : wrapped(items, size, maxWidth), size / 2);
}

/** An element's block: `maxWidth` wraps headings and swatches; `plot`: inside Plot's own
 * figure, whose ramp legends are drawn unclipped as Plot's CSS has them (their end labels stick
 * out). */
function layout(el: Element, maxWidth = Infinity, plot = false): Block | undefined {
  const tag = el.tagName.toLowerCase();
  const cls = el.getAttribute("class") ?? "";
  if (tag === "svg") return svgBlock(el, plot && /-ramp(\s|$)/.test(cls));
  if (tag === "h2") return textBlock(el.textContent ?? "", 17, 'font-weight="bold"', maxWidth);
  if (tag === "h3") return textBlock(el.textContent ?? "", 13, 'fill="#444"', maxWidth);
  if (tag === "figcaption") return textBlock(el.textContent ?? "", 11, 'fill="#444"', maxWidth);
  if (tag === "style") return undefined;
  if (/-swatches(\s|$)/.test(cls)) return swatchesBlock(el, maxWidth);
  const children = Array.from(el.children);
  const blocks = (width: number, inPlot: boolean) =>
    children.map((c) => layout(c, width, inPlot)).filter((b): b is Block => !!b);
  if (tag !== "figure") return row(blocks(Infinity, plot), 24);
  // Plot's own figure: headings and legends wrap to its widest chart. The builders' figures
  // (`compose.ts`) keep their headings on one line, as their snapshots have them.
  if (cls === "sweep-figure") return column(blocks(Infinity, false), GAP);
  const charts = children.filter((c) => c.tagName.toLowerCase() === "svg");
  return column(
    blocks(Math.max(0, ...charts.map((c) => svgBlock(c).width)) || Infinity, true),
    GAP,
  );
}

/**
 * One standalone SVG document (with `xmlns`, white background, margins) for a figure element or
 * a bare Plot SVG. In Plot's own `<figure>`, the title (h2), subtitle (h3) and caption
 * (figcaption) become SVG text wrapped to the widest chart, and a swatch legend (HTML) becomes
 * its swatches and labels, wrapped alike.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { createDocument } from "../figures/dom.ts";
 * import { stack } from "../figures/stack.ts";
 * const document = createDocument();
 * const chart = Plot.plot({ document, marks: [Plot.dotX([1, 2])] });
 * const svg = standaloneSvg(stack({ title: "Delta" }, chart));
 * assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
 * assert.ok(svg.includes(">Delta</text>")); // the HTML title, drawn as SVG text
 * const plot = Plot.plot({
 *   document,
 *   caption: "Two groups",
 *   color: { legend: true },
 *   marks: [Plot.dotX(["a", "b"], { x: (_, i) => i, fill: (d) => d })],
 * }) as unknown as Element;
 * const flat = standaloneSvg(plot);
 * assert.ok([">a</text>", ">b</text>", ">Two groups</text>"].every((t) => flat.includes(t)));
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
