/**
 * A figure as the notebook shows it: a PNG of its standalone SVG (title, subtitle and legends
 * drawn in), at the SVG's size.
 *
 * Figures go out as PNG, not SVG: Jupyter Notebook and JupyterLab do not render an untrusted
 * notebook's `image/svg+xml` (every freshly cloned notebook is untrusted), and Debian's
 * nbconvert 6.5 empties inline SVG in its HTML export; a PNG shows everywhere, code hosts
 * included.
 * @module
 */
import { svgToPng } from "../export/png.ts";
import { standaloneSvg, svgSize } from "../export/svg.ts";
import { display, type DisplayData, pngDisplay } from "../display/jupyter.ts";

/** Pixels per CSS pixel of the notebook's figure PNGs (1: the fastest to render, the smallest file). */
export const FIGURE_DENSITY = 1;

/**
 * A figure as a display output: a PNG at `density` pixels per CSS pixel, its title as text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plotChart } from "../figures/chart.ts";
 * import { composeFigure } from "../figures/compose.ts";
 * import { createDocument } from "../figures/dom.ts";
 * const document = createDocument();
 * const chart = plotChart(document, { marks: [Plot.dot([1])] });
 * const { data } = await figureDisplay(composeFigure(document, { title: "Delta", charts: [chart] }));
 * assert.deepEqual(Object.keys(data).sort(), ["image/png", "text/plain"]); // PNG, no SVG
 * assert.equal(data["text/plain"], "[figure: Delta]");
 * ```
 */
export async function figureDisplay(
  figure: Element,
  density = FIGURE_DENSITY,
): Promise<DisplayData> {
  const title = figure.querySelector?.("h2")?.textContent ?? "figure";
  const svg = standaloneSvg(figure);
  return pngDisplay(await svgToPng(svg, density), svgSize(svg), title);
}

/**
 * Shows a figure in the notebook (see {@link figureDisplay}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "../figures/dom.ts";
 * const document = createDocument();
 * const svg = document.createElement("svg");
 * svg.setAttribute("width", "10");
 * svg.setAttribute("height", "10");
 * const printed: unknown[] = [];
 * const log = console.log;
 * console.log = (text: unknown) => printed.push(text);
 * try {
 *   await displayFigure(svg);
 * } finally {
 *   console.log = log;
 * }
 * assert.deepEqual(printed, ["[figure: figure]"]); // outside a notebook: its text
 * ```
 */
export async function displayFigure(figure: Element): Promise<void> {
  const { data, metadata } = await figureDisplay(figure);
  await display(data, metadata);
}
