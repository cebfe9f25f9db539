/**
 * Exporting figures: each built, flattened to a standalone SVG and rasterized to PNG (2x).
 * @module
 */
import type { Analysis } from "../stats/analysis.ts";
import { createDocument } from "../figures/dom.ts";
import { FIGURES, type FigureSpec } from "../figures/registry.ts";
import type { OutputFile } from "./atomic.ts";
import { svgToPng } from "./png.ts";
import { standaloneSvg } from "./svg.ts";

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
 * const files = await exportFigures(analysis, { onFigure: (t) => console.log(t.name) });
 * files.length; // 18
 * ```
 */
export async function exportFigures(
  analysis: Analysis,
  options: { figures?: readonly FigureSpec[]; onFigure?: (timing: FigureTiming) => void } = {},
): Promise<OutputFile[]> {
  const document = createDocument();
  const figures = options.figures ?? FIGURES;
  const svgs = figures.map((figure) => {
    const t0 = performance.now();
    const svg = standaloneSvg(figure.build(analysis, document));
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
