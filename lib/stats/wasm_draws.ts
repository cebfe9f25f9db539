/**
 * The kernels that draw (text form, assembled by `wasm_text.ts`; see `resample_wasm.ts`):
 * mulberry32's counts one and four at a time, split_half.ts' shuffle and halves, and the
 * compaction of counts into weighted prompts.
 * @module
 */
import type { WasmFunction } from "./wasm_encoding.ts";
import { textFunction } from "./wasm_text.ts";

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

/** `draws`: mulberry32 `count` times from `state`; counts[floor(u * n)] += 1; the new state. */
export const DRAWS: WasmFunction = textFunction(
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

/** `draws4`: the same, four draws at a time (i32x4), `groups` times. */
export const DRAWS4: WasmFunction = textFunction(
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

/** `shuffle`: split_half.ts' Fisher-Yates shuffle of an i32 order; the new state. */
export const SHUFFLE: WasmFunction = textFunction(
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

/** `halves`: each half's prompts of a shuffle, ascending. */
export const HALVES: WasmFunction = textFunction(
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

/** `compact`: the prompts of nonzero count, ascending, with their counts; counts zeroed. */
export const COMPACT: WasmFunction = textFunction(
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
