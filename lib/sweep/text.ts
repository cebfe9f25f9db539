/**
 * Text checks on a file's bytes: the first byte that is not text (a NUL or invalid UTF-8), and
 * where it sits as line and column (CRLF, CR and LF each end a line).
 * @module
 */
import { SweepDataError } from "./errors.ts";

/**
 * The offset of the first byte that starts or continues no valid UTF-8 sequence, or -1 when
 * there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(firstBadByte(new Uint8Array([0x61, 0xc3, 0x28])), 1);
 * assert.equal(firstBadByte(new TextEncoder().encode("é,1\n")), -1);
 * ```
 */
export function firstBadByte(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const size = b >= 0xc2 && b <= 0xdf
      ? 2
      : b >= 0xe0 && b <= 0xef
      ? 3
      : b >= 0xf0 && b <= 0xf4
      ? 4
      : 0;
    if (size === 0 || i + size > n) return i;
    const second = bytes[i + 1];
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < size; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += size;
  }
  return -1;
}

/**
 * The 1-based line and column (in characters) of byte `offset`; CRLF, CR and LF each end a line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(placeOfByte(new TextEncoder().encode("ab\r\ncd\ref"), 8), { line: 3, column: 2 });
 * ```
 */
export function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder().decode(bytes.subarray(start, offset));
  return { line, column: before.length + 1 };
}

/**
 * Whether bytes look like UTF-16: after a UTF-16 byte-order mark if any, within the first 256
 * bytes a NUL at every odd position (little-endian ASCII) or every even one (big-endian).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(looksUtf16(new Uint8Array([0x61, 0, 0x2c, 0, 0x62, 0])), true); // "a,b" in UTF-16LE
 * assert.equal(looksUtf16(new TextEncoder().encode("a,b\n")), false);
 * ```
 */
export function looksUtf16(bytes: Uint8Array): boolean {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = bytes.subarray(bom ? 2 : 0, Math.min(bytes.length, 256) & ~1);
  if (head.length < 4) return false;
  const nulAt = (parity: number) => head.every((b, i) => (i % 2 === parity) === (b === 0));
  return nulAt(1) || nulAt(0);
}

/**
 * Throws a {@link SweepDataError} when `bytes` are not UTF-8 text: UTF-16 (said so), binary data
 * (a NUL byte anywhere) at the NUL's line, else the first invalid UTF-8 byte at its line and column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.throws(() => assertTextBytes(new Uint8Array([97, 10, 0]), "g.csv"), /g\.csv:2: binary data/);
 * assert.throws(
 *   () => assertTextBytes(new Uint8Array([97, 10, 0xff]), "g.csv"),
 *   /g\.csv:2:1: not valid UTF-8/,
 * );
 * ```
 */
export function assertTextBytes(bytes: Uint8Array, file: string): void {
  if (looksUtf16(bytes)) {
    throw new SweepDataError(
      "looks like UTF-16 text (a NUL byte beside every character): save it as UTF-8",
      { file, line: 1 },
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line } = placeOfByte(bytes, nul);
    throw new SweepDataError("binary data (NUL byte), not a text file", { file, line });
  }
  const bad = firstBadByte(bytes);
  if (bad < 0) return;
  const problem = `not valid UTF-8 text (byte 0x${bytes[bad].toString(16).padStart(2, "0")})`;
  throw new SweepDataError(problem, { file, ...placeOfByte(bytes, bad) });
}

/**
 * Decodes a file's bytes as UTF-8 text, refusing binary data and invalid UTF-8 at their line and
 * column, and dropping a byte-order mark.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(decodeText(new TextEncoder().encode("\ufeffa,b\n"), "x.csv"), "a,b\n"); // no BOM
 * ```
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  assertTextBytes(bytes, file);
  return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
}
