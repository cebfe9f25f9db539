/**
 * Showing tables and figures in a notebook on the Deno kernel (and as text elsewhere).
 *
 * Figures go out as PNG, not SVG: Jupyter Notebook and JupyterLab do not render an untrusted
 * notebook's `image/svg+xml` (every freshly cloned notebook is untrusted), and Debian's nbconvert
 * 6.5 empties inline SVG in its HTML export; a PNG shows everywhere, code hosts included.
 * @module
 */
import { Buffer } from "node:buffer";
import { svgToPng } from "../export/png.ts";
import { standaloneSvg, svgSize } from "../export/svg.ts";
import type { MimeBundle } from "./table.ts";

/** Pixels per CSS pixel of the notebook's figure PNGs (1: the fastest to render, the smallest file). */
export const FIGURE_DENSITY = 1;

/** A display output: the MIME bundle and, per type, its metadata (an image's display size). */
export interface DisplayData {
  data: MimeBundle;
  metadata: Record<string, Record<string, number>>;
}

/**
 * A figure as a display output: a PNG of its standalone SVG (title, subtitle and legends
 * included) at `density` pixels per CSS pixel, shown at the SVG's size, and its title as text.
 *
 * @example
 * ```ts
 * const { data, metadata } = await figureDisplay(figure);
 * Object.keys(data); // ["image/png", "text/plain"]
 * metadata["image/png"]; // { width: 860, height: 520 }
 * ```
 */
export async function figureDisplay(
  figure: Element,
  density = FIGURE_DENSITY,
): Promise<DisplayData> {
  const title = figure.querySelector?.("h2")?.textContent ?? "figure";
  const svg = standaloneSvg(figure);
  const png = await svgToPng(svg, density);
  return {
    data: { "image/png": Buffer.from(png).toString("base64"), "text/plain": `[figure: ${title}]` },
    metadata: { "image/png": svgSize(svg) },
  };
}

interface JupyterApi {
  broadcast(type: string, content: Record<string, unknown>): Promise<void>;
}

/**
 * Shows a MIME bundle: in the Deno kernel as a display output (with `metadata`), elsewhere as
 * its text.
 *
 * @example
 * ```ts
 * await display(tableBundle(rows));
 * ```
 */
export async function display(
  bundle: MimeBundle,
  metadata: DisplayData["metadata"] = {},
): Promise<void> {
  const jupyter = jupyterApi();
  if (jupyter) {
    await jupyter.broadcast("display_data", { data: bundle, metadata, transient: {} });
  } else console.log(bundle["text/plain"] ?? "");
}

/**
 * Shows a figure (see {@link figureDisplay}).
 *
 * @example
 * ```ts
 * await displayFigure(layerDeltaCurves(summaries, options));
 * ```
 */
export async function displayFigure(figure: Element): Promise<void> {
  const { data, metadata } = await figureDisplay(figure);
  await display(data, metadata);
}

/** `Deno.jupyter` inside the Deno kernel; undefined elsewhere (where reading it throws). */
function jupyterApi(): JupyterApi | undefined {
  try {
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}
