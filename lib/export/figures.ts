/**
 * Exporting figures: each built, flattened to a standalone SVG and rasterized to PNG (2x).
 * @module
 */
import { createDocument } from "../figures/dom.ts";
import type { OutputFile } from "./atomic.ts";
import { svgToPng } from "./png.ts";
import { standaloneSvg } from "./svg.ts";

/** A figure to export: its file name (without extension) and how to draw it. */
export interface FigureSpec {
  name: string;
  build: (document: Document) => Element;
}

/** How long one figure took: building its SVG, and rasterizing it (in parallel with others). */
export interface FigureTiming {
  name: string;
  svgMs: number;
  /** Time from the start of rasterizing to this PNG being ready (PNGs rasterize in parallel). */
  pngMs: number;
}

/**
 * Builds every figure as `<name>.svg` and `<name>.png` files. SVGs are built one after another
 * on the main thread; the PNGs rasterize in parallel. `onFigure` is called as each PNG is done.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const blank = (document: Document) => {
 *   const svg = document.createElement("svg");
 *   svg.setAttribute("width", "10");
 *   svg.setAttribute("height", "10");
 *   return svg;
 * };
 * const files = await exportFigures([{ name: "blank", build: blank }]);
 * assert.deepEqual(files.map((f) => f.name), ["blank.svg", "blank.png"]); // SVG, then PNG
 * ```
 */
export async function exportFigures(
  figures: readonly FigureSpec[],
  options: { onFigure?: (timing: FigureTiming) => void } = {},
): Promise<OutputFile[]> {
  const document = createDocument();
  const svgs = figures.map((figure) => {
    const t0 = performance.now();
    const svg = standaloneSvg(figure.build(document));
    return { figure, svg, svgMs: performance.now() - t0 };
  });
  const t0 = performance.now();
  const pngs = await Promise.all(svgs.map(async ({ figure, svg, svgMs }) => {
    const png = await svgToPng(svg);
    options.onFigure?.({ name: figure.name, svgMs, pngMs: performance.now() - t0 });
    return png;
  }));
  return svgs.flatMap(({ figure, svg }, i) => [
    { name: `${figure.name}.svg`, content: svg },
    { name: `${figure.name}.png`, content: pngs[i] },
  ]);
}
