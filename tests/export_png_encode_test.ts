import assert from "node:assert/strict";
import fc from "fast-check";
import { crc32, deflateSync } from "node:zlib";
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

/** A PNG of RGBA pixels with row y filtered by filter y % 5 (what resvg's encoder may choose). */
function filteredPng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4, rows = new Uint8Array((stride + 1) * height);
  const at = (x: number, y: number) => x < 0 || y < 0 ? 0 : rgba[y * stride + x];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    rows[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const [a, b, c] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const p = a + b - c, [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter];
      rows[y * (stride + 1) + 1 + x] = (at(x, y) - predicted) & 0xff;
    }
  }
  const png = opaquePng(width, height, new Uint8Array(width * height * 4).fill(255))!;
  const idat = deflateSync(rows),
    head = png.subarray(0, 33),
    chunk = new Uint8Array(12 + idat.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, idat.length);
  chunk.set(new TextEncoder().encode("IDAT"), 4);
  chunk.set(idat, 8);
  view.setUint32(8 + idat.length, crc32(chunk.subarray(4, 8 + idat.length)));
  return new Uint8Array([...head, ...chunk, ...png.subarray(png.length - 12)]);
}

Deno.test("the test decoder reads every row filter (None, Sub, Up, Average, Paeth) and checks CRCs", () => {
  const [width, height] = [7, 10];
  const rgba = new Uint8Array(width * height * 4).map((_, i) => i % 4 === 3 ? 255 : (i * 37) % 256);
  const png = filteredPng(width, height, rgba);
  assert.deepEqual(decodePng(png), { width, height, rgba });
  png[43] ^= 1; // a byte of the IDAT chunk's data
  assert.throws(() => decodePng(png), /IDAT chunk's CRC/);
});
