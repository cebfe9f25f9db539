import assert from "node:assert/strict";
import fc from "fast-check";
import { sleb, uleb, wasmModule } from "../lib/stats/wasm_encoding.ts";

/** LEB128 decoded back (signed when `signed`). */
function decode(bytes: number[], signed: boolean): number {
  let result = 0n, shift = 0n;
  for (const b of bytes) {
    result |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  }
  const last = bytes[bytes.length - 1];
  if (signed && last & 0x40) result -= 1n << shift;
  return Number(result);
}

Deno.test("LEB128: every 32-bit value decodes back, in as few bytes as it needs", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
    const bytes = uleb(n);
    assert.equal(decode(bytes, false), n);
    assert.ok(bytes.slice(0, -1).every((b) => b & 0x80) && !(bytes[bytes.length - 1] & 0x80));
    assert.equal(bytes.length, Math.max(1, Math.ceil(Math.log2(n + 1) / 7)));
  }));
  fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => {
    assert.equal(decode(sleb(n), true), n);
  }));
});

Deno.test("a module of several functions: each exported under its name, with its own signature", () => {
  const bytes = wasmModule([
    {
      name: "one",
      params: [],
      results: ["f64"],
      locals: [],
      body: [0x44, ...new Uint8Array(Float64Array.of(1).buffer)],
    },
    {
      name: "neg",
      params: ["i32"],
      results: ["i32"],
      locals: ["i32"],
      body: [0x41, 0, 0x20, 0, 0x6b],
    },
  ], 2);
  assert.ok(WebAssembly.validate(bytes));
  const e = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as {
    one(): number;
    neg(x: number): number;
    memory: WebAssembly.Memory;
  };
  assert.deepEqual([e.one(), e.neg(5), e.memory.buffer.byteLength], [1, -5, 2 * 65536]);
});
