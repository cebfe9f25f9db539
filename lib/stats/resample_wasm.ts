/**
 * The resampling kernels: one WebAssembly module, its functions written in flat text form
 * (`wasm_draws.ts`, `wasm_sums.ts`) and assembled by `wasm_text.ts` (no toolchain, nothing
 * fetched). Each kernel does the same IEEE operations in
 * the same order as the straightforward TypeScript it stands for, so its results are bit for bit
 * that code's (`tests/stats_resample_wasm_test.ts` pins each one to it):
 *
 * - `draws`: mulberry32 (`util/random.ts`) from a state, counting the draws floor(u * n), u =
 *   x / 2^32, computed as (x * n) >> 32: the same integer, since x * n < 2^53 for n < 2^21;
 *   `draws4` four at a time (i32x4 states: the states of a stream are seed + k 0x6d2b79f5).
 * - `compact`: the prompts drawn at least once, ascending (index and weight); counts zeroed.
 * - `accumulate16` / `accumulate8`: per layer, sum over those prompts in order of weight times
 *   difference, two layers per f64x2 lane pair, 16 or 8 layers per pass over the prompts (the
 *   sums of `layerDeltas` without the prompts of weight 0, which add exactly 0 to finite sums).
 * - `pairMoments`: `rowMean` and `rowVariance` (but the last division) of a layer at +1 and
 *   at -1 (the two lanes) over the drawn prompts, for two resamples at once (two chains).
 * - `shuffle` and `halves`: split_half.ts' Fisher-Yates shuffle, and the two halves' prompts.
 * @module
 */
import { wasmModule } from "./wasm_encoding.ts";
import { COMPACT, DRAWS, DRAWS4, HALVES, SHUFFLE } from "./wasm_draws.ts";
import { accumulate, PAIR_MOMENTS } from "./wasm_sums.ts";

/** The module's bytes. */
export const RESAMPLE_WASM: Uint8Array<ArrayBuffer> = wasmModule([
  DRAWS,
  DRAWS4,
  SHUFFLE,
  HALVES,
  COMPACT,
  accumulate(8),
  accumulate(4),
  PAIR_MOMENTS,
], 1);
