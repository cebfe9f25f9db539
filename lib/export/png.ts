/**
 * SVG to PNG with resvg (its binary ships inside the npm package; `skia-canvas` cannot be
 * installed here), with the bundled DejaVu fonts so the text is the same on every machine. The
 * pixels are resvg's; the PNG encoding is `png_encode.ts` (native zlib) when every pixel is
 * opaque, as on the white background here, and resvg's own otherwise.
 * `svgToPng` renders off the main thread; `rasterize` is the synchronous form the PNG workers
 * (`png_pool.ts`) run. Both give the same bytes.
 * @module
 */
import defer * as resvg from "@resvg/resvg-js";
import type { RenderedImage, ResvgRenderOptions } from "@resvg/resvg-js";
import { fontFilesFor } from "./fonts.ts";
import { opaquePng, opaquePngAsync } from "./png_encode.ts";

export { fontFiles } from "./fonts.ts";

/**
 * resvg's options for an SVG: `scale` times its size on white, system fonts off, DejaVu Sans as
 * every family (the subset fonts when they cover the SVG's characters: see `fonts.ts`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const options = renderOptions("<svg/>", 2);
 * assert.deepEqual(options.fitTo, { mode: "zoom", value: 2 });
 * assert.equal(options.font?.loadSystemFonts, false);
 * ```
 */
export function renderOptions(svg: string, scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      fontFiles: fontFilesFor(svg),
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  };
}

/** A rendered image as PNG bytes: see the module's documentation. */
function pngOf(image: RenderedImage): Uint8Array {
  return opaquePng(image.width, image.height, image.pixels) ?? new Uint8Array(image.asPng());
}

/**
 * Rasterizes a standalone SVG to PNG bytes at `scale` times its size (2 by default), on this
 * thread (a PNG worker's form; see {@link svgToPng}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * const png = rasterize(svg);
 * assert.equal(new TextDecoder().decode(png.slice(1, 4)), "PNG");
 * assert.deepEqual(png, await svgToPng(svg)); // the same bytes either way
 * ```
 */
export function rasterize(svg: string, scale = 2): Uint8Array {
  return pngOf(new resvg.Resvg(svg, renderOptions(svg, scale)).render());
}

/**
 * Rasterizes a standalone SVG to PNG bytes at `scale` times its size (2 by default), with system
 * fonts off and DejaVu Sans as every family. The drawing runs off the main thread (the PNG
 * encoding does not: many figures go through `png_pool.ts` instead).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * const png = await svgToPng(svg);
 * assert.equal(new TextDecoder().decode(png.slice(1, 4)), "PNG");
 * const view = new DataView(png.buffer, png.byteOffset);
 * assert.deepEqual([view.getUint32(16), view.getUint32(20)], [40, 20]); // twice the SVG's size
 * ```
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  return pngOf(await resvg.renderAsync(svg, renderOptions(svg, scale)));
}

/**
 * {@link svgToPng} with both the drawing and the encoding off this thread (the same bytes): a
 * figure's saved PNG made while the notebook goes on to its next cell.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * assert.deepEqual(await svgToPngOffThread(svg), await svgToPng(svg));
 * ```
 */
export async function svgToPngOffThread(svg: string, scale = 2): Promise<Uint8Array> {
  const image = await resvg.renderAsync(svg, renderOptions(svg, scale));
  return await opaquePngAsync(image.width, image.height, image.pixels) ??
    new Uint8Array(image.asPng());
}
