/**
 * Split-half best layer: choose the layer on half the prompts and measure its delta on the other
 * half, so the estimate is free of the selection's optimism. The layer is chosen among the
 * candidate layers when given (`candidates.ts`).
 * @module
 */
import { seededRandom } from "../util/random.ts";
import { layerMask } from "./candidates.ts";
import { mean } from "./describe.ts";
import {
  type CompleteMatrix,
  differenceLayout,
  firstMaxIndex,
  kernelReady,
  layerSums,
} from "./difference_layout.ts";
import { layerDeltas, type PromptMatrix } from "./prompt_matrix.ts";

/** Options of {@link splitHalfDelta}. */
export interface SplitHalfOptions {
  /** Random splits to average over (default 200). */
  splits?: number;
  seed?: number;
  /**
   * The candidate layers (layer numbers): each half's best layer is chosen among them
   * (`candidates.ts`). Every layer when undefined.
   */
  layers?: readonly number[];
}

/**
 * The held-out delta: for each random split of the prompts into halves A and B, the delta on B at
 * the best layer of A, and on A at the best layer of B, averaged; then averaged over splits. The
 * best layers are chosen among the candidate `layers` when given (NaN when none is in the run).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const m = promptMatrix(await loadRun(dir, "4B", "corrigible"));
 * const heldOut = splitHalfDelta(m, { splits: 20, seed: 1 });
 * assert.ok(heldOut <= 14.0114234448); // about the full-data best delta, not above it
 * assert.ok(heldOut > 13);
 * const deep = splitHalfDelta(m, { splits: 20, seed: 1, layers: [30, 31, 32, 33, 34, 35] });
 * assert.ok(deep < heldOut); // chosen among the deep layers only: a smaller effect
 * assert.ok(Number.isNaN(splitHalfDelta(m, { splits: 20, layers: [] }))); // nothing to choose
 * ```
 */
export function splitHalfDelta(matrix: PromptMatrix, options: SplitHalfOptions = {}): number {
  const P = matrix.prompts.length;
  if (P < 2) return NaN;
  const splits = options.splits ?? 200, seed = options.seed ?? 1;
  const mask = layerMask(matrix.layers, options.layers);
  if (mask && !mask.includes(1)) return NaN;
  const estimates: number[] = [];
  const record = ([bestA, bestB, deltaAtBestA, deltaAtBestB]: Split) => {
    if (bestA >= 0 && bestB >= 0) estimates.push((deltaAtBestA + deltaAtBestB) / 2);
  };
  if (kernelReady(matrix)) kernelSplits(matrix, splits, seed, mask, record);
  else plainSplits(matrix, splits, seed, mask, record);
  return mean(estimates);
}

/**
 * One split's outcome: the best layer index of half A and of half B, the delta on B at A's
 * best layer and on A at B's.
 */
type Split = [number, number, number, number];

/**
 * The splits of any matrix: shuffles of the prompts (the first floor(P / 2) are half A); each
 * half's best layer among the layers of `mask` (all without one).
 */
function plainSplits(
  matrix: PromptMatrix,
  splits: number,
  seed: number,
  mask: Uint8Array | undefined,
  record: (split: Split) => void,
): void {
  const P = matrix.prompts.length, rand = seededRandom(seed);
  const order = Int32Array.from({ length: P }, (_, i) => i);
  const a = new Float64Array(P), b = new Float64Array(P);
  for (let s = 0; s < splits; s++) {
    for (let i = P - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let i = 0; i < P; i++) {
      const inA = i < Math.floor(P / 2) ? 1 : 0;
      a[order[i]] = inA;
      b[order[i]] = 1 - inA;
    }
    const deltaA = layerDeltas(matrix, a), deltaB = layerDeltas(matrix, b);
    const bestA = firstMaxIndex(deltaA, deltaA.length, mask);
    const bestB = firstMaxIndex(deltaB, deltaB.length, mask);
    record([bestA, bestB, deltaB[bestA], deltaA[bestB]]);
  }
}

/** Splits shuffled, then summed, together (a block of the differences read once for all). */
const BATCH = 8;

/**
 * The splits of a complete matrix with the kernels: the same shuffles (mulberry32 from `seed`)
 * and the same sums, over each half's prompts only.
 */
function kernelSplits(
  matrix: CompleteMatrix,
  splits: number,
  seed: number,
  mask: Uint8Array | undefined,
  record: (split: Split) => void,
): void {
  const target = differenceLayout(matrix, false, 2 * BATCH, true);
  const { layout: { kernels: k, offsets: o }, L, P, stride } = target;
  const half = Math.floor(P / 2);
  const sizes = Int32Array.from({ length: 2 * BATCH }, (_, i) => i % 2 ? P - half : half);
  const deltaA = new Float64Array(L), deltaB = new Float64Array(L);
  target.layout.i32("order", P).set(Int32Array.from({ length: P }, (_, i) => i));
  let state = seed >>> 0;
  for (let first = 0; first < splits; first += BATCH) {
    const n = Math.min(BATCH, splits - first);
    for (let s = 0; s < n; s++) { // split s: half A in list 2 s, half B in list 2 s + 1
      state = k.shuffle(state, o.order, P);
      k.halves(o.order, P, half, o.counts, o.idx + 2 * s * P * 4);
    }
    layerSums(target, sizes.subarray(0, 2 * n));
    const sums = target.layout.f64("sums", 2 * n * stride);
    for (let s = 0; s < n; s++) {
      for (let l = 0; l < L; l++) {
        deltaA[l] = sums[2 * s * stride + l] / half; // each half's weights (all 1) add up to its size
        deltaB[l] = sums[(2 * s + 1) * stride + l] / (P - half);
      }
      const bestA = firstMaxIndex(deltaA, L, mask), bestB = firstMaxIndex(deltaB, L, mask);
      record([bestA, bestB, deltaB[bestA], deltaA[bestB]]);
    }
  }
}
