/**
 * A run's differences (+1 minus -1) laid out prompt by prompt in the kernels' memory, so a
 * resample's layer sums are the drawn prompts' rows added up (`resample_wasm.ts`): the layers
 * (padded to a multiple of 8) in blocks of 16 (the last of 8), and each block a contiguous
 * vector of its layers per prompt (a block is read from cache for many resamples in turn).
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

/** The most the kernels' memory holds for one run (well inside wasm32's 4 GiB). */
const MAX_BYTES = 2 ** 31;

/** Bytes of a layout with the +1 and -1 rows and 16 lists (the bootstrap's, the largest). */
const layoutBytes = (L: number, P: number) => P * (Math.ceil(L / 8) * 8 * 8 + L * 16 + 16 * 12 + 8);

/**
 * Whether the kernels apply: differences present and finite, no repeated cells, some layers,
 * between 1 and 2^21 prompts, and a layout under 2 GiB.
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
  const L = matrix.layers.length;
  if (!d || matrix.repeated || P < 1 || P >= MAX_PROMPTS || L < 1) return false;
  if (layoutBytes(L, P) > MAX_BYTES) return false;
  for (let i = 0; i < d.length; i++) {
    if (d[i] - d[i] !== 0) return false; // NaN or infinite
  }
  return true;
}

/** Regions of a difference layout. */
export type Region =
  | "rows"
  | "pairs"
  | "counts"
  | "order"
  | "idx"
  | "ws"
  | "sums"
  | "moments";

/** The differences in the kernels' memory, with scratch regions for `lists` weighted lists. */
export interface DifferenceLayout {
  layout: KernelLayout<Region>;
  /** Layers and prompts. */
  L: number;
  P: number;
  /** Layers per row (L rounded up to a multiple of 8). */
  stride: number;
  /** How many lists of weighted prompts the regions hold (`idx`, `ws` and `sums`). */
  lists: number;
}

/**
 * Copies a complete matrix's differences prompt by prompt into the kernels' memory (with the +1
 * and -1 values when `withRows`, for Cohen's d: `pairs`, (+1, -1) by layer then prompt), with room for `lists` lists of weighted
 * prompts (list r: prompt indices at `idx + 4 P r`, weights at `ws + 8 P r`, layer sums at
 * `sums + 8 stride r`; with `withOrder`, room for a shuffle of the prompts). Zeroes the counts
 * and sets every weight to 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * if (!kernelReady(m)) throw new Error("complete");
 * const { layout, stride } = differenceLayout(m, false, 1);
 * assert.equal(stride, 32); // 25 layers padded to 32
 * const rows = layout.f64("rows", m.prompts.length * stride);
 * assert.equal(rows[5 * 16 + 2], m.difference[2 * 40 + 5]); // layers 0-15: prompt 5, layer 2
 * assert.equal(rows[16 * 40 + 5 * 16 + 1], m.difference[17 * 40 + 5]); // layers 16-31
 * ```
 */
export function differenceLayout(
  matrix: CompleteMatrix,
  withRows: boolean,
  lists: number,
  withOrder = false,
): DifferenceLayout {
  const L = matrix.layers.length, P = matrix.prompts.length, stride = Math.ceil(L / 8) * 8;
  const cells = withRows ? L * P * 16 : 0;
  const layout = kernelLayout<Region>({
    rows: P * stride * 8,
    pairs: cells,
    counts: P * 4,
    order: withOrder ? P * 4 : 0,
    idx: lists * P * 4,
    ws: lists * P * 8,
    sums: lists * stride * 8,
    moments: 96,
  });
  const rows = layout.f64("rows", P * stride), d = matrix.difference;
  rows.fill(0);
  for (let l = 0; l < L; l++) {
    const block = blockOf(l, stride), base = block.first * P, at = l - block.first;
    for (let p = 0, i = l * P; p < P; p++, i++) rows[base + p * block.width + at] = d[i];
  }
  if (withRows) {
    const pairs = layout.f64("pairs", 2 * L * P);
    for (let i = 0; i < L * P; i++) {
      pairs[2 * i] = matrix.positive[i];
      pairs[2 * i + 1] = matrix.negative[i];
    }
  }
  layout.i32("counts", P).fill(0);
  layout.f64("ws", lists * P).fill(1);
  return { layout, L, P, stride, lists };
}

/**
 * The layer sums of the first `sizes.length` lists (list r: its `sizes[r]` prompt indices,
 * ascending, and weights): per layer, each prompt's weight times its difference added in prompt
 * order (the same operations as `layerDeltas`' sums, without the prompts of weight 0). Block by
 * block of layers, every list in turn, so a block of the differences is read from cache once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * if (!kernelReady(m)) throw new Error("complete");
 * const target = differenceLayout(m, false, 2);
 * const idx = target.layout.i32("idx", 80);
 * for (let p = 0; p < 40; p++) idx[p] = p; // list 0: every prompt once
 * idx[40] = 7; // list 1: prompt 7 alone
 * layerSums(target, [40, 1]);
 * const sums = target.layout.f64("sums", 2 * target.stride);
 * assert.ok(Math.abs(sums[m.layers.indexOf(18)] / 40 - 14.011423444747924) < 1e-12);
 * assert.equal(sums[target.stride + 3], m.difference[3 * 40 + 7]);
 * ```
 */
export function layerSums(target: DifferenceLayout, sizes: ArrayLike<number>): void {
  const { layout: { kernels: k, offsets: o }, stride, P } = target;
  for (let first = 0; first < stride; first += 16) {
    const { width } = blockOf(first, stride), rows = o.rows + first * P * 8;
    for (let r = 0; r < sizes.length; r++) {
      const idx = o.idx + r * P * 4, ws = o.ws + r * P * 8, out = o.sums + (r * stride + first) * 8;
      if (width === 16) k.accumulate16(rows, 128, idx, ws, sizes[r], 1, out);
      else k.accumulate8(rows, 64, idx, ws, sizes[r], 1, out);
    }
  }
}

/** The block of layers holding layer index `l`: 16 layers, or the last 8 of a stride. */
function blockOf(l: number, stride: number): { first: number; width: number } {
  const first = l - (l % 16);
  return { first, width: stride - first >= 16 ? 16 : 8 };
}

/**
 * The index of the first largest of `values[0..n)`, NaN skipped (d3's `maxIndex`); -1 if none.
 * With a `mask` (`candidates.ts`' `layerMask`), only the indices where it is 1 count: the
 * sums stay whole, and the choice is among the candidate layers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(firstMaxIndex(Float64Array.from([NaN, 2, 5, 5, 1]), 5), 2);
 * assert.equal(firstMaxIndex(Float64Array.from([1, 9]), 1), 0); // only the first n count
 * assert.equal(firstMaxIndex(Float64Array.from([NaN]), 1), -1);
 * const mask = Uint8Array.from([1, 1, 0, 0, 1]); // indices 2 and 3 are no candidates
 * assert.equal(firstMaxIndex(Float64Array.from([NaN, 2, 5, 5, 1]), 5, mask), 1);
 * assert.equal(firstMaxIndex(Float64Array.from([4, 5]), 2, new Uint8Array(2)), -1); // none
 * ```
 */
export function firstMaxIndex(values: Float64Array, n: number, mask?: Uint8Array): number {
  if (mask) return firstMaxAmong(values, n, mask);
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

/** {@link firstMaxIndex} among the indices where `mask` is 1. */
function firstMaxAmong(values: Float64Array, n: number, mask: Uint8Array): number {
  let best = -1, max = NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (mask[i] === 1 && (v > max || (best < 0 && v === v))) {
      max = v;
      best = i;
    }
  }
  return best;
}
