/**
 * Exporting figures: each built, flattened to a standalone SVG and handed to the PNG workers to
 * rasterize (2x) while the next is built.
 * @module
 */
import type { OutputFile } from "./atomic.ts";
import type { PngPool } from "./png_pool.ts";
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
  /** Time from handing the SVG to the PNG workers to its PNG being ready (queueing included). */
  pngMs: number;
}

/** A figure handed to the PNG workers: its SVG, and its PNG once rasterized. */
export interface ExportedFigure {
  name: string;
  svg: string;
  png: Promise<Uint8Array>;
}

/**
 * Builds one figure's standalone SVG on this thread and hands it to the PNG workers at once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createDocument } from "../figures/dom.ts";
 * import { pngPool } from "./png_pool.ts";
 * using pool = pngPool(1);
 * const blank = (document: Document) => {
 *   const svg = document.createElement("svg");
 *   svg.setAttribute("width", "10");
 *   svg.setAttribute("height", "10");
 *   return svg;
 * };
 * const figure = exportFigure({ name: "blank", build: blank }, createDocument(), pool);
 * assert.ok(figure.svg.startsWith("<svg")); // ready now
 * assert.equal((await figure.png).length > 0, true); // ready once rasterized
 * ```
 */
export function exportFigure(
  figure: FigureSpec,
  document: Document,
  pool: PngPool,
  onFigure?: (timing: FigureTiming) => void,
): ExportedFigure {
  let t0 = performance.now();
  const svg = standaloneSvg(figure.build(document));
  const svgMs = performance.now() - t0;
  t0 = performance.now();
  const png = pool.render(svg).then((png) => {
    onFigure?.({ name: figure.name, svgMs, pngMs: performance.now() - t0 });
    return png;
  });
  png.catch(() => {}); // awaited by figureOutputs; handled here too, should a later build throw
  return { name: figure.name, svg, png };
}

/**
 * The files of exported figures, once every PNG is ready: `<name>.svg` then `<name>.png`, in
 * the order given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const figure = { name: "f", svg: "<svg/>", png: Promise.resolve(new Uint8Array([1])) };
 * const files = await figureOutputs([figure]);
 * assert.deepEqual(files.map((f) => f.name), ["f.svg", "f.png"]);
 * ```
 */
export async function figureOutputs(figures: readonly ExportedFigure[]): Promise<OutputFile[]> {
  const pngs = await Promise.all(figures.map((figure) => figure.png));
  return figures.flatMap(({ name, svg }, i) => [
    { name: `${name}.svg`, content: svg },
    { name: `${name}.png`, content: pngs[i] },
  ]);
}
