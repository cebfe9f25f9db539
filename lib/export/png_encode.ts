/**
 * PNG encoding of opaque RGBA pixels with the runtime's native zlib: the same pixels as resvg's
 * own encoder (`asPng`), faster and in fewer bytes (29% fewer on the default data's figures; each
 * row unfiltered, deflated at level 4). resvg's pixels are premultiplied; they equal the plain
 * ones only where every pixel is opaque, which {@link isOpaque} checks first.
 * @module
 */
import { crc32, deflate, deflateSync } from "node:zlib";

/** The alpha byte of a pixel read as one 32-bit word in this machine's byte order. */
const ALPHA = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0xff000000 : 0xff;
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The deflate level of the image data: within 10% of level 6's size, about 1.9x faster. */
export const PNG_DEFLATE_LEVEL = 4;

/**
 * Whether every pixel of RGBA bytes has full alpha (then premultiplied and plain colours are the
 * same bytes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isOpaque(new Uint8Array([1, 2, 3, 255, 9, 9, 9, 255])), true);
 * assert.equal(isOpaque(new Uint8Array([1, 2, 3, 255, 9, 9, 9, 254])), false);
 * ```
 */
export function isOpaque(rgba: Uint8Array): boolean {
  const end = rgba.length - (rgba.length % 4);
  if (rgba.byteOffset % 4 !== 0) {
    for (let i = 3; i < end; i += 4) if (rgba[i] !== 255) return false;
    return true;
  }
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, end / 4);
  let all = -1; // the bits set in every pixel's word
  for (let i = 0; i < words.length; i++) all &= words[i];
  return ((all & ALPHA) >>> 0) === ALPHA;
}

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes.subarray(4, 8 + data.length)));
  return bytes;
}

/**
 * An 8-bit RGBA PNG of `width` x `height` pixels (`rgba`, row by row, 4 bytes a pixel), or
 * `undefined` when a pixel is not opaque (see the module's documentation). Throws on a size that
 * does not match.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inflateSync } from "node:zlib";
 * const red = new Uint8Array([255, 0, 0, 255, 255, 0, 0, 255]); // 2 x 1 pixels
 * const png = opaquePng(2, 1, red)!;
 * assert.equal(new TextDecoder().decode(png.slice(12, 16)), "IHDR");
 * const data = inflateSync(png.slice(41, 41 + new DataView(png.buffer).getUint32(33)));
 * assert.deepEqual([...data], [0, ...red]); // one row: filter 0, then its pixels
 * assert.equal(opaquePng(1, 1, new Uint8Array([255, 0, 0, 128])), undefined);
 * ```
 */
export function opaquePng(width: number, height: number, rgba: Uint8Array): Uint8Array | undefined {
  const rows = opaqueRows(width, height, rgba);
  return rows && pngFile(width, height, deflateSync(rows, { level: PNG_DEFLATE_LEVEL }));
}

/**
 * {@link opaquePng} with the deflating done on the runtime's worker threads (the same bytes): for
 * a PNG made while the thread that asked for it goes on.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const red = new Uint8Array([255, 0, 0, 255, 255, 0, 0, 255]);
 * assert.deepEqual(await opaquePngAsync(2, 1, red), opaquePng(2, 1, red));
 * ```
 */
export async function opaquePngAsync(
  width: number,
  height: number,
  rgba: Uint8Array,
): Promise<Uint8Array | undefined> {
  const rows = opaqueRows(width, height, rgba);
  if (!rows) return undefined;
  const data = await new Promise<Uint8Array>((resolve, reject) =>
    deflate(
      rows,
      { level: PNG_DEFLATE_LEVEL },
      (error, out) => error ? reject(error) : resolve(out),
    )
  );
  return pngFile(width, height, data);
}

/** The image data before deflating: each row after its filter byte, 0 (None); none if not opaque. */
function opaqueRows(width: number, height: number, rgba: Uint8Array): Uint8Array | undefined {
  const row = width * 4;
  if (rgba.length !== row * height) {
    throw new Error(`${rgba.length} bytes are not ${width} x ${height} RGBA pixels`);
  }
  if (!isOpaque(rgba)) return undefined;
  const rows = new Uint8Array((row + 1) * height);
  for (let y = 0; y < height; y++) {
    rows.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  }
  return rows;
}

/** A PNG file of RGBA pixels from its deflated image data. */
function pngFile(width: number, height: number, data: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", data),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((at, part) => (png.set(part, at), at + part.length), 0);
  return png;
}
