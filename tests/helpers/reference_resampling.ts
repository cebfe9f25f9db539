/**
 * Test helper: the straightforward resampling code the kernels replace (as lib/stats had it
 * before them): a full weight vector per resample, every layer's weighted sum over every prompt,
 * d3's maxIndex, rowMean / rowVariance. The fast paths must give these results bit for bit.
 */
import { maxIndex, quantileSorted } from "d3-array";
import { resampleWeights } from "../../lib/stats/bootstrap.ts";
import { mean } from "../../lib/stats/describe.ts";
import {
  layerDeltas,
  type PromptMatrix,
  strengthMean,
  strengthVariance,
} from "../../lib/stats/prompt_matrix.ts";
import { seededRandom } from "../../lib/util/random.ts";

/** percentileInterval as it was: NaN dropped, sorted by a - b, d3's quantileSorted. */
export function referencePercentiles(values: Float64Array, level = 0.95): [number, number] {
  const sorted = Array.from(values.filter((v) => !Number.isNaN(v))).sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail) ?? NaN, quantileSorted(sorted, 1 - tail) ?? NaN];
}

/** bootstrapBestLayer's result, computed the straightforward way. */
export function referenceBootstrap(matrix: PromptMatrix, resamples: number, seed: number) {
  const P = matrix.prompts.length, rand = seededRandom(seed);
  const best = maxIndex(layerDeltas(matrix, new Float64Array(P).fill(1)));
  const deltas = new Float64Array(resamples), ds = new Float64Array(resamples);
  const weights = new Float64Array(P);
  let same = 0;
  for (let b = 0; b < resamples; b++) {
    resampleWeights(P, rand, weights);
    const layerDelta = layerDeltas(matrix, weights);
    const l = maxIndex(layerDelta);
    if (l === best) same++;
    deltas[b] = l < 0 ? NaN : layerDelta[l];
    const pooled = Math.sqrt(
      (strengthVariance(matrix, "positive", l, weights) +
        strengthVariance(matrix, "negative", l, weights)) / 2,
    );
    const diff = strengthMean(matrix, "positive", l, weights) -
      strengthMean(matrix, "negative", l, weights);
    ds[b] = pooled > 0 ? diff / pooled : NaN;
  }
  return {
    layer: best < 0 ? NaN : matrix.layers[best],
    ci: referencePercentiles(deltas),
    stability: same / resamples,
    cohensDCi: referencePercentiles(ds),
    deltas,
  };
}

/** splitHalfDelta, computed the straightforward way. */
export function referenceSplitHalf(matrix: PromptMatrix, splits: number, seed: number): number {
  const P = matrix.prompts.length;
  if (P < 2) return NaN;
  const rand = seededRandom(seed);
  const order = Int32Array.from({ length: P }, (_, i) => i);
  const a = new Float64Array(P), b = new Float64Array(P);
  const estimates: number[] = [];
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
    const bestA = maxIndex(deltaA), bestB = maxIndex(deltaB);
    if (bestA >= 0 && bestB >= 0) estimates.push((deltaB[bestA] + deltaA[bestB]) / 2);
  }
  return mean(estimates);
}

/** A complete matrix (difference set) from +1 and -1 values, layer by prompt. */
export function completeMatrix(
  layers: number[],
  prompts: number,
  positive: number[],
  negative: number[],
): PromptMatrix {
  const pos = Float64Array.from(positive), neg = Float64Array.from(negative);
  return {
    model: "4B",
    concept: "a",
    layers: Int32Array.from(layers),
    prompts: Int32Array.from({ length: prompts }, (_, p) => p),
    positive: pos,
    negative: neg,
    baseline: new Float64Array(pos.length),
    difference: pos.map((x, i) => x - neg[i]),
  };
}
