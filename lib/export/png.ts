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
import { opaquePng } from "./png_encode.ts";

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
 * The two PNGs of a figure shown in a notebook, from one drawing: the saved one at 2x and the
 * one shown at 1x, made by averaging each 2x2 block of the 2x pixels (a second drawing at 1x
 * would cost half as much again as the first). The 2x PNG is {@link svgToPng}'s, byte for byte.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>';
 * const { saved, shown } = await savedAndShownPng(svg);
 * assert.deepEqual(saved, await svgToPng(svg, 2));
 * const view = new DataView(shown.buffer, shown.byteOffset);
 * assert.deepEqual([view.getUint32(16), view.getUint32(20)], [20, 10]); // the SVG's own size
 * ```
 */
export async function savedAndShownPng(
  svg: string,
): Promise<{ saved: Uint8Array; shown: Uint8Array }> {
  const image = await resvg.renderAsync(svg, renderOptions(svg, 2));
  const saved = pngOf(image);
  const { width, height, pixels } = image;
  const half = halfSize(pixels, width, height);
  const shown = opaquePng(half.width, half.height, half.rgba) ??
    pngOf(await resvg.renderAsync(svg, renderOptions(svg, 1)));
  return { saved, shown };
}

/**
 * RGBA pixels at half the size: each pixel the rounded mean of a 2x2 block (an odd last row or
 * column is averaged with what it has).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rgba = new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
 * const half = halfSize(rgba, 2, 2); // two black and two white pixels
 * assert.deepEqual([half.width, half.height, [...half.rgba]], [1, 1, [128, 128, 128, 255]]);
 * ```
 */
export function halfSize(
  rgba: Uint8Array,
  width: number,
  height: number,
): { width: number; height: number; rgba: Uint8Array } {
  const w = Math.ceil(width / 2), h = Math.ceil(height / 2);
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = 2 * y, y1 = Math.min(2 * y + 1, height - 1);
    for (let x = 0; x < w; x++) {
      const x0 = 2 * x, x1 = Math.min(2 * x + 1, width - 1);
      const a = (y0 * width + x0) * 4, b = (y0 * width + x1) * 4;
      const c = (y1 * width + x0) * 4, d = (y1 * width + x1) * 4;
      const o = (y * w + x) * 4;
      for (let k = 0; k < 4; k++) {
        out[o + k] = (rgba[a + k] + rgba[b + k] + rgba[c + k] + rgba[d + k] + 2) >> 2;
      }
    }
  }
  return { width: w, height: h, rgba: out };
}
