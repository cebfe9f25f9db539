import assert from "node:assert/strict";
import fc from "fast-check";
import { Resvg } from "@resvg/resvg-js";
import { isOpaque, opaquePng } from "../lib/export/png_encode.ts";
import { rasterize, renderOptions, svgToPng } from "../lib/export/png.ts";
import { decodePng } from "./helpers/png.ts";

const GOLDENS = new URL("./fixtures/snapshots/small/", import.meta.url);

/** resvg's own PNG of an SVG, drawn as `rasterize` draws it. */
const resvgPng = (svg: string, scale = 2) =>
  new Uint8Array(new Resvg(svg, renderOptions(svg, scale)).render().asPng());

Deno.test("every figure's PNG has exactly the pixels of resvg's own encoding, in fewer bytes", async () => {
  let ours = 0, theirs = 0;
  for (const { name } of Deno.readDirSync(GOLDENS)) {
    const svg = await Deno.readTextFile(new URL(name, GOLDENS));
    const [png, reference] = [rasterize(svg), resvgPng(svg)];
    assert.deepEqual(decodePng(png), decodePng(reference), name);
    assert.deepEqual(await svgToPng(svg), png, `${name}: the same bytes off the main thread`);
    [ours, theirs] = [ours + png.length, theirs + reference.length];
  }
  assert.ok(ours < 0.8 * theirs, `${ours} bytes against resvg's ${theirs}`);
});

Deno.test("opaque pixels of any size come back from the PNG as they went in", () => {
  const image = fc.record({
    width: fc.integer({ min: 1, max: 40 }),
    height: fc.integer({ min: 1, max: 40 }),
  })
    .chain(({ width, height }) =>
      fc.uint8Array({ minLength: width * height * 3, maxLength: width * height * 3 }).map((rgb) => {
        const rgba = new Uint8Array(width * height * 4).fill(255);
        for (let i = 0; i < width * height; i++) rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
        return { width, height, rgba };
      })
    );
  fc.assert(fc.property(image, ({ width, height, rgba }) => {
    assert.deepEqual(decodePng(opaquePng(width, height, rgba)!), { width, height, rgba });
  }));
});

Deno.test("a pixel that is not opaque is left to resvg's encoder; a wrong size is an error", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 254 }), (at, alpha) => {
      const rgba = new Uint8Array(400).fill(255);
      rgba[4 * at + 3] = alpha;
      assert.equal(isOpaque(rgba), false);
      const shifted = new Uint8Array(401);
      shifted.set(rgba, 1);
      assert.equal(isOpaque(shifted.subarray(1)), false, "read byte by byte when not word-aligned");
      assert.equal(opaquePng(10, 10, rgba), undefined);
    }),
  );
  assert.throws(() => opaquePng(3, 3, new Uint8Array(35)), /35 bytes are not 3 x 3 RGBA pixels/);
});
