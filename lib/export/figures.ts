/**
 * Exporting figures: each built, flattened to a standalone SVG and rasterized to PNG (2x).
 * @module
 */
import { createDocument } from "../figures/dom.ts";
import type { OutputFile } from "./atomic.ts";
import { type PngPool, pngPool } from "./png_pool.ts";
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

/** Options of {@link exportFigures}. */
export interface ExportOptions {
  /** Called as each figure's PNG is ready. */
  onFigure?: (timing: FigureTiming) => void;
  /** The PNG workers to use (default: a pool of its own, closed when done). */
  pool?: PngPool;
}

/**
 * Builds every figure as `<name>.svg` and `<name>.png` files. SVGs are built one after another
 * on this thread, each handed to the PNG workers as soon as it is built, so the PNGs rasterize
 * while the next SVGs are built. `onFigure` is called as each PNG is done.
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
  options: ExportOptions = {},
): Promise<OutputFile[]> {
  const pool = options.pool ?? pngPool();
  try {
    const document = createDocument();
    const built = figures.map((figure) => {
      let t0 = performance.now();
      const svg = standaloneSvg(figure.build(document));
      const svgMs = performance.now() - t0;
      t0 = performance.now();
      const png = pool.render(svg).then((png) => {
        options.onFigure?.({ name: figure.name, svgMs, pngMs: performance.now() - t0 });
        return png;
      });
      png.catch(() => {}); // awaited below; handled here too, should a later build throw
      return { name: figure.name, svg, png };
    });
    const pngs = await Promise.all(built.map((figure) => figure.png));
    return built.flatMap(({ name, svg }, i) => [
      { name: `${name}.svg`, content: svg },
      { name: `${name}.png`, content: pngs[i] },
    ]);
  } finally {
    if (!options.pool) pool.close();
  }
}
