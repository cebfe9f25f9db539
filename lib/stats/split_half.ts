/**
 * Split-half best layer: choose the layer on half the prompts and measure its delta on the other
 * half, so the estimate is free of the selection's optimism.
 * @module
 */
import { maxIndex } from "d3-array";
import { seededRandom } from "../util/random.ts";
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
}

/**
 * The held-out delta: for each random split of the prompts into halves A and B, the delta on B at
 * the best layer of A, and on A at the best layer of B, averaged; then averaged over splits.
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
 * ```
 */
export function splitHalfDelta(matrix: PromptMatrix, options: SplitHalfOptions = {}): number {
  const P = matrix.prompts.length;
  if (P < 2) return NaN;
  const rand = seededRandom(options.seed ?? 1);
  const order = Int32Array.from({ length: P }, (_, i) => i);
  const halves = kernelReady(matrix) ? kernelHalves(matrix) : plainHalves(matrix);
  const estimates: number[] = [];
  for (let s = 0; s < (options.splits ?? 200); s++) {
    for (let i = P - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const [bestA, bestB, deltaAtBestA, deltaAtBestB] = halves(order);
    if (bestA >= 0 && bestB >= 0) estimates.push((deltaAtBestA + deltaAtBestB) / 2);
  }
  return mean(estimates);
}

/**
 * Given a shuffle of the prompts (the first floor(P / 2) are half A): the best layer index of A
 * and of B, the delta on B at A's best layer and on A at B's.
 */
type Halves = (order: Int32Array) => [number, number, number, number];

/** Halves with the straightforward deltas (any matrix). */
function plainHalves(matrix: PromptMatrix): Halves {
  const P = matrix.prompts.length;
  const a = new Float64Array(P), b = new Float64Array(P);
  return (order) => {
    for (let i = 0; i < P; i++) {
      const inA = i < Math.floor(P / 2) ? 1 : 0;
      a[order[i]] = inA;
      b[order[i]] = 1 - inA;
    }
    const deltaA = layerDeltas(matrix, a), deltaB = layerDeltas(matrix, b);
    const bestA = maxIndex(deltaA), bestB = maxIndex(deltaB);
    return [bestA, bestB, deltaB[bestA], deltaA[bestB]];
  };
}

/** Halves with the kernels (complete matrices): the same sums, over each half's prompts only. */
function kernelHalves(matrix: CompleteMatrix): Halves {
  const target = differenceLayout(matrix, false);
  const { L, P } = target, half = Math.floor(P / 2);
  const inA = new Uint8Array(P), deltaA = new Float64Array(L), deltaB = new Float64Array(L);
  return (order) => {
    for (let i = 0; i < P; i++) inA[order[i]] = i < half ? 1 : 0;
    const idxA = target.layout.i32("idx", P), idxB = target.layout.i32("idx2", P);
    let mA = 0, mB = 0;
    for (let p = 0; p < P; p++) {
      if (inA[p]) idxA[mA++] = p;
      else idxB[mB++] = p;
    }
    const sumsA = layerSums(target, "idx", mA, "sums"),
      sumsB = layerSums(target, "idx2", mB, "sums2");
    for (let l = 0; l < L; l++) {
      deltaA[l] = sumsA[l] / mA; // each half's weights add up to its size
      deltaB[l] = sumsB[l] / mB;
    }
    const bestA = firstMaxIndex(deltaA, L), bestB = firstMaxIndex(deltaB, L);
    return [bestA, bestB, deltaB[bestA], deltaA[bestB]];
  };
}
