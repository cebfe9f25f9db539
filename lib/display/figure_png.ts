/**
 * A figure as the notebook shows it: a PNG of its standalone SVG (title, subtitle and legends
 * drawn in) at 1 pixel per CSS pixel, shown at the SVG's own size.
 * @module
 */
import { svgToPng, svgToPngOffThread } from "../export/png.ts";
import { svgSize } from "../export/svg.ts";
import { display, pngDisplay } from "./jupyter.ts";

export { svgToPng, svgToPngOffThread };

/**
 * Shows a figure's PNG (in Jupyter; elsewhere its text line), at the size of its SVG.
 *
 * @example
 * ```ts
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * await displayPng(await svgToPng(svg, 1), svg, "empty"); // prints "[figure: empty]" outside Jupyter
 * ```
 */
export async function displayPng(png: Uint8Array, svg: string, name: string): Promise<void> {
  const { data, metadata } = pngDisplay(png, svgSize(svg), name);
  await display(data, metadata);
}

/** Pixels per CSS pixel of the figures shown in the notebook (the saved PNGs have 2). */
export const SHOWN_DENSITY = 1;
