/**
 * SVG to PNG with resvg (its binary ships inside the npm package; `skia-canvas` cannot be
 * installed here), with the bundled DejaVu fonts so the text is the same on every machine.
 * @module
 */
import { renderAsync } from "@resvg/resvg-js";

const FONT_DIR = "dejavu-fonts-ttf/ttf/";

/** Paths of the bundled DejaVu Sans TTFs (regular and bold). */
export function fontFiles(): string[] {
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) =>
    new URL(import.meta.resolve(FONT_DIR + name)).pathname
  );
}

/**
 * Rasterizes a standalone SVG to PNG bytes at `scale` times its size (2 by default), with system
 * fonts off and DejaVu Sans as every family. Runs off the main thread, so several figures
 * rasterize in parallel.
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
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return new Uint8Array(image.asPng());
}
