/**
 * A small assembler of WebAssembly's flat text form (one instruction after another, as in a
 * `.wat` function body without folded expressions), enough for the resampling kernels: the
 * kernels are written as text in `resample_wasm.ts` and assembled here, with no toolchain and
 * nothing fetched at run time. `;;` starts a comment; locals and block labels are named `$x`.
 * @module
 */
import { sleb, uleb, type ValueType, type WasmFunction } from "./wasm_encoding.ts";

/** Instructions without immediates. */
const PLAIN: Record<string, number[]> = {
  "end": [0x0b],
  "select": [0x1b],
  "i32.eqz": [0x45],
  "i32.ne": [0x47],
  "i32.lt_u": [0x49],
  "i32.ge_u": [0x4f],
  "i32.add": [0x6a],
  "i32.sub": [0x6b],
  "i32.mul": [0x6c],
  "i32.or": [0x72],
  "i32.xor": [0x73],
  "i32.shl": [0x74],
  "i32.shr_u": [0x76],
  "i32.wrap_i64": [0xa7],
  "i64.extend_i32_u": [0xad],
  "i64.mul": [0x7e],
  "i64.shr_u": [0x88],
  "f64.eq": [0x61],
  "f64.gt": [0x64],
  "f64.add": [0xa0],
  "f64.sub": [0xa1],
  "f64.mul": [0xa2],
  "f64.div": [0xa3],
  "f64.convert_i32_u": [0xb8],
  "v128.or": [0xfd, ...uleb(0x50)],
  "v128.xor": [0xfd, ...uleb(0x51)],
  "i32x4.splat": [0xfd, ...uleb(0x11)],
  "i32x4.shr_u": [0xfd, ...uleb(0xad)],
  "i32x4.add": [0xfd, ...uleb(0xae)],
  "i32x4.mul": [0xfd, ...uleb(0xb5)],
  "i64x2.shr_u": [0xfd, ...uleb(0xcd)],
  "i64x2.extmul_low_i32x4_u": [0xfd, ...uleb(0xde)],
  "i64x2.extmul_high_i32x4_u": [0xfd, ...uleb(0xdf)],
  "f64x2.add": [0xfd, ...uleb(0xf0)],
  "f64x2.sub": [0xfd, ...uleb(0xf1)],
  "f64x2.mul": [0xfd, ...uleb(0xf2)],
  "f64x2.div": [0xfd, ...uleb(0xf3)],
};

/** Memory instructions: opcode and natural alignment (log2 bytes); `offset=N` may follow. */
const MEMORY: Record<string, [number[], number]> = {
  "i32.load": [[0x28], 2],
  "f64.load": [[0x2b], 3],
  "i32.store": [[0x36], 2],
  "f64.store": [[0x39], 3],
  "v128.load": [[0xfd, 0x00], 4],
  "v128.load64_splat": [[0xfd, 0x0a], 3],
  "v128.store": [[0xfd, 0x0b], 4],
};

function f64Bytes(token: string): number[] {
  const x = token === "nan" ? NaN : token === "inf" ? Infinity : Number(token);
  if (token !== "nan" && Number.isNaN(x)) throw new Error(`not a number: ${token}`);
  return [...new Uint8Array(Float64Array.of(x).buffer)];
}

/**
 * The bytes of a function body in flat text form, `locals` naming the parameters then the
 * locals in index order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const code = `local.get $a local.get $b i32.add ;; a + b`;
 * assert.deepEqual(assemble(code, ["a", "b"]), [0x20, 0, 0x20, 1, 0x6a]);
 * const loop = `block $done loop $again br_if $done br $again end end`;
 * assert.deepEqual(assemble(loop, []), [0x02, 0x40, 0x03, 0x40, 0x0d, 1, 0x0c, 0, 0x0b, 0x0b]);
 * assert.deepEqual(assemble("f64.load offset=8", []), [0x2b, 3, 8]);
 * ```
 */
export function assemble(code: string, locals: readonly string[]): number[] {
  const tokens = code.replace(/;;[^\n]*/g, " ").split(/\s+/).filter((t) => t !== "");
  const labels: string[] = [];
  const out: number[] = [];
  const next = () => {
    const token = tokens.shift();
    if (token === undefined) throw new Error("an immediate is missing at the end");
    return token;
  };
  const local = (token: string) => {
    const i = locals.indexOf(token.slice(1));
    if (!token.startsWith("$") || i < 0) throw new Error(`unknown local ${token}`);
    return uleb(i);
  };
  const depth = (token: string) => {
    const i = labels.lastIndexOf(token);
    if (i < 0) throw new Error(`unknown label ${token}`);
    return uleb(labels.length - 1 - i);
  };
  const ops: Record<string, () => number[]> = {
    "local.get": () => [0x20, ...local(next())],
    "local.set": () => [0x21, ...local(next())],
    "local.tee": () => [0x22, ...local(next())],
    "i32.const": () => [0x41, ...sleb(Number(next()))],
    "i64.const": () => [0x42, ...sleb(Number(next()))],
    "f64.const": () => [0x44, ...f64Bytes(next())],
    "i32x4.extract_lane": () => [0xfd, ...uleb(0x1b), Number(next())],
    "v128.const": () => {
      if (next() !== "i32x4") throw new Error("v128.const takes i32x4 lanes");
      return [
        0xfd,
        0x0c,
        ...new Uint8Array(Int32Array.from([next(), next(), next(), next()], Number).buffer),
      ];
    },
    "block": () => (labels.push(next()), [0x02, 0x40]),
    "loop": () => (labels.push(next()), [0x03, 0x40]),
    "end": () => (labels.pop(), [0x0b]),
    "br": () => [0x0c, ...depth(next())],
    "br_if": () => [0x0d, ...depth(next())],
  };
  while (tokens.length > 0) {
    const op = tokens.shift()!;
    if (ops[op]) out.push(...ops[op]());
    else if (PLAIN[op]) out.push(...PLAIN[op]);
    else if (MEMORY[op]) {
      const [code, align] = MEMORY[op];
      const offset = tokens[0]?.startsWith("offset=") ? Number(next().slice(7)) : 0;
      out.push(...code, align, ...uleb(offset));
    } else throw new Error(`unknown instruction ${op}`);
  }
  return out;
}

/** A function's named parameters and locals, with their types, and its result types. */
export interface TextSignature {
  params: Record<string, ValueType>;
  results: ValueType[];
  locals: Record<string, ValueType>;
}

/**
 * A function of {@link wasmModule} from its signature and its body in flat text form.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wasmModule } from "./wasm_encoding.ts";
 * const twice = textFunction("twice", { params: { x: "f64" }, results: ["f64"], locals: {} },
 *   "local.get $x local.get $x f64.add");
 * const exports = new WebAssembly.Instance(new WebAssembly.Module(wasmModule([twice], 1))).exports;
 * assert.equal((exports.twice as (x: number) => number)(1.5), 3);
 * ```
 */
export function textFunction(name: string, signature: TextSignature, code: string): WasmFunction {
  const names = [...Object.keys(signature.params), ...Object.keys(signature.locals)];
  return {
    name,
    params: Object.values(signature.params),
    results: signature.results,
    locals: Object.values(signature.locals),
    body: assemble(code, names),
  };
}
