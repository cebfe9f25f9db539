/**
 * A run's differences (+1 minus -1) laid out prompt by prompt in the kernels' memory, so a
 * resample's layer sums are the drawn prompts' rows added up (`resample_wasm.ts`): one
 * contiguous vector of layers per prompt, padded to a multiple of 8 layers.
 *
 * Only complete matrices take this path (every cell single, both strengths everywhere, finite:
 * then skipping the prompts of weight 0 changes no sum). Others keep the straightforward code.
 * @module
 */
import { type KernelLayout, kernelLayout } from "./resample_kernels.ts";
import type { PromptMatrix } from "./prompt_matrix.ts";

/** A matrix the kernels compute exactly as the straightforward code. */
export type CompleteMatrix = PromptMatrix & { difference: Float64Array };

/** Prompts beyond which (x * n) >> 32 could differ from floor(x / 2^32 * n) in doubles. */
export const MAX_PROMPTS = 2 ** 21;

/**
 * Whether the kernels apply: differences present and finite, no repeated cells, some layers,
 * and between 1 and 2^21 prompts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * assert.ok(kernelReady(m));
 * assert.ok(!kernelReady({ ...m, difference: undefined }));
 * ```
 */
export function kernelReady(matrix: PromptMatrix): matrix is CompleteMatrix {
  const d = matrix.difference, P = matrix.prompts.length;
  if (!d || matrix.repeated || P < 1 || P >= MAX_PROMPTS || matrix.layers.length < 1) return false;
  for (let i = 0; i < d.length; i++) {
    if (d[i] - d[i] !== 0) return false; // NaN or infinite
  }
  return true;
}

/** Regions of a difference layout. */
export type Region =
  | "rows"
  | "positive"
  | "negative"
  | "counts"
  | "idx"
  | "idx2"
  | "ws"
  | "sums"
  | "sums2"
  | "moments";

/** The differences in the kernels' memory, with scratch regions for one computation. */
export interface DifferenceLayout {
  layout: KernelLayout<Region>;
  /** Layers and prompts. */
  L: number;
  P: number;
  /** Layers per row (L rounded up to a multiple of 8). */
  stride: number;
}

/**
 * Copies a complete matrix's differences prompt by prompt into the kernels' memory (with the +1
 * and -1 matrices when `withRows`, for Cohen's d), zeroes the counts and sets every weight of
 * `ws` to 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * if (!kernelReady(m)) throw new Error("complete");
 * const { layout, stride } = differenceLayout(m, false);
 * assert.equal(stride, 32); // 25 layers padded to 32
 * const rows = layout.f64("rows", m.prompts.length * stride);
 * assert.equal(rows[5 * stride + 2], m.difference[2 * 40 + 5]); // prompt 5, layer index 2
 * ```
 */
export function differenceLayout(matrix: CompleteMatrix, withRows: boolean): DifferenceLayout {
  const L = matrix.layers.length, P = matrix.prompts.length, stride = Math.ceil(L / 8) * 8;
  const cells = withRows ? L * P * 8 : 0;
  const layout = kernelLayout<Region>({
    rows: P * stride * 8,
    positive: cells,
    negative: cells,
    counts: P * 4,
    idx: P * 4,
    idx2: P * 4,
    ws: P * 8,
    sums: stride * 8,
    sums2: stride * 8,
    moments: 32,
  });
  const rows = layout.f64("rows", P * stride), d = matrix.difference;
  rows.fill(0);
  for (let l = 0; l < L; l++) {
    for (let p = 0, i = l * P; p < P; p++, i++) rows[p * stride + l] = d[i];
  }
  if (withRows) {
    layout.f64("positive", L * P).set(matrix.positive);
    layout.f64("negative", L * P).set(matrix.negative);
  }
  layout.i32("counts", P).fill(0);
  layout.f64("ws", P).fill(1);
  return { layout, L, P, stride };
}

/**
 * The sums over the `m` entries of `idx` (prompt indices, ascending) and `ws` (weights) of each
 * layer's differences, each prompt's weight times its difference added in prompt order (the
 * same operations as `layerDeltas`' sums). Returns a view of `out` (valid until the next call).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * if (!kernelReady(m)) throw new Error("complete");
 * const target = differenceLayout(m, false);
 * target.layout.i32("idx", 40).set(Array.from({ length: 40 }, (_, p) => p)); // every prompt once
 * const sums = layerSums(target, "idx", 40, "sums");
 * assert.ok(Math.abs(sums[m.layers.indexOf(18)] / 40 - 14.011423444747924) < 1e-12);
 * ```
 */
export function layerSums(
  target: DifferenceLayout,
  idx: "idx" | "idx2",
  m: number,
  out: "sums" | "sums2",
): Float64Array {
  const { layout: { kernels: k, offsets: o }, stride } = target;
  const wide = Math.floor(stride / 16), rowBytes = stride * 8;
  k.accumulate16(o.rows, rowBytes, o[idx], o.ws, m, wide, o[out]);
  if (stride % 16) {
    k.accumulate8(o.rows + wide * 128, rowBytes, o[idx], o.ws, m, 1, o[out] + wide * 128);
  }
  return target.layout.f64(out, stride);
}

/**
 * The index of the first largest of `values[0..n)`, NaN skipped (d3's `maxIndex`); -1 if none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(firstMaxIndex(Float64Array.from([NaN, 2, 5, 5, 1]), 5), 2);
 * assert.equal(firstMaxIndex(Float64Array.from([1, 9]), 1), 0); // only the first n count
 * assert.equal(firstMaxIndex(Float64Array.from([NaN]), 1), -1);
 * ```
 */
export function firstMaxIndex(values: Float64Array, n: number): number {
  let best = -1, max = NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > max || (best < 0 && v === v)) {
      max = v;
      best = i;
    }
  }
  return best;
}
