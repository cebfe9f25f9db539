/**
 * The kernels that add up (text form, assembled by `wasm_text.ts`; see `resample_wasm.ts`):
 * layer sums over weighted prompts, the +1 and -1 moments of two resamples, bootstrap means.
 * @module
 */
import type { WasmFunction } from "./wasm_encoding.ts";
import { textFunction } from "./wasm_text.ts";

/** `code` repeated for i = 0 .. n - 1 (unrolled lanes of a kernel). */
const unrolled = (n: number, code: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => code(i)).join("\n");

/** a_k += w * (the two layers at row + 16 k bytes). */
const update = (k: number) =>
  `local.get $a${k} local.get $w local.get $row v128.load offset=${16 * k}
          f64x2.mul f64x2.add local.set $a${k}`;

/**
 * `accumulate{2K}`: blocks of 2K layers, K accumulators of two layers each.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wasmModule } from "./wasm_encoding.ts";
 * const bytes = wasmModule([accumulate(2)], 1); // accumulate4: blocks of 4 layers
 * const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
 * const memory = exports.memory as WebAssembly.Memory;
 * new Float64Array(memory.buffer, 0, 8).set([1, 2, 3, 4, 10, 20, 30, 40]); // 2 prompts x 4 layers
 * new Int32Array(memory.buffer, 64, 2).set([0, 1]); // both prompts,
 * new Float64Array(memory.buffer, 80, 2).set([2, 1]); // the first twice
 * (exports.accumulate4 as (...args: number[]) => void)(0, 32, 64, 80, 2, 1, 96);
 * assert.deepEqual(Array.from(new Float64Array(memory.buffer, 96, 4)), [12, 24, 36, 48]);
 * ```
 */
export function accumulate(K: number): WasmFunction {
  const lanes = Object.fromEntries(Array.from({ length: K }, (_, k) => [`a${k}`, "v128" as const]));
  return textFunction(
    `accumulate${2 * K}`,
    {
      params: {
        rows: "i32",
        rowBytes: "i32",
        idx: "i32",
        ws: "i32",
        m: "i32",
        blocks: "i32",
        out: "i32",
      },
      results: [],
      locals: { i: "i32", end: "i32", row: "i32", w: "v128", ...lanes },
    },
    `
  local.get $m i32.const 2 i32.shl local.set $end ;; i runs over the bytes of idx
  block $none
    local.get $blocks i32.eqz br_if $none
    loop $block
      ${unrolled(K, (k) => `v128.const i32x4 0 0 0 0 local.set $a${k}`)}
      i32.const 0 local.set $i
      block $empty
        local.get $m i32.eqz br_if $empty
        loop $entry
          ;; row = rows + idx[i] * rowBytes; w = (ws[i], ws[i])
          local.get $i local.get $idx i32.add i32.load local.get $rowBytes i32.mul
          local.get $rows i32.add local.set $row
          local.get $i i32.const 1 i32.shl local.get $ws i32.add v128.load64_splat local.set $w
          ${unrolled(K, update)}
          local.get $i i32.const 4 i32.add local.tee $i local.get $end i32.ne br_if $entry
        end
      end
      ${unrolled(K, (k) => `local.get $out local.get $a${k} v128.store offset=${16 * k}`)}
      local.get $out i32.const ${16 * K} i32.add local.set $out
      local.get $rows i32.const ${16 * K} i32.add local.set $rows
      local.get $blocks i32.const 1 i32.sub local.tee $blocks br_if $block
    end
  end`,
  );
}

/** A loop of `pairMoments` from $i to `bound` over lists `lists` (A, B or both). */
const pairPass = (lists: string[], bound: string, body: (X: string) => string) => `
  block $skip
    local.get $i local.get $${bound} i32.ge_u br_if $skip
    loop $next
      ${lists.map((X) => `${PAIR_LOAD(X)}\n${body(X)}`).join("\n")}
      local.get $i i32.const 1 i32.add local.tee $i local.get $${bound} i32.lt_u br_if $next
    end
  end`;

/** Loads entry $i of list X: w = (ws[i], ws[i]), x = (+1 value, -1 value) of its prompt. */
const PAIR_LOAD = (X: string) => `
      local.get $i i32.const 3 i32.shl local.get $ws${X} i32.add v128.load64_splat local.set $w${X}
      local.get $i i32.const 2 i32.shl local.get $idx${X} i32.add i32.load i32.const 4 i32.shl
      local.get $row${X} i32.add v128.load local.set $x${X}`;

/** Both passes over both lists: the common entries together (two chains), then the rest. */
const pairPasses = (body: (X: string) => string) => `
  i32.const 0 local.set $i
  ${pairPass(["A", "B"], "common", body)}
  ${pairPass(["A"], "mA", body)}
  local.get $common local.set $i
  ${pairPass(["B"], "mB", body)}`;

const PAIR_LOCALS = ["w", "x", "sum", "n", "mean", "ss", "d"].flatMap((v) => [`${v}A`, `${v}B`]);

/** `pairMoments`: mean, squared deviations and weight of (+1, -1) rows, two lists at once. */
export const PAIR_MOMENTS: WasmFunction = textFunction(
  "pairMoments",
  {
    params: {
      rowA: "i32",
      idxA: "i32",
      wsA: "i32",
      mA: "i32",
      rowB: "i32",
      idxB: "i32",
      wsB: "i32",
      mB: "i32",
      out: "i32",
    },
    results: [],
    locals: {
      i: "i32",
      common: "i32",
      ...Object.fromEntries(PAIR_LOCALS.map((name) => [name, "v128" as const])),
    },
  },
  `
  ;; rows hold (+1, -1) value pairs by prompt (no NaN: complete matrices); per list and lane:
  ;; sum += w * x, n += w; mean = sum / n (NaN when n = 0); ss += (w * (x - mean)) * (x - mean)
  local.get $mA local.get $mB local.get $mA local.get $mB i32.lt_u select local.set $common
  ${
    pairPasses((X) => `
      local.get $sum${X} local.get $w${X} local.get $x${X} f64x2.mul f64x2.add local.set $sum${X}
      local.get $n${X} local.get $w${X} f64x2.add local.set $n${X}`)
  }
  local.get $sumA local.get $nA f64x2.div local.set $meanA
  local.get $sumB local.get $nB f64x2.div local.set $meanB
  ${
    pairPasses((X) => `
      local.get $x${X} local.get $mean${X} f64x2.sub local.set $d${X}
      local.get $ss${X} local.get $w${X} local.get $d${X} f64x2.mul local.get $d${X} f64x2.mul
      f64x2.add local.set $ss${X}`)
  }
  ;; out: mean, ss and n of list A, then of list B (two lanes each: +1, -1)
  local.get $out local.get $meanA v128.store
  local.get $out local.get $ssA v128.store offset=16
  local.get $out local.get $nA v128.store offset=32
  local.get $out local.get $meanB v128.store offset=48
  local.get $out local.get $ssB v128.store offset=64
  local.get $out local.get $nB v128.store offset=80`,
);
