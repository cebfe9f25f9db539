/**
 * A figure as the notebook shows it: a PNG of its standalone SVG (title, subtitle and legends
 * drawn in) at 1 pixel per CSS pixel, shown at the SVG's own size.
 * @module
 */
import { svgToPng } from "../export/png.ts";
import { svgSize } from "../export/svg.ts";
import { display, pngDisplay } from "./jupyter.ts";

export { svgToPng };

/** Pixels per CSS pixel of the figures shown in the notebook (the saved PNGs have 2). */
export const SHOWN_DENSITY = 1;

/**
 * Shows a standalone SVG as a PNG display output (in Jupyter; elsewhere its text line).
 *
 * @example
 * ```ts
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * await displayFigure(svg, "empty"); // prints "[figure: empty]" outside Jupyter
 * ```
 */
export async function displayFigure(svg: string, name: string): Promise<void> {
  const { data, metadata } = pngDisplay(await svgToPng(svg, SHOWN_DENSITY), svgSize(svg), name);
  await display(data, metadata);
}
