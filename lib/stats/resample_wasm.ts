/**
 * The resampling kernels as one WebAssembly module, built from its instructions here (no
 * toolchain, nothing fetched). Each kernel does, in the same order, the same IEEE operations as
 * the straightforward TypeScript it replaces, so its results are bit for bit the same
 * (`tests/stats_resample_wasm_test.ts` pins each to that code). Text form:
 *
 * ```wat
 * ;; mulberry32 (util/random.ts) `count` times from `state`: counts[floor(u * n)] += 1 for each
 * ;; uniform u = x / 2^32, computed as (x * n) >> 32 (exact: x * n < 2^53 for n < 2^21)
 * (func $draws (param $state i32) (param $n i32) (param $count i32) (param $counts i32)
 *   (result i32) (local $addr i32) (local $t i32)
 *   (block $none (br_if $none (i32.eqz (local.get $count)))
 *     (loop $draw
 *       (local.set $t (i32.mul
 *         (i32.xor (local.tee $state (i32.add (local.get $state) (i32.const 0x6d2b79f5)))
 *                  (i32.shr_u (local.get $state) (i32.const 15)))
 *         (i32.or (local.get $state) (i32.const 1))))
 *       (local.set $t (i32.xor (local.get $t) (i32.add (local.get $t)
 *         (i32.mul (i32.xor (i32.shr_u (local.get $t) (i32.const 7)) (local.get $t))
 *                  (i32.or (local.get $t) (i32.const 61))))))
 *       (local.set $addr (i32.add (local.get $counts) (i32.shl (i32.wrap_i64 (i64.shr_u
 *         (i64.mul (i64.extend_i32_u (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14))))
 *                  (i64.extend_i32_u (local.get $n)))
 *         (i64.const 32))) (i32.const 2))))
 *       (i32.store (local.get $addr) (i32.add (i32.load (local.get $addr)) (i32.const 1)))
 *       (br_if $draw (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))
 *   (local.get $state))
 *
 * ;; the prompts drawn at least once, ascending: idx[m] = p, ws[m] = counts[p]; counts zeroed
 * (func $compact (param $counts i32) (param $n i32) (param $idx i32) (param $ws i32)
 *   (result i32) (local $p i32) (local $m i32) (local $c i32)
 *   (block $none (br_if $none (i32.eqz (local.get $n)))
 *     (loop $prompt
 *       (local.set $c (i32.load (i32.add (local.get $counts) (i32.shl (local.get $p) (i32.const 2)))))
 *       (i32.store (i32.add (local.get $idx) (i32.shl (local.get $m) (i32.const 2))) (local.get $p))
 *       (f64.store (i32.add (local.get $ws) (i32.shl (local.get $m) (i32.const 3)))
 *                  (f64.convert_i32_u (local.get $c)))
 *       (i32.store (i32.add (local.get $counts) (i32.shl (local.get $p) (i32.const 2))) (i32.const 0))
 *       (local.set $m (i32.add (local.get $m) (i32.ne (local.get $c) (i32.const 0))))
 *       (br_if $prompt (i32.ne (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $n)))))
 *   (local.get $m))
 *
 * ;; out[l] = sum over entries i, in order, of ws[i] * rows[idx[i]][l], for `blocks` blocks of
 * ;; 2K layers (K = 8: $accumulate16, K = 4: $accumulate8); $a0 .. $a(K-1) hold two layers each
 * (func $accumulate16 (param $rows i32) (param $rowBytes i32) (param $idx i32) (param $ws i32)
 *   (param $m i32) (param $blocks i32) (param $out i32)
 *   (local $i i32) (local $row i32) (local $w v128) (local $a0 v128) ... (local $a7 v128)
 *   (block $none (br_if $none (i32.eqz (local.get $blocks)))
 *     (loop $block
 *       (local.set $a0 (v128.const i64x2 0 0)) ... (local.set $a7 (v128.const i64x2 0 0))
 *       (local.set $i (i32.const 0))
 *       (block $empty (br_if $empty (i32.eqz (local.get $m)))
 *         (loop $entry
 *           (local.set $row (i32.add (i32.mul (i32.load (i32.add (local.get $idx) (local.get $i)))
 *                                             (local.get $rowBytes)) (local.get $rows)))
 *           (local.set $w (v128.load64_splat (i32.add (local.get $ws) (i32.shl (local.get $i) (i32.const 1)))))
 *           (local.set $a0 (f64x2.add (local.get $a0)
 *             (f64x2.mul (local.get $w) (v128.load offset=0 (local.get $row)))))
 *           ... $a7 with offset=112
 *           (br_if $entry (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4)))
 *                                 (i32.shl (local.get $m) (i32.const 2))))))
 *       (v128.store offset=0 (local.get $out) (local.get $a0)) ... $a7 at offset=112
 *       (local.set $out (i32.add (local.get $out) (i32.const 128)))
 *       (local.set $rows (i32.add (local.get $rows) (i32.const 128)))
 *       (br_if $block (local.tee $blocks (i32.sub (local.get $blocks) (i32.const 1)))))))
 *
 * ;; weighted mean and sample variance (ddof 1) of row[idx[i]], NaN skipped (prompt_matrix.ts'
 * ;; rowMean and rowVariance): out[0] = mean, out[1] = variance
 * (func $moments (param $row i32) (param $idx i32) (param $ws i32) (param $m i32) (param $out i32)
 *   (local $i i32) (local $x f64) (local $w f64) (local $sum f64) (local $n f64) (local $mean f64)
 *   (local $ss f64) (local $d f64)
 *   ;; pass 1: sum += ok ? w * x : 0; n += ok ? w : 0 (ok: x == x)
 *   ;; mean = n > 0 ? sum / n : NaN
 *   ;; pass 2: d = x - mean; ss += ok ? (w * d) * d : 0
 *   ;; out[1] = n > 1 ? ss / (n - 1) : NaN
 *   ...)
 *
 * ;; sum over i < n of f64(counts[i]) * values[i], in order; counts zeroed
 * (func $weightedSum (param $values i32) (param $counts i32) (param $n i32) (result f64) ...)
 * ```
 * @module
 */
import { ins as I } from "./wasm_instructions.ts";
import { type WasmFunction, wasmModule } from "./wasm_encoding.ts";

/** A loop over a counter local from 0 to the value of `end` (stepping by `step`; skipped when 0). */
function countedLoop(counter: number, end: number[], step: number, body: number[]): number[] {
  return [
    ...I.i32(0),
    ...I.set(counter),
    ...I.block,
    ...end,
    ...I.i32Eqz,
    ...I.brIf(0),
    ...I.loop,
    ...body,
    ...I.get(counter),
    ...I.i32(step),
    ...I.i32Add,
    ...I.tee(counter),
    ...end,
    ...I.i32Ne,
    ...I.brIf(0),
    ...I.end,
    ...I.end,
  ];
}

const DRAWS: WasmFunction = {
  name: "draws",
  params: ["i32", "i32", "i32", "i32"], // state, n, count, counts
  results: ["i32"],
  locals: ["i32", "i32"], // addr, t
  body: [
    ...I.block,
    ...I.get(2),
    ...I.i32Eqz,
    ...I.brIf(0),
    ...I.loop,
    ...I.get(0),
    ...I.i32(0x6d2b79f5),
    ...I.i32Add,
    ...I.tee(0),
    ...I.get(0),
    ...I.i32(15),
    ...I.i32ShrU,
    ...I.i32Xor,
    ...I.get(0),
    ...I.i32(1),
    ...I.i32Or,
    ...I.i32Mul,
    ...I.set(5),
    ...I.get(5),
    ...I.get(5),
    ...I.get(5),
    ...I.i32(7),
    ...I.i32ShrU,
    ...I.get(5),
    ...I.i32Xor,
    ...I.get(5),
    ...I.i32(61),
    ...I.i32Or,
    ...I.i32Mul,
    ...I.i32Add,
    ...I.i32Xor,
    ...I.set(5),
    ...I.get(5),
    ...I.get(5),
    ...I.i32(14),
    ...I.i32ShrU,
    ...I.i32Xor,
    ...I.i64ExtendI32U,
    ...I.get(1),
    ...I.i64ExtendI32U,
    ...I.i64Mul,
    ...I.i64(32),
    ...I.i64ShrU,
    ...I.i32WrapI64,
    ...I.i32(2),
    ...I.i32Shl,
    ...I.get(3),
    ...I.i32Add,
    ...I.tee(4),
    ...I.get(4),
    ...I.i32Load(),
    ...I.i32(1),
    ...I.i32Add,
    ...I.i32Store(),
    ...I.get(2),
    ...I.i32(1),
    ...I.i32Sub,
    ...I.tee(2),
    ...I.brIf(0),
    ...I.end,
    ...I.end,
    ...I.get(0),
  ],
};

const COMPACT: WasmFunction = {
  name: "compact",
  params: ["i32", "i32", "i32", "i32"], // counts, n, idx, ws
  results: ["i32"],
  locals: ["i32", "i32", "i32"], // p, m, c
  body: [
    ...countedLoop(4, I.get(1), 1, [
      ...I.get(0),
      ...I.get(4),
      ...I.i32(2),
      ...I.i32Shl,
      ...I.i32Add,
      ...I.i32Load(),
      ...I.set(6),
      ...I.get(2),
      ...I.get(5),
      ...I.i32(2),
      ...I.i32Shl,
      ...I.i32Add,
      ...I.get(4),
      ...I.i32Store(),
      ...I.get(3),
      ...I.get(5),
      ...I.i32(3),
      ...I.i32Shl,
      ...I.i32Add,
      ...I.get(6),
      ...I.f64ConvertI32U,
      ...I.f64Store(),
      ...I.get(0),
      ...I.get(4),
      ...I.i32(2),
      ...I.i32Shl,
      ...I.i32Add,
      ...I.i32(0),
      ...I.i32Store(),
      ...I.get(5),
      ...I.get(6),
      ...I.i32(0),
      ...I.i32Ne,
      ...I.i32Add,
      ...I.set(5),
    ]),
    ...I.get(5),
  ],
};

/** $accumulate{2K}: blocks of 2K layers, K accumulators of two lanes. */
function accumulate(K: number): WasmFunction {
  // params: 0 rows, 1 rowBytes, 2 idx, 3 ws, 4 m, 5 blocks, 6 out; locals: 7 i, 8 row, 9 w, 10.. a
  const a = (k: number) => 10 + k;
  const zero = Array.from({ length: K }, (_, k) => [...I.v128Zero, ...I.set(a(k))]).flat();
  const update = Array.from({ length: K }, (_, k) => [
    ...I.get(a(k)),
    ...I.get(9),
    ...I.get(8),
    ...I.v128Load(16 * k),
    ...I.f64x2Mul,
    ...I.f64x2Add,
    ...I.set(a(k)),
  ]).flat();
  const store = Array.from({ length: K }, (_, k) => [
    ...I.get(6),
    ...I.get(a(k)),
    ...I.v128Store(16 * k),
  ]).flat();
  const entry = [
    ...I.get(2),
    ...I.get(7),
    ...I.i32Add,
    ...I.i32Load(),
    ...I.get(1),
    ...I.i32Mul,
    ...I.get(0),
    ...I.i32Add,
    ...I.set(8),
    ...I.get(3),
    ...I.get(7),
    ...I.i32(1),
    ...I.i32Shl,
    ...I.i32Add,
    ...I.v128Load64Splat(),
    ...I.set(9),
    ...update,
  ];
  const advance = (
    local: number,
  ) => [...I.get(local), ...I.i32(16 * K), ...I.i32Add, ...I.set(local)];
  return {
    name: `accumulate${2 * K}`,
    params: ["i32", "i32", "i32", "i32", "i32", "i32", "i32"],
    results: [],
    locals: ["i32", "i32", "v128", ...Array<"v128">(K).fill("v128")],
    body: [
      ...I.block,
      ...I.get(5),
      ...I.i32Eqz,
      ...I.brIf(0),
      ...I.loop,
      ...zero,
      ...countedLoop(7, [...I.get(4), ...I.i32(2), ...I.i32Shl], 4, entry),
      ...store,
      ...advance(6),
      ...advance(0),
      ...I.get(5),
      ...I.i32(1),
      ...I.i32Sub,
      ...I.tee(5),
      ...I.brIf(0),
      ...I.end,
      ...I.end,
    ],
  };
}

// $moments locals: 5 i, 6 x, 7 w, 8 sum, 9 n, 10 mean, 11 ss, 12 d
const LOAD_ENTRY = [
  ...I.get(2),
  ...I.get(5),
  ...I.i32(1),
  ...I.i32Shl,
  ...I.i32Add,
  ...I.f64Load(),
  ...I.set(7),
  ...I.get(1),
  ...I.get(5),
  ...I.i32Add,
  ...I.i32Load(),
  ...I.i32(3),
  ...I.i32Shl,
  ...I.get(0),
  ...I.i32Add,
  ...I.f64Load(),
  ...I.set(6),
];
const IF_PRESENT = [...I.f64(0), ...I.get(6), ...I.get(6), ...I.f64Eq, ...I.select];
const M_BYTES = [...I.get(3), ...I.i32(2), ...I.i32Shl];
const orNaN = (value: number[], n: number, above: number) => [
  ...value,
  ...I.f64(NaN),
  ...I.get(n),
  ...I.f64(above),
  ...I.f64Gt,
  ...I.select,
];

const MOMENTS: WasmFunction = {
  name: "moments",
  params: ["i32", "i32", "i32", "i32", "i32"], // row, idx, ws, m, out
  results: [],
  locals: ["i32", "f64", "f64", "f64", "f64", "f64", "f64", "f64"],
  body: [
    ...countedLoop(5, M_BYTES, 4, [
      ...LOAD_ENTRY,
      ...I.get(8),
      ...I.get(7),
      ...I.get(6),
      ...I.f64Mul,
      ...IF_PRESENT,
      ...I.f64Add,
      ...I.set(8),
      ...I.get(9),
      ...I.get(7),
      ...IF_PRESENT,
      ...I.f64Add,
      ...I.set(9),
    ]),
    ...orNaN([...I.get(8), ...I.get(9), ...I.f64Div], 9, 0),
    ...I.set(10),
    ...countedLoop(5, M_BYTES, 4, [
      ...LOAD_ENTRY,
      ...I.get(6),
      ...I.get(10),
      ...I.f64Sub,
      ...I.set(12),
      ...I.get(11),
      ...I.get(7),
      ...I.get(12),
      ...I.f64Mul,
      ...I.get(12),
      ...I.f64Mul,
      ...IF_PRESENT,
      ...I.f64Add,
      ...I.set(11),
    ]),
    ...I.get(4),
    ...I.get(10),
    ...I.f64Store(0),
    ...I.get(4),
    ...orNaN([...I.get(11), ...I.get(9), ...I.f64(1), ...I.f64Sub, ...I.f64Div], 9, 1),
    ...I.f64Store(8),
  ],
};

const WEIGHTED_SUM: WasmFunction = {
  name: "weightedSum",
  params: ["i32", "i32", "i32"], // values, counts, n
  results: ["f64"],
  locals: ["i32", "f64"], // i (bytes of counts), sum
  body: [
    ...countedLoop(3, [...I.get(2), ...I.i32(2), ...I.i32Shl], 4, [
      ...I.get(4),
      ...I.get(1),
      ...I.get(3),
      ...I.i32Add,
      ...I.i32Load(),
      ...I.f64ConvertI32U,
      ...I.get(0),
      ...I.get(3),
      ...I.i32(1),
      ...I.i32Shl,
      ...I.i32Add,
      ...I.f64Load(),
      ...I.f64Mul,
      ...I.f64Add,
      ...I.set(4),
      ...I.get(1),
      ...I.get(3),
      ...I.i32Add,
      ...I.i32(0),
      ...I.i32Store(),
    ]),
    ...I.get(4),
  ],
};

/** The module's bytes. */
export const RESAMPLE_WASM: Uint8Array<ArrayBuffer> = wasmModule(
  [DRAWS, COMPACT, accumulate(8), accumulate(4), MOMENTS, WEIGHTED_SUM],
  1,
);
