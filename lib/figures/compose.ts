/**
 * Putting a figure together: title, subtitle, legends and one or more Plot charts in a
 * `<figure>`, which the notebook shows as it is and the export flattens into one SVG. The legends
 * are in `legends.ts`.
 * @module
 */
import { FONT_FAMILY } from "./theme.ts";

/** The parts of a figure. */
export interface FigureParts {
  title: string;
  subtitle?: string;
  /** Legends, shown side by side above the charts. */
  legends?: Element[];
  /** Further rows of legends, each side by side, below `legends` (when one row would be too
   * wide). */
  legendRows?: Element[][];
  /** Charts (Plot SVGs), stacked top to bottom. */
  charts: Element[];
}

/**
 * A `<figure>` with an `<h2>` title, an optional `<h3>` subtitle, rows of legends and the charts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plotChart } from "./chart.ts";
 * import { createDocument } from "./dom.ts";
 * const document = createDocument();
 * const chart = plotChart(document, { marks: [Plot.dotX([1, 2])] });
 * const fig = composeFigure(document, { title: "Delta by layer", charts: [chart] });
 * assert.equal(fig.querySelector("h2")?.textContent, "Delta by layer");
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
  for (const legends of [parts.legends ?? [], ...(parts.legendRows ?? [])]) {
    if (legends.length === 0) continue;
    const row = document.createElement("div");
    row.setAttribute("class", "sweep-legends");
    row.setAttribute("style", "display: flex; gap: 24px; flex-wrap: wrap;");
    row.append(...legends);
    figure.append(row);
  }
  figure.append(...parts.charts);
  return figure;
}
