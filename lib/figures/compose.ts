/**
 * Putting a figure together: title, subtitle, legends and one or more Plot charts in a
 * `<figure>`, which the notebook shows as it is and the export flattens into one SVG.
 * @module
 */
import { FONT_FAMILY } from "./theme.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** The parts of a figure. */
export interface FigureParts {
  title: string;
  subtitle?: string;
  /** Legends, shown side by side above the charts. */
  legends?: Element[];
  /** Charts (Plot SVGs), stacked top to bottom. */
  charts: Element[];
}

/**
 * A `<figure>` with an `<h2>` title, an optional `<h3>` subtitle, a row of legends and the charts.
 *
 * @example
 * ```ts
 * const fig = composeFigure(document, { title: "Delta by layer", charts: [Plot.plot({ document, marks })] });
 * fig.querySelector("h2")?.textContent; // "Delta by layer"
 * ```
 */
export function composeFigure(document: Document, parts: FigureParts): HTMLElement {
  const figure = document.createElement("figure");
  figure.setAttribute("class", "sweep-figure");
  figure.setAttribute("style", `margin: 0; font-family: ${FONT_FAMILY}; background: white;`);
  const heading = (tag: string, text: string) => {
    const el = document.createElement(tag);
    el.textContent = text;
    figure.append(el);
  };
  heading("h2", parts.title);
  if (parts.subtitle) heading("h3", parts.subtitle);
  if (parts.legends?.length) {
    const row = document.createElement("div");
    row.setAttribute("class", "sweep-legends");
    row.setAttribute("style", "display: flex; gap: 24px; flex-wrap: wrap;");
    row.append(...parts.legends);
    figure.append(row);
  }
  figure.append(...parts.charts);
  return figure;
}

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

/** Approximate width of a text in the figure font (DejaVu Sans averages 0.6 em). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/**
 * A categorical legend as one SVG: its label, then a swatch and a name per item.
 *
 * @example
 * ```ts
 * swatchLegend(document, "Model", [{ label: "4B", color: "#1f77b4", shape: "line" }]);
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
