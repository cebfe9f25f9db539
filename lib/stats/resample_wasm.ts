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
 * - `pairMoments`: `rowMean` and `rowVariance` (but the last division) of a layer at +1 and
 *   at -1 (the two lanes) over the drawn prompts, for two resamples at once (two chains).
 * - `shuffle` and `halves`: split_half.ts' Fisher-Yates shuffle, and the two halves' prompts.
 * - `weightedSums`: sums of counts[i] * values[i] in order (bootstrap means), four at once.
 * @module
 */
import { type WasmFunction, wasmModule } from "./wasm_encoding.ts";
import { textFunction } from "./wasm_text.ts";

/** `code` repeated for i = 0 .. n - 1 (unrolled lanes of a kernel). */
const unrolled = (n: number, code: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => code(i)).join("\n");

/** mulberry32's step: $state advances, $t is the draw x (uniform u = x / 2^32). */
const MULBERRY32 = `
      ;; state += 0x6d2b79f5; t = imul(state ^ state >>> 15, state | 1)
      local.get $state i32.const 0x6d2b79f5 i32.add local.tee $state
      local.get $state i32.const 15 i32.shr_u i32.xor
      local.get $state i32.const 1 i32.or i32.mul local.set $t
      ;; t ^= t + imul(t ^ t >>> 7, t | 61); x = t ^ t >>> 14
      local.get $t
      local.get $t local.get $t i32.const 7 i32.shr_u local.get $t i32.xor
      local.get $t i32.const 61 i32.or i32.mul i32.add i32.xor local.set $t
      local.get $t local.get $t i32.const 14 i32.shr_u i32.xor local.set $t`;

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
      ${MULBERRY32}
      ;; counts[(x * n) >> 32] += 1
      local.get $t i64.extend_i32_u local.get $n i64.extend_i32_u i64.mul i64.const 32 i64.shr_u i32.wrap_i64
      i32.const 2 i32.shl local.get $counts i32.add local.tee $addr
      local.get $addr i32.load i32.const 1 i32.add i32.store
      local.get $count i32.const 1 i32.sub local.tee $count br_if $draw
    end
  end
  local.get $state`,
);

/** One lane's index floor(u * n) of `product` (x * n, two 64-bit lanes) into counts += 1. */
const countLane = (product: string, lane: number) => `
      local.get $${product} i32x4.extract_lane ${lane}
      i32.const 2 i32.shl local.get $counts i32.add local.tee $addr
      local.get $addr i32.load i32.const 1 i32.add i32.store`;

const DRAWS4 = textFunction(
  "draws4",
  {
    params: { state: "i32", n: "i32", groups: "i32", counts: "i32" },
    results: ["i32"],
    locals: { addr: "i32", s: "v128", t: "v128", nn: "v128", low: "v128", high: "v128" },
  },
  `
  ;; four draws at a time: the states of draws 1 to 4 after state, then each + 4 increments
  local.get $state i32x4.splat
  v128.const i32x4 0x6d2b79f5 0xda56f3ea 0x47826ddf 0xb4ade7d4 i32x4.add local.set $s
  local.get $n i32x4.splat local.set $nn
  block $none
    local.get $groups i32.eqz br_if $none
    loop $draw
      ;; t = imul(s ^ s >>> 15, s | 1); t ^= t + imul(t ^ t >>> 7, t | 61); x = t ^ t >>> 14
      local.get $s local.get $s i32.const 15 i32x4.shr_u v128.xor
      local.get $s v128.const i32x4 1 1 1 1 v128.or i32x4.mul local.set $t
      local.get $t local.get $t
      local.get $t local.get $t i32.const 7 i32x4.shr_u v128.xor
      local.get $t v128.const i32x4 61 61 61 61 v128.or i32x4.mul i32x4.add v128.xor local.set $t
      local.get $t local.get $t i32.const 14 i32x4.shr_u v128.xor local.set $t
      ;; (x * n) >> 32 in the low half of each 64-bit lane: i32 lanes 0 and 2
      local.get $t local.get $nn i64x2.extmul_low_i32x4_u i32.const 32 i64x2.shr_u local.set $low
      local.get $t local.get $nn i64x2.extmul_high_i32x4_u i32.const 32 i64x2.shr_u local.set $high
      ${countLane("low", 0)}
      ${countLane("low", 2)}
      ${countLane("high", 0)}
      ${countLane("high", 2)}
      local.get $s v128.const i32x4 0xb4ade7d4 0xb4ade7d4 0xb4ade7d4 0xb4ade7d4 i32x4.add local.set $s
      local.get $groups i32.const 1 i32.sub local.tee $groups br_if $draw
    end
  end
  ;; the state after the last draw: lane 3 minus 4 increments
  local.get $s i32x4.extract_lane 3 i32.const 0xb4ade7d4 i32.sub`,
);

const SHUFFLE = textFunction(
  "shuffle",
  {
    params: { state: "i32", order: "i32", n: "i32" },
    results: ["i32"],
    locals: { i: "i32", t: "i32", at: "i32", from: "i32", kept: "i32" },
  },
  `
  ;; Fisher-Yates as split_half.ts: for i = n - 1 down to 1, swap order[i] and order[j],
  ;; j = floor(u * (i + 1)) = (x * (i + 1)) >> 32
  block $none
    local.get $n i32.const 2 i32.lt_u br_if $none
    local.get $n i32.const 1 i32.sub local.set $i
    loop $swap
      ${MULBERRY32}
      local.get $t i64.extend_i32_u local.get $i i32.const 1 i32.add i64.extend_i32_u i64.mul
      i64.const 32 i64.shr_u i32.wrap_i64 i32.const 2 i32.shl local.get $order i32.add
      local.set $from
      local.get $i i32.const 2 i32.shl local.get $order i32.add local.tee $at i32.load
      local.set $kept
      local.get $at local.get $from i32.load i32.store
      local.get $from local.get $kept i32.store
      local.get $i i32.const 1 i32.sub local.tee $i br_if $swap
    end
  end
  local.get $state`,
);

const HALVES = textFunction(
  "halves",
  {
    params: { order: "i32", n: "i32", half: "i32", mark: "i32", idx: "i32" },
    results: [],
    locals: { i: "i32", a: "i32", b: "i32", inA: "i32" },
  },
  `
  ;; mark[order[i]] = i < half; then, in prompt order, A's prompts to idx[0..), B's to idx[n..)
  block $none
    local.get $n i32.eqz br_if $none
    loop $place
      local.get $i i32.const 2 i32.shl local.get $order i32.add i32.load
      i32.const 2 i32.shl local.get $mark i32.add
      local.get $i local.get $half i32.lt_u i32.store
      local.get $i i32.const 1 i32.add local.tee $i local.get $n i32.ne br_if $place
    end
    i32.const 0 local.set $i
    loop $prompt
      local.get $i i32.const 2 i32.shl local.get $mark i32.add i32.load local.set $inA
      ;; both lists get p: the list it is not in overwrites it with its next prompt
      local.get $a i32.const 2 i32.shl local.get $idx i32.add local.get $i i32.store
      local.get $b local.get $n i32.add i32.const 2 i32.shl local.get $idx i32.add local.get $i
      i32.store
      local.get $a local.get $inA i32.add local.set $a
      local.get $b i32.const 1 local.get $inA i32.sub i32.add local.set $b
      local.get $i i32.const 1 i32.add local.tee $i local.get $n i32.ne br_if $prompt
    end
  end`,
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

const PAIR_MOMENTS = textFunction(
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

const WEIGHTED_SUMS = textFunction(
  "weightedSums",
  {
    params: { values: "i32", counts: "i32", n: "i32", out: "i32" },
    results: [],
    locals: { i: "i32", at: "i32", v: "f64", s0: "f64", s1: "f64", s2: "f64", s3: "f64" },
  },
  `
  ;; four resamples at once (four chains): s_r = sum over i, in order, of counts_r[i] * values[i],
  ;; counts_r the n i32 at counts + 4 n r
  block $none
    local.get $n i32.eqz br_if $none
    loop $value
      local.get $i i32.const 3 i32.shl local.get $values i32.add f64.load local.set $v
      local.get $i i32.const 2 i32.shl local.get $counts i32.add local.set $at
      ${
    unrolled(4, (r) => `
      local.get $s${r} local.get $at i32.load f64.convert_i32_u local.get $v f64.mul f64.add
      local.set $s${r}
      local.get $at local.get $n i32.const 2 i32.shl i32.add local.set $at`)
  }
      local.get $i i32.const 1 i32.add local.tee $i local.get $n i32.ne br_if $value
    end
  end
  ${unrolled(4, (r) => `local.get $out local.get $s${r} f64.store offset=${8 * r}`)}`,
);

/** The module's bytes. */
export const RESAMPLE_WASM: Uint8Array<ArrayBuffer> = wasmModule(
  [
    DRAWS,
    DRAWS4,
    SHUFFLE,
    HALVES,
    COMPACT,
    accumulate(8),
    accumulate(4),
    PAIR_MOMENTS,
    WEIGHTED_SUMS,
  ],
  1,
);
