/**
 * Legends: categorical swatches drawn as one SVG, and Plot's colour ramps for continuous scales.
 * @module
 */
import defer * as Plot from "@observablehq/plot";
import { FONT_FAMILY, textWidth } from "./theme.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** One swatch of a legend: a filled square, or a line (optionally dashed) for line charts. */
export interface SwatchItem {
  label: string;
  color: string;
  /** "rect" (default) or "line". */
  shape?: "rect" | "line";
  /** SVG stroke-dasharray of a line swatch. */
  dash?: string;
  /** Stroke width of a line swatch (default 2). */
  strokeWidth?: number;
  /** Fill opacity of a rect swatch (default 1). */
  opacity?: number;
}

/**
 * A categorical legend as one SVG: its label, then a swatch and a name per item.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "./dom.ts";
 * const items: SwatchItem[] = [{ label: "4B", color: "#1f77b4", shape: "line" }];
 * const legend = swatchLegend(createDocument(), "Model", items);
 * const texts = Array.from(legend.querySelectorAll("text"), (t) => t.textContent);
 * assert.deepEqual(texts, ["Model", "4B"]);
 * ```
 */
export function swatchLegend(document: Document, label: string, items: SwatchItem[]): Element {
  const svg = document.createElementNS(SVG_NS, "svg");
  const fontSize = 11;
  const add = (parent: Element, tag: string, attrs: Record<string, string | number>) => {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    parent.append(el);
    return el;
  };
  let x = 0;
  const labelText = add(svg, "text", { x, y: 14, "font-weight": "bold" });
  labelText.textContent = label;
  x += textWidth(label, fontSize) + 12;
  for (const item of items) {
    if (item.shape === "line") {
      add(svg, "line", {
        x1: x,
        x2: x + 22,
        y1: 10,
        y2: 10,
        stroke: item.color,
        "stroke-width": item.strokeWidth ?? 2,
        ...(item.dash ? { "stroke-dasharray": item.dash } : {}),
      });
      x += 28;
    } else {
      add(svg, "rect", {
        x,
        y: 3,
        width: 14,
        height: 14,
        fill: item.color,
        "fill-opacity": item.opacity ?? 1,
      });
      x += 19;
    }
    add(svg, "text", { x, y: 14 }).textContent = item.label;
    x += textWidth(item.label, fontSize) + 14;
  }
  const width = Math.ceil(x);
  for (const [k, v] of Object.entries({ width, height: 20, viewBox: `0 0 ${width} 20` })) {
    svg.setAttribute(k, String(v));
  }
  svg.setAttribute("font-size", String(fontSize));
  svg.setAttribute("font-family", FONT_FAMILY);
  svg.setAttribute("class", "sweep-legend");
  return svg;
}

/** Options of {@link rampLegend}. */
export interface RampLegendOptions {
  /** Width of the ramp, in pixels (default 320). */
  width?: number;
}

/**
 * A colour-ramp legend for a continuous colour scale (drawn on a canvas by Plot).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type * as Plot from "@observablehq/plot";
 * import { createDocument } from "./dom.ts";
 * const color: Plot.ScaleOptions = { type: "diverging", scheme: "BuRd", domain: [-1, 1] };
 * const legend = rampLegend(createDocument(), color, { width: 300 });
 * assert.equal(legend.tagName.toLowerCase(), "svg");
 * ```
 */
export function rampLegend(
  document: Document,
  color: Plot.ScaleOptions,
  options: RampLegendOptions = {},
): Element {
  const legend = { document, color, width: options.width ?? 320 };
  return Plot.legend(legend as unknown as Parameters<typeof Plot.legend>[0]) as unknown as Element;
}
