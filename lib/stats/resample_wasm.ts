/**
 * The resampling kernels: one WebAssembly module, written below in flat text form and assembled
 * by `wasm_text.ts` (no toolchain, nothing fetched). Each kernel does the same IEEE operations in
 * the same order as the straightforward TypeScript it stands for, so its results are bit for bit
 * that code's (`tests/stats_resample_wasm_test.ts` pins each one to it):
 *
 * - `draws`: mulberry32 (`util/random.ts`) from a state, counting the draws floor(u * n), u =
 *   x / 2^32, computed as (x * n) >> 32: the same integer, since x * n < 2^53 for n < 2^21.
 * - `compact`: the prompts drawn at least once, ascending (index and weight); counts zeroed.
 * - `accumulate16` / `accumulate8`: per layer, sum over those prompts in order of weight times
 *   difference, two layers per f64x2 lane pair, 16 or 8 layers per pass over the prompts (the
 *   sums of `layerDeltas` without the prompts of weight 0, which add exactly 0 to finite sums).
 * - `moments`: `rowMean` and `rowVariance` of one layer's row over the drawn prompts.
 * - `weightedSum`: sum of counts[i] * values[i] in order (a bootstrap mean); counts zeroed.
 * @module
 */
import { type WasmFunction, wasmModule } from "./wasm_encoding.ts";
import { textFunction } from "./wasm_text.ts";

/** `code` repeated for i = 0 .. n - 1 (unrolled lanes of a kernel). */
const unrolled = (n: number, code: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => code(i)).join("\n");

const DRAWS = textFunction(
  "draws",
  {
    params: { state: "i32", n: "i32", count: "i32", counts: "i32" },
    results: ["i32"],
    locals: { addr: "i32", t: "i32" },
  },
  `
  block $none
    local.get $count i32.eqz br_if $none
    loop $draw
      ;; state += 0x6d2b79f5; t = imul(state ^ state >>> 15, state | 1)
      local.get $state i32.const 0x6d2b79f5 i32.add local.tee $state
      local.get $state i32.const 15 i32.shr_u i32.xor
      local.get $state i32.const 1 i32.or i32.mul local.set $t
      ;; t ^= t + imul(t ^ t >>> 7, t | 61)
      local.get $t
      local.get $t local.get $t i32.const 7 i32.shr_u local.get $t i32.xor
      local.get $t i32.const 61 i32.or i32.mul i32.add i32.xor local.set $t
      ;; counts[(x * n) >> 32] += 1, x = t ^ t >>> 14
      local.get $t local.get $t i32.const 14 i32.shr_u i32.xor i64.extend_i32_u
      local.get $n i64.extend_i32_u i64.mul i64.const 32 i64.shr_u i32.wrap_i64
      i32.const 2 i32.shl local.get $counts i32.add local.tee $addr
      local.get $addr i32.load i32.const 1 i32.add i32.store
      local.get $count i32.const 1 i32.sub local.tee $count br_if $draw
    end
  end
  local.get $state`,
);

const COMPACT = textFunction(
  "compact",
  {
    params: { counts: "i32", n: "i32", idx: "i32", ws: "i32" },
    results: ["i32"],
    locals: { p: "i32", m: "i32", c: "i32", at: "i32" },
  },
  `
  block $none
    local.get $n i32.eqz br_if $none
    loop $prompt
      local.get $p i32.const 2 i32.shl local.get $counts i32.add local.tee $at
      i32.load local.set $c
      ;; idx[m] = p; ws[m] = c; counts[p] = 0; m += c != 0
      local.get $m i32.const 2 i32.shl local.get $idx i32.add local.get $p i32.store
      local.get $m i32.const 3 i32.shl local.get $ws i32.add local.get $c f64.convert_i32_u f64.store
      local.get $at i32.const 0 i32.store
      local.get $m local.get $c i32.const 0 i32.ne i32.add local.set $m
      local.get $p i32.const 1 i32.add local.tee $p local.get $n i32.ne br_if $prompt
    end
  end
  local.get $m`,
);

/** a_k += w * (the two layers at row + 16 k bytes). */
const update = (k: number) =>
  `local.get $a${k} local.get $w local.get $row v128.load offset=${16 * k}
          f64x2.mul f64x2.add local.set $a${k}`;

/** `accumulate{2K}`: blocks of 2K layers, K accumulators of two layers each. */
function accumulate(K: number): WasmFunction {
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
      ${unrolled(K, (k) => `v128.const i64x2 0 0 local.set $a${k}`)}
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

/** One pass of `moments` over the entries: loads w and x, then `body`. */
const overEntries = (body: string) => `
  i32.const 0 local.set $i
  block $none
    local.get $m i32.eqz br_if $none
    loop $entry
      local.get $i i32.const 1 i32.shl local.get $ws i32.add f64.load local.set $w
      local.get $i local.get $idx i32.add i32.load i32.const 3 i32.shl local.get $row i32.add
      f64.load local.set $x
      ${body}
      local.get $i i32.const 4 i32.add local.tee $i local.get $m i32.const 2 i32.shl i32.ne
      br_if $entry
    end
  end`;

/** `value` where x is not NaN, else 0 (which adds nothing to a sum that is never -0). */
const ifPresent = (value: string) => `${value} f64.const 0 local.get $x local.get $x f64.eq select`;

const MOMENTS = textFunction(
  "moments",
  {
    params: { row: "i32", idx: "i32", ws: "i32", m: "i32", out: "i32" },
    results: [],
    locals: {
      i: "i32",
      x: "f64",
      w: "f64",
      sum: "f64",
      n: "f64",
      mean: "f64",
      ss: "f64",
      d: "f64",
    },
  },
  `
  ${
    overEntries(`
      local.get $sum ${ifPresent("local.get $w local.get $x f64.mul")} f64.add local.set $sum
      local.get $n ${ifPresent("local.get $w")} f64.add local.set $n`)
  }
  ;; mean = n > 0 ? sum / n : NaN
  local.get $sum local.get $n f64.div f64.const nan local.get $n f64.const 0 f64.gt select
  local.set $mean
  ${
    overEntries(`
      local.get $x local.get $mean f64.sub local.set $d
      local.get $ss ${ifPresent("local.get $w local.get $d f64.mul local.get $d f64.mul")}
      f64.add local.set $ss`)
  }
  local.get $out local.get $mean f64.store
  ;; variance = n > 1 ? ss / (n - 1) : NaN
  local.get $out
  local.get $ss local.get $n f64.const 1 f64.sub f64.div f64.const nan
  local.get $n f64.const 1 f64.gt select
  f64.store offset=8`,
);

const WEIGHTED_SUM = textFunction(
  "weightedSum",
  {
    params: { values: "i32", counts: "i32", n: "i32" },
    results: ["f64"],
    locals: { i: "i32", sum: "f64", at: "i32" },
  },
  `
  block $none
    local.get $n i32.eqz br_if $none
    loop $value
      local.get $sum
      local.get $i i32.const 2 i32.shl local.get $counts i32.add local.tee $at
      i32.load f64.convert_i32_u
      local.get $i i32.const 3 i32.shl local.get $values i32.add f64.load
      f64.mul f64.add local.set $sum
      local.get $at i32.const 0 i32.store
      local.get $i i32.const 1 i32.add local.tee $i local.get $n i32.ne br_if $value
    end
  end
  local.get $sum`,
);

/** The module's bytes. */
export const RESAMPLE_WASM: Uint8Array<ArrayBuffer> = wasmModule(
  [DRAWS, COMPACT, accumulate(8), accumulate(4), MOMENTS, WEIGHTED_SUM],
  1,
);
