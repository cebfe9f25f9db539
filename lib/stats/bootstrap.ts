/**
 * Bootstrap over prompts of the best layer: the layer is chosen again inside every resample, so
 * the interval carries the selection's uncertainty too; among the candidate layers when given
 * (`candidates.ts`: the sums are unchanged, only the choice is masked).
 * @module
 */
import { quantileSorted } from "d3-array";
import { type Random, seededRandom } from "../util/random.ts";
import {
  type CompleteMatrix,
  type DifferenceLayout,
  differenceLayout,
  firstMaxIndex,
  kernelReady,
  layerSums,
} from "./difference_layout.ts";
import { layerMask } from "./candidates.ts";
import { drawCounts } from "./resample_kernels.ts";
import { layerDeltas, type PromptMatrix, strengthMean, strengthVariance } from "./prompt_matrix.ts";

/** Options of {@link bootstrapBestLayer}. */
export interface BootstrapOptions {
  /** Resamples (default 2,000). */
  resamples?: number;
  /** Seed of the resampling (default 1): the same seed gives the same result. */
  seed?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
  /**
   * The candidate layers (layer numbers): the best layer is chosen among them, on all prompts
   * and in every resample (`candidates.ts`). Every layer when undefined.
   */
  layers?: readonly number[];
}

/** What the bootstrap gives for one run. */
export interface BootstrapResult {
  /** Best layer on all prompts (among the candidates; NaN when none has a delta). */
  layer: number;
  /** Percentile interval of the best-layer delta. */
  ci: [number, number];
  /** Share of resamples whose best layer is `layer`. */
  stability: number;
  /** Percentile interval of Cohen's d at each resample's best layer. */
  cohensDCi: [number, number];
  /** Each resample's best-layer delta. */
  deltas: Float64Array;
}

/**
 * Repeat counts of a resample of `n` prompts drawn with replacement.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "../util/random.ts";
 * const weights = resampleWeights(3, seededRandom(1)); // how often each prompt is drawn
 * assert.equal(weights.length, 3);
 * assert.equal(weights.reduce((a, b) => a + b, 0), 3); // three draws with replacement
 * ```
 */
export function resampleWeights(n: number, rand: Random, out = new Float64Array(n)): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[Math.floor(rand() * n)]++;
  return out;
}

/**
 * A percentile interval of some values (linear interpolation, as numpy's default).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(percentileInterval(Float64Array.from([1, 2, 3, 4, 5]), 0.5), [2, 4]);
 * ```
 */
export function percentileInterval(values: Float64Array, level = 0.95): [number, number] {
  const present = values.filter((v) => !Number.isNaN(v));
  // a typed array sorts numerically (and fast), but puts -0 before 0, which `a - b` keeps in order
  const sorted = present.some((v) => Object.is(v, -0))
    ? Array.from(present).sort((a, b) => a - b)
    : present.sort() as unknown as number[]; // d3 reads only its length and elements
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail) ?? NaN, quantileSorted(sorted, 1 - tail) ?? NaN];
}

/**
 * Resamples prompts `resamples` times; in each, picks the layer of largest delta (among the
 * candidate `layers` when given) and records that delta and Cohen's d there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../sweep/load.ts";
 * import { promptMatrix } from "./prompt_matrix.ts";
 * const dir = "results/logit_diff_sweep/corrigible/Qwen_Qwen3_4B";
 * const b = bootstrapBestLayer(promptMatrix(await loadRun(dir, "4B", "corrigible")), {
 *   resamples: 200,
 *   seed: 1,
 * });
 * assert.equal(b.layer, 18);
 * assert.ok(b.ci[0] < 14.0114 && 14.0114 < b.ci[1]); // the interval holds the full-data delta
 * const deep = bootstrapBestLayer(promptMatrix(await loadRun(dir, "4B", "corrigible")), {
 *   resamples: 200,
 *   layers: [30, 31, 32, 33, 34, 35], // chosen among these only, in every resample
 * });
 * assert.ok(deep.layer >= 30 && deep.ci[1] < b.ci[0]); // a smaller effect there
 * ```
 */
export function bootstrapBestLayer(
  matrix: PromptMatrix,
  options: BootstrapOptions = {},
): BootstrapResult {
  const B = options.resamples ?? 2000, level = options.level ?? 0.95;
  const mask = layerMask(matrix.layers, options.layers);
  if (mask && !mask.includes(1)) return noCandidate(B);
  const all = layerDeltas(matrix, new Float64Array(matrix.prompts.length).fill(1));
  const best = firstMaxIndex(all, all.length, mask);
  const draws = kernelReady(matrix)
    ? resampleComplete(matrix, B, options.seed ?? 1, mask)
    : resampleAny(matrix, B, options.seed ?? 1, mask);
  let same = 0;
  for (const l of draws.layers) if (l === best) same++;
  return {
    layer: best < 0 ? NaN : matrix.layers[best],
    ci: percentileInterval(draws.deltas, level),
    stability: same / B,
    cohensDCi: percentileInterval(draws.ds, level),
    deltas: draws.deltas,
  };
}

/** The result when no layer of the matrix is a candidate: nothing chosen, nothing drawn. */
function noCandidate(B: number): BootstrapResult {
  return {
    layer: NaN,
    ci: [NaN, NaN],
    stability: NaN,
    cohensDCi: [NaN, NaN],
    deltas: new Float64Array(B).fill(NaN),
  };
}

/** Each resample's best layer index, its delta there and Cohen's d there. */
interface Resamples {
  layers: Int32Array;
  deltas: Float64Array;
  ds: Float64Array;
}

/** Cohen's d from the two strengths' weighted means and variances (NaN without spread). */
function cohensDOf(meanPos: number, varPos: number, meanNeg: number, varNeg: number): number {
  const pooled = Math.sqrt((varPos + varNeg) / 2);
  return pooled > 0 ? (meanPos - meanNeg) / pooled : NaN; // never an invented 0
}

/**
 * The resamples of any matrix (missing cells, repeated cells): the straightforward code. Each
 * resample's layer is the first largest delta among the layers of `mask` (all without one).
 */
function resampleAny(
  matrix: PromptMatrix,
  B: number,
  seed: number,
  mask: Uint8Array | undefined,
): Resamples {
  const P = matrix.prompts.length, rand = seededRandom(seed);
  const out = { layers: new Int32Array(B), deltas: new Float64Array(B), ds: new Float64Array(B) };
  const weights = new Float64Array(P);
  for (let b = 0; b < B; b++) {
    resampleWeights(P, rand, weights);
    const layerDelta = layerDeltas(matrix, weights);
    const l = firstMaxIndex(layerDelta, layerDelta.length, mask);
    out.layers[b] = l;
    out.deltas[b] = l < 0 ? NaN : layerDelta[l];
    out.ds[b] = cohensDOf(
      strengthMean(matrix, "positive", l, weights),
      strengthVariance(matrix, "positive", l, weights),
      strengthMean(matrix, "negative", l, weights),
      strengthVariance(matrix, "negative", l, weights),
    );
  }
  return out;
}

/**
 * Cohen's d of resamples `first + r` and `first + q` of a batch (of list sizes `sizes`) at their
 * best layers: the kernel's means, squared deviations and weights, then `rowVariance`'s
 * division.
 */
function cohensDPair(
  target: DifferenceLayout,
  sizes: Int32Array,
  first: number,
  [r, q]: [number, number],
  out: Resamples,
): void {
  const { layout: { kernels: k, offsets: o }, P } = target;
  const list = (i: number) =>
    [
      o.pairs + out.layers[first + i] * P * 16,
      o.idx + i * P * 4,
      o.ws + i * P * 8,
      sizes[i],
    ] as const;
  k.pairMoments(...list(r), ...list(q), o.moments);
  const m = target.layout.f64("moments", 12);
  const variance = (ss: number, n: number) => n > 1 ? ss / (n - 1) : NaN;
  for (const [i, at] of [[r, 0], [q, 6]]) {
    const [meanPos, meanNeg, ssPos, ssNeg, n] = m.subarray(at, at + 5);
    out.ds[first + i] = cohensDOf(meanPos, variance(ssPos, n), meanNeg, variance(ssNeg, n));
  }
}

/** Resamples drawn, then summed, together: the differences are read once per batch. */
const BATCH = 16;

/**
 * The resamples of a complete matrix with the kernels: the same draws (mulberry32 from `seed`),
 * and the same operations in the same order as {@link resampleAny}, on the drawn prompts only.
 */
function resampleComplete(
  matrix: CompleteMatrix,
  B: number,
  seed: number,
  mask: Uint8Array | undefined,
): Resamples {
  const target = differenceLayout(matrix, true, BATCH);
  const { layout: { kernels: k, offsets: o }, L, P, stride } = target;
  const out = { layers: new Int32Array(B), deltas: new Float64Array(B), ds: new Float64Array(B) };
  const deltas = new Float64Array(L), sizes = new Int32Array(BATCH);
  let state = seed >>> 0;
  for (let first = 0; first < B; first += BATCH) {
    const n = Math.min(BATCH, B - first);
    for (let r = 0; r < n; r++) {
      state = drawCounts(k, state, P, P, o.counts);
      sizes[r] = k.compact(o.counts, P, o.idx + r * P * 4, o.ws + r * P * 8);
    }
    layerSums(target, sizes.subarray(0, n));
    const sums = target.layout.f64("sums", n * stride);
    for (let r = 0; r < n; r++) {
      for (let l = 0; l < L; l++) deltas[l] = sums[r * stride + l] / P; // the weights add up to P
      const l = firstMaxIndex(deltas, L, mask); // the sums stay whole: only the choice is masked
      out.layers[first + r] = l;
      out.deltas[first + r] = deltas[l];
    }
    for (let r = 0; r < n; r += 2) {
      cohensDPair(target, sizes, first, [r, Math.min(r + 1, n - 1)], out);
    }
  }
  return out;
}
