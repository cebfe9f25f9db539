/** Test helpers: a PNG's size from its header; its pixels, decoded. */
import assert from "node:assert/strict";
import { crc32, inflateSync } from "node:zlib";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Asserts the bytes are a PNG and returns its width and height (from the IHDR chunk). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...bytes.slice(0, 8)], SIGNATURE, "PNG signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  assert.equal(new TextDecoder().decode(bytes.slice(12, 16)), "IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A decoded PNG: its size and its pixels as 8-bit RGBA, row by row. */
export interface DecodedPng {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** The Paeth predictor of the PNG specification. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what resvg and `png_encode.ts` write), every
 * row filter included and every chunk's CRC checked, to RGBA: an independent reader to compare
 * PNGs by their pixels.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const { width, height } = pngSize(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [depth, color, , , interlace] = bytes.slice(24, 29);
  assert.equal(depth, 8, "bit depth");
  assert.ok(color === 2 || color === 6, `colour type ${color}`);
  assert.equal(interlace, 0, "interlace");
  const idat: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(bytes.slice(at + 4, at + 8));
    const crc = view.getUint32(at + 8 + length);
    assert.equal(crc32(bytes.subarray(at + 4, at + 8 + length)), crc, `${type} chunk's CRC`);
    if (type === "IDAT") idat.push(bytes.slice(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = inflateSync(concat(idat));
  const channels = color === 6 ? 4 : 3, stride = width * channels;
  assert.equal(data.length, (stride + 1) * height, "image data size");
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)], row = y * stride, up = row - stride;
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    assert.ok(filter <= 4, `row ${y}: filter ${filter}`);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? raw[row + x - channels] : 0;
      const b = y > 0 ? raw[up + x] : 0;
      const c = x >= channels && y > 0 ? raw[up + x - channels] : 0;
      const predicted = filter === 0
        ? 0
        : filter === 1
        ? a
        : filter === 2
        ? b
        : filter === 3
        ? (a + b) >> 1
        : paeth(a, b, c);
      raw[row + x] = (line[x] + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: raw };
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let i = 0; i < width * height; i++) rgba.set(raw.subarray(3 * i, 3 * i + 3), 4 * i);
  return { width, height, rgba };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((at, part) => (all.set(part, at), at + part.length), 0);
  return all;
}
