/**
 * A minimal WebAssembly binary encoder: enough to build the resampling kernels
 * (`resample_wasm.ts`) from their instructions in TypeScript, with no toolchain and nothing
 * fetched at run time. One module: functions, one exported memory, no imports or tables.
 * @module
 */

/** Value types of the kernels. */
export const VALUE_TYPES = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b } as const;

/** A value type's name. */
export type ValueType = keyof typeof VALUE_TYPES;

/** One function of a module: its signature, its locals (after the parameters) and its code. */
export interface WasmFunction {
  name: string;
  params: readonly ValueType[];
  results: readonly ValueType[];
  locals: readonly ValueType[];
  /** The instructions, without the final `end`. */
  body: readonly number[];
}

/**
 * Unsigned LEB128 bytes of a non-negative integer below 2^32.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]); // the example of the LEB128 article
 * assert.deepEqual(uleb(0), [0]);
 * ```
 */
export function uleb(n: number): number[] {
  const out: number[] = [];
  let rest = n >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest ? low | 0x80 : low);
  } while (rest);
  return out;
}

/**
 * Signed LEB128 bytes of a 32-bit integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
 * assert.deepEqual(sleb(64), [0xc0, 0x00]); // 64 needs a second byte: its sign bit would be set
 * assert.deepEqual(sleb(-1), [0x7f]);
 * ```
 */
export function sleb(n: number): number[] {
  const out: number[] = [];
  let rest = n | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && !(low & 0x40)) || (rest === -1 && (low & 0x40))) {
      out.push(low);
      return out;
    }
    out.push(low | 0x80);
  }
}

const vector = (items: readonly number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => vector([...text].map((c) => [c.charCodeAt(0)]));
const types = (list: readonly ValueType[]) => vector(list.map((t) => [VALUE_TYPES[t]]));

/**
 * The bytes of a module with `functions` (each exported under its name, with its own type) and a
 * memory of `pages` 64 KiB pages exported as `memory`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const add = { name: "add", params: ["i32", "i32"], results: ["i32"], locals: [],
 *   body: [0x20, 0, 0x20, 1, 0x6a] } as const; // local.get 0, local.get 1, i32.add
 * const bytes = wasmModule([add], 1);
 * const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
 * assert.equal((exports.add as (a: number, b: number) => number)(2, 3), 5);
 * assert.ok(exports.memory instanceof WebAssembly.Memory);
 * ```
 */
export function wasmModule(
  functions: readonly WasmFunction[],
  pages: number,
): Uint8Array<ArrayBuffer> {
  const signatures = functions.map((f) => [0x60, ...types(f.params), ...types(f.results)]);
  const exported = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const code = [...vector(f.locals.map((t) => [1, VALUE_TYPES[t]])), ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(signatures)),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(5, vector([[0x00, ...uleb(pages)]])),
    ...section(7, vector([[...name("memory"), 0x02, 0x00], ...exported])),
    ...section(10, vector(bodies)),
  ]);
}
