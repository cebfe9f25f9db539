/**
 * The WebAssembly instructions the resampling kernels use, as byte arrays named after their text
 * form (`local.get 3` is `ins.get(3)`, `f64x2.mul` is `ins.f64x2Mul`). Memory accesses take a
 * constant offset and assume natural alignment.
 * @module
 */
import { sleb, uleb } from "./wasm_encoding.ts";

const simd = (code: number, ...rest: number[]) => [0xfd, ...uleb(code), ...rest];
const memory = (code: number, align: number) => (offset = 0) => [code, align, ...uleb(offset)];

/**
 * Instruction bytes by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(ins.get(3), [0x20, 3]); // local.get 3
 * assert.deepEqual(ins.f64x2Mul, [0xfd, 0xf2, 0x01]); // SIMD prefix, LEB128 opcode 242
 * assert.deepEqual(ins.f64Load(8), [0x2b, 3, 8]); // f64.load offset=8 (align 2^3)
 * ```
 */
export const ins = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (n: number) => [0x41, ...sleb(n)],
  f64: (x: number) => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  select: [0x1b],
  i32Eqz: [0x45],
  i32Ne: [0x47],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Or: [0x72],
  i32Xor: [0x73],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  i32WrapI64: [0xa7],
  i64ExtendI32U: [0xad],
  i64Mul: [0x7e],
  i64ShrU: [0x88],
  i64: (n: number) => [0x42, ...sleb(n)],
  f64Eq: [0x61],
  f64Gt: [0x64],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  f64Div: [0xa3],
  f64ConvertI32U: [0xb8],
  i32Load: memory(0x28, 2),
  i32Store: memory(0x36, 2),
  f64Load: memory(0x2b, 3),
  f64Store: memory(0x39, 3),
  v128Load: (offset = 0) => simd(0x00, 4, ...uleb(offset)),
  v128Store: (offset = 0) => simd(0x0b, 4, ...uleb(offset)),
  v128Load64Splat: (offset = 0) => simd(0x0a, 3, ...uleb(offset)),
  v128Zero: simd(0x0c, ...new Array(16).fill(0)),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
} as const;
