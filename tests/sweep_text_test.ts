import assert from "node:assert/strict";
import { assertTextBytes, decodeText, firstBadByte, placeOfByte } from "../lib/sweep/text.ts";
import { SweepDataError } from "../lib/sweep/errors.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

Deno.test("firstBadByte agrees with a fatal TextDecoder on what is valid UTF-8", () => {
  const samples = [
    utf8("plain, ascii\n"),
    utf8("é ✓ 😀 \u{10ffff}"),
    new Uint8Array([0xc0, 0x80]), // overlong
    new Uint8Array([0xed, 0xa0, 0x80]), // surrogate
    new Uint8Array([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
    new Uint8Array([0x61, 0xe2, 0x82]), // cut short
    new Uint8Array([0x80]),
  ];
  for (const bytes of samples) {
    let valid = true;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      valid = false;
    }
    assert.equal(firstBadByte(bytes) < 0, valid, `${[...bytes]}`);
  }
  assert.equal(firstBadByte(new Uint8Array([0x61, 0x62, 0xe2, 0x28, 0xa1])), 2);
});

Deno.test("placeOfByte counts CRLF, CR and LF line ends and columns in characters", () => {
  const bytes = utf8("ab\r\ncd\réé,x\nz");
  assert.deepEqual(placeOfByte(bytes, bytes.indexOf(0x78)), { line: 3, column: 4 });
  assert.deepEqual(placeOfByte(bytes, 0), { line: 1, column: 1 });
});

Deno.test("assertTextBytes: NUL is binary data at its line; bad UTF-8 at line and column", () => {
  assertTextBytes(utf8("a,b\n1,2\n"), "ok.csv");
  assert.throws(
    () => assertTextBytes(new Uint8Array([97, 13, 98, 0]), "g.csv"),
    (e: unknown) => e instanceof SweepDataError && e.message.startsWith("g.csv:2: binary data"),
  );
  assert.throws(
    () => assertTextBytes(new Uint8Array([97, 10, 98, 0xff]), "h.csv"),
    /^SweepDataError: h\.csv:2:2: not valid UTF-8 text \(byte 0xff\)/,
  );
});

Deno.test("decodeText drops a BOM and refuses what is not text", () => {
  assert.equal(decodeText(utf8("\ufeffa,b\n"), "x.csv"), "a,b\n");
  assert.throws(
    () => decodeText(new Uint8Array([0xff, 0xfe, 0x41]), "h.csv"),
    /h\.csv:1:1: not valid/,
  );
});
